package io.tender.local.dynamostream;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.model.Shard;

/**
 * Which shards may be read now. A shard's records follow its parent's, so a child waits until its
 * parent has been read to the end, unless the parent is gone from the stream (trimmed after 24
 * hours), as Lambda does to keep each item's changes in order.
 */
final class ShardLineage {
  private ShardLineage() {}

  static List<Shard> readyToStart(List<Shard> shards, Collection<String> started, Set<String> finished) {
    Set<String> listed = shards.stream().map(Shard::shardId).collect(Collectors.toSet());
    return shards.stream()
        .filter(shard -> !started.contains(shard.shardId()))
        .filter(shard -> shard.parentShardId() == null
            || !listed.contains(shard.parentShardId())
            || finished.contains(shard.parentShardId()))
        .toList();
  }
}
