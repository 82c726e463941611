package io.tender.local.dynamostream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.Shard;

/** A child shard is read only after its parent, so that each item's changes stay in order. */
class ShardLineageTest {
  private static final Shard ROOT = Shard.builder().shardId("root").build();
  private static final Shard CHILD = Shard.builder().shardId("child").parentShardId("root").build();
  private static final Shard ORPHAN = Shard.builder().shardId("orphan").parentShardId("trimmed").build();

  @Test
  void aChildWaitsForItsParentToBeReadToTheEnd() {
    assertThat(ShardLineage.readyToStart(List.of(ROOT, CHILD), Set.of(), Set.of())).containsExactly(ROOT);
    assertThat(ShardLineage.readyToStart(List.of(ROOT, CHILD), Set.of("root"), Set.of())).isEmpty();
    assertThat(ShardLineage.readyToStart(List.of(ROOT, CHILD), Set.of("root"), Set.of("root")))
        .containsExactly(CHILD);
  }

  @Test
  void aShardWhoseParentIsGoneFromTheStreamIsReadAtOnce() {
    assertThat(ShardLineage.readyToStart(List.of(ORPHAN), Set.of(), Set.of())).containsExactly(ORPHAN);
  }

  @Test
  void aShardIsStartedOnce() {
    assertThat(ShardLineage.readyToStart(List.of(ROOT, CHILD), Set.of("root", "child"), Set.of("root")))
        .isEmpty();
  }
}
