package io.tender.adapter.dynamo;

import io.tender.core.checkout.SessionExpiries;
import io.tender.core.tenant.Mode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Session expiries through the sparse {@code due} index: {@code duePk = DUE#SESSION_EXPIRY#{shard}},
 * {@code dueSk = {expiresAt, epoch seconds, 12 digits}#{sessionId}}, 8 shards by session id so no index partition runs hot.
 * Reading costs what is due, not what exists; {@link #done} removes the keys, so the index holds
 * only what is still due.
 */
public final class DueSessionExpiries implements SessionExpiries {
  static final int SHARDS = 8;

  private final DynamoDbClient dynamo;
  private final String table;

  public DueSessionExpiries(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  /** Fixed-width epoch seconds, so that text order is time order. */
  static String sortKey(Instant at, String sessionId) {
    return String.format("%012d", at.getEpochSecond()) + "#" + sessionId;
  }

  static String partition(String sessionId) {
    int shard = Math.floorMod(java.util.Arrays.hashCode(sessionId.getBytes(StandardCharsets.UTF_8)), SHARDS);
    return "DUE#SESSION_EXPIRY#" + shard;
  }

  @Override
  public List<Due> dueBy(Instant now, int limit) {
    List<Due> due = new ArrayList<>();
    for (int shard = 0; shard < SHARDS && due.size() < limit; shard++) {
      String partition = "DUE#SESSION_EXPIRY#" + shard;
      int wanted = limit - due.size();
      dynamo.query(query -> query.tableName(table).indexName("due")
              .keyConditionExpression("duePk = :partition AND dueSk <= :now")
              .expressionAttributeValues(Map.of(":partition", AttributeValue.fromS(partition),
                  // '~' sorts after every id character, so the whole second of "now" is included.
                  ":now", AttributeValue.fromS(String.format("%012d", now.getEpochSecond()) + "#~")))
              .limit(wanted))
          .items().forEach(item -> due.add(due(item.get("pk").s())));
    }
    return due;
  }

  @Override
  public void done(Due due) {
    dynamo.updateItem(update -> update.tableName(table)
        .key(Map.of("pk", AttributeValue.fromS("T#" + due.tenantId() + "#" + due.mode().wire() + "#CS#" + due.sessionId()),
            "sk", AttributeValue.fromS("#")))
        .updateExpression("REMOVE duePk, dueSk")
        .conditionExpression("attribute_exists(pk)"));
  }

  /** {@code T#{tenant}#{mode}#CS#{id}} back into its parts. */
  private static Due due(String pk) {
    String[] parts = pk.split("#");
    return new Due(parts[1], Mode.fromWire(parts[2]).orElseThrow(), parts[4]);
  }
}
