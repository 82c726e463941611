package io.tender.adapter.dynamo;

import io.tender.core.id.Ids;
import io.tender.core.tenant.Mode;
import io.tender.core.webhook.MerchantEventStore;
import io.tender.core.webhook.StoredEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The committed merchant events (see {@link MerchantEventItems}); expired ones are never listed. */
public final class DynamoMerchantEventStore implements MerchantEventStore {
  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoMerchantEventStore(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  /** An id that is not one of ours names nothing: not found, without a read. */
  @Override
  public Optional<StoredEvent> find(String tenantId, Mode mode, String eventId) {
    Optional<Map<String, AttributeValue>> key = MerchantEventItems.key(tenantId, mode, eventId);
    if (key.isEmpty()) {
      return Optional.empty();
    }
    Map<String, AttributeValue> item = dynamo.getItem(get -> get.tableName(table).key(key.get())).item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(event(item));
  }

  /**
   * Walks the day partitions from the cursor's day (or the first day of the retention window, if
   * that is later or there is no cursor) up to today, each by sort key after the cursor, until
   * {@code limit} are found. Every id in a day sorts after every id of the day before, so the
   * pages join in id order with nothing skipped or repeated at a day's end.
   */
  @Override
  public List<StoredEvent> after(String tenantId, Mode mode, Optional<String> after, int limit, Instant now) {
    LocalDate oldest = MerchantEventItems.day(now.minus(MerchantEventItems.RETENTION));
    LocalDate today = MerchantEventItems.day(now);
    // A cursor whose time cannot be read still bounds each day by sort key; only the walk starts earlier.
    LocalDate from = after.flatMap(id -> Ids.createdAt(MerchantEventItems.ID_PREFIX, id)).map(MerchantEventItems::day)
        .filter(day -> day.isAfter(oldest)).orElse(oldest);
    List<StoredEvent> found = new ArrayList<>();
    for (LocalDate day = from; !day.isAfter(today) && found.size() < limit; day = day.plusDays(1)) {
      found.addAll(day(tenantId, mode, day, after, limit - found.size(), now));
    }
    return found;
  }

  private List<StoredEvent> day(String tenantId, Mode mode, LocalDate day, Optional<String> after, int limit,
      Instant now) {
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":pk", AttributeValue.fromS(MerchantEventItems.dayPartition(tenantId, mode, day)));
    values.put(":now", AttributeValue.fromN(Long.toString(now.getEpochSecond())));
    String condition = "pk = :pk";
    if (after.isPresent()) {
      condition += " AND sk > :after";
      values.put(":after", AttributeValue.fromS(after.get()));
    }
    String keyCondition = condition;
    // TTL deletes days late: an expired event is filtered out here, not trusted to be gone.
    return dynamo.queryPaginator(query -> query.tableName(table)
            .keyConditionExpression(keyCondition).filterExpression("expiresAt > :now")
            .expressionAttributeValues(values).scanIndexForward(true).limit(limit))
        .items().stream().limit(limit).map(DynamoMerchantEventStore::event).toList();
  }

  private static StoredEvent event(Map<String, AttributeValue> item) {
    return new StoredEvent(item.get("id").s(), item.get("tenantId").s(), Mode.fromWire(item.get("mode").s()).orElseThrow(),
        item.get("type").s(), Instant.parse(item.get("created").s()), item.get("body").s());
  }
}
