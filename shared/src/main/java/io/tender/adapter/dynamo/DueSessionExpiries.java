package io.tender.adapter.dynamo;

import io.tender.core.checkout.SessionExpiries;
import io.tender.core.tenant.Mode;
import java.time.Instant;
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
  static final DueIndex INDEX = new DueIndex("SESSION_EXPIRY");

  private final DynamoDbClient dynamo;
  private final String table;

  public DueSessionExpiries(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  @Override
  public List<Due> dueBy(Instant now, int limit) {
    return INDEX.dueBy(dynamo, table, now, limit).stream().map(item -> due(item.get("pk").s())).toList();
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
