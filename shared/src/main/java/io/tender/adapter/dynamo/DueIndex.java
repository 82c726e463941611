package io.tender.adapter.dynamo;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One kind of work in the sparse {@code due} index (docs/DATA-MODEL.md): an item due at {@code T}
 * carries {@code duePk = DUE#{kind}#{shard}} and {@code dueSk = {T, epoch seconds, 12 digits}#{id}},
 * sharded 8 ways by id so no index partition runs hot. Reading what is due costs what is due, not
 * what exists.
 */
final class DueIndex {
  static final int SHARDS = 8;

  private final String kind;

  DueIndex(String kind) {
    this.kind = kind;
  }

  String partition(String id) {
    return "DUE#" + kind + "#" + Math.floorMod(Arrays.hashCode(id.getBytes(StandardCharsets.UTF_8)), SHARDS);
  }

  /** Fixed-width epoch seconds, so that text order is time order. */
  static String sortKey(Instant at, String id) {
    return String.format("%012d", at.getEpochSecond()) + "#" + id;
  }

  /** The table keys ({@code pk}, {@code sk}) of up to {@code limit} items due by {@code now}. */
  List<Map<String, AttributeValue>> dueBy(DynamoDbClient dynamo, String table, Instant now, int limit) {
    List<Map<String, AttributeValue>> due = new ArrayList<>();
    for (int shard = 0; shard < SHARDS && due.size() < limit; shard++) {
      String partition = "DUE#" + kind + "#" + shard;
      int wanted = limit - due.size();
      due.addAll(dynamo.query(query -> query.tableName(table).indexName("due")
              .keyConditionExpression("duePk = :partition AND dueSk <= :now")
              .expressionAttributeValues(Map.of(":partition", AttributeValue.fromS(partition),
                  // '~' sorts after every id character, so the whole second of "now" is included.
                  ":now", AttributeValue.fromS(String.format("%012d", now.getEpochSecond()) + "#~")))
              .limit(wanted))
          .items());
    }
    return due;
  }
}
