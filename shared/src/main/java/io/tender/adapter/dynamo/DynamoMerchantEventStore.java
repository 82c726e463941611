package io.tender.adapter.dynamo;

import io.tender.core.tenant.Mode;
import io.tender.core.webhook.MerchantEventStore;
import io.tender.core.webhook.StoredEvent;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The committed merchant events (see {@link MerchantEventItems}); expired ones are never answered. */
public final class DynamoMerchantEventStore implements MerchantEventStore {
  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoMerchantEventStore(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  @Override
  public Optional<StoredEvent> find(String tenantId, Mode mode, String eventId) {
    Map<String, AttributeValue> item = dynamo.getItem(get -> get.tableName(table)
        .key(MerchantEventItems.key(tenantId, mode, eventId))).item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(event(item));
  }

  @Override
  public List<StoredEvent> after(String tenantId, Mode mode, Optional<String> after, int limit, Instant now) {
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":pk", AttributeValue.fromS(MerchantEventItems.listPartition(tenantId, mode)));
    values.put(":now", AttributeValue.fromN(Long.toString(now.getEpochSecond())));
    String condition = "gsi1pk = :pk";
    if (after.isPresent()) {
      condition += " AND gsi1sk > :after";
      values.put(":after", AttributeValue.fromS(after.get()));
    }
    String keyCondition = condition;
    // TTL deletes days late: an expired event is filtered out here, not trusted to be gone.
    return dynamo.queryPaginator(query -> query.tableName(table).indexName("gsi1")
            .keyConditionExpression(keyCondition).filterExpression("expiresAt > :now")
            .expressionAttributeValues(values).scanIndexForward(true).limit(limit))
        .items().stream().limit(limit).map(DynamoMerchantEventStore::event).toList();
  }

  private static StoredEvent event(Map<String, AttributeValue> item) {
    return new StoredEvent(item.get("id").s(), item.get("tenantId").s(), Mode.fromWire(item.get("mode").s()).orElseThrow(),
        item.get("type").s(), Instant.parse(item.get("created").s()), item.get("body").s());
  }
}
