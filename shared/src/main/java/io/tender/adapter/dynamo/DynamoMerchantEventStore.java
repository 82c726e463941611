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

/**
 * The committed merchant events (see {@link MerchantEventItems}); expired ones are never listed.
 * Events are listed by item (by its first id), then in their order in the item: a cursor is the
 * last event id read, which names its item and its place in it.
 */
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
    return holding(tenantId, mode, eventId).flatMap(item -> MerchantEventItems.stored(item).stream()
        .filter(event -> event.id().equals(eventId)).findFirst());
  }

  /**
   * Continues inside the item holding the cursor, after it, then walks the day partitions from
   * that item's day (the first day of the retention window, if that is later or there is no
   * cursor) up to today, each by sort key after that item's, until {@code limit} are found. Every
   * item's key in a day sorts after every one of the day before, so pages join with nothing
   * skipped or repeated, even where a page ended inside an item or at a day's end.
   */
  @Override
  public List<StoredEvent> after(String tenantId, Mode mode, Optional<String> after, int limit, Instant now) {
    LocalDate oldest = MerchantEventItems.day(now.minus(MerchantEventItems.RETENTION));
    LocalDate today = MerchantEventItems.day(now);
    List<StoredEvent> found = new ArrayList<>();
    // A cursor naming no stored event (expired, or never ours) still bounds the keys by its own.
    Optional<String> afterKey = after;
    Optional<LocalDate> from = after.flatMap(id -> Ids.createdAt(MerchantEventItems.ID_PREFIX, id))
        .map(MerchantEventItems::day);
    Optional<Map<String, AttributeValue>> holding = after.flatMap(id -> holding(tenantId, mode, id));
    if (holding.isPresent()) {
      Map<String, AttributeValue> item = holding.get();
      if (!MerchantEventItems.expired(item, now)) {
        List<StoredEvent> events = MerchantEventItems.stored(item);
        int at = events.stream().map(StoredEvent::id).toList().indexOf(after.get());
        events.subList(at + 1, events.size()).stream().limit(limit).forEach(found::add);
      }
      afterKey = Optional.of(item.get("sk").s());
      from = Ids.createdAt(MerchantEventItems.ID_PREFIX, afterKey.get()).map(MerchantEventItems::day);
    }
    for (LocalDate day = from.filter(d -> d.isAfter(oldest)).orElse(oldest); !day.isAfter(today)
        && found.size() < limit; day = day.plusDays(1)) {
      found.addAll(day(tenantId, mode, day, afterKey, limit - found.size(), now));
    }
    return found;
  }

  /**
   * The item holding {@code eventId}: the last item at or before the id, back to the earliest key
   * an item holding it can have, that lists it; in the id's day, then the day before when the id
   * was made just after midnight. Normally the first item read is it (0.5 RRU); another change's
   * item that sorts between an item's ids costs one more read each.
   */
  private Optional<Map<String, AttributeValue>> holding(String tenantId, Mode mode, String eventId) {
    Optional<Instant> made = Ids.createdAt(MerchantEventItems.ID_PREFIX, eventId);
    if (made.isEmpty()) {
      return Optional.empty();
    }
    for (LocalDate day : MerchantEventItems.days(made.get())) {
      Map<String, AttributeValue> values = Map.of(
          ":pk", AttributeValue.fromS(MerchantEventItems.dayPartition(tenantId, mode, day)),
          ":lo", AttributeValue.fromS(MerchantEventItems.earliestKey(made.get())),
          ":id", AttributeValue.fromS(eventId));
      Optional<Map<String, AttributeValue>> item = dynamo.queryPaginator(query -> query.tableName(table)
              .keyConditionExpression("pk = :pk AND sk BETWEEN :lo AND :id").expressionAttributeValues(values)
              .scanIndexForward(false).limit(1))
          .items().stream()
          .filter(candidate -> MerchantEventItems.entries(candidate).stream().anyMatch(e -> e.id().equals(eventId)))
          .findFirst();
      if (item.isPresent()) {
        return item;
      }
    }
    return Optional.empty();
  }

  private List<StoredEvent> day(String tenantId, Mode mode, LocalDate day, Optional<String> afterKey, int limit,
      Instant now) {
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":pk", AttributeValue.fromS(MerchantEventItems.dayPartition(tenantId, mode, day)));
    values.put(":now", AttributeValue.fromN(Long.toString(now.getEpochSecond())));
    String condition = "pk = :pk";
    if (afterKey.isPresent()) {
      condition += " AND sk > :after";
      values.put(":after", AttributeValue.fromS(afterKey.get()));
    }
    String keyCondition = condition;
    // TTL deletes days late: an expired item is filtered out here, not trusted to be gone. Every
    // item holds at least one event, so {@code limit} items are always enough.
    return dynamo.queryPaginator(query -> query.tableName(table)
            .keyConditionExpression(keyCondition).filterExpression("expiresAt > :now")
            .expressionAttributeValues(values).scanIndexForward(true).limit(limit))
        .items().stream().flatMap(item -> MerchantEventItems.stored(item).stream()).limit(limit).toList();
  }
}
