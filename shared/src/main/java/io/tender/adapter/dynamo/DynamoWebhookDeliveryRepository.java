package io.tender.adapter.dynamo;

import io.tender.core.error.ApiException;
import io.tender.core.tenant.Mode;
import io.tender.core.webhook.WebhookDelivery;
import io.tender.core.webhook.WebhookDeliveryRepository;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** Webhook deliveries in TenderTable; see {@link WebhookDeliveryItems} for the keys. */
public final class DynamoWebhookDeliveryRepository implements WebhookDeliveryRepository {
  /** Past this many remembered days the memory is dropped: a day written again costs one unit. */
  private static final int REMEMBERED_DAYS = 10_000;
  private static final int DAYS_PAGE = 31;

  private final DynamoDbClient dynamo;
  private final String table;
  /** The day items this instance has written: each is written once per container, not per delivery. */
  private final Set<String> daysWritten = ConcurrentHashMap.newKeySet();

  public DynamoWebhookDeliveryRepository(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  /**
   * Names the delivery's day before putting it: a crash between leaves a day with nothing in it,
   * which a listing reads past, never a delivery no listing reaches.
   */
  @Override
  public boolean create(WebhookDelivery delivery, Optional<Instant> releaseAt) {
    Map<String, AttributeValue> item = WebhookDeliveryItems.item(delivery, releaseAt);
    rememberDay(delivery.tenantId(), delivery.mode(), WebhookDeliveryItems.day(delivery.id()).orElseThrow());
    try {
      dynamo.putItem(put -> put.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
      return true;
    } catch (ConditionalCheckFailedException exists) {
      return false;
    }
  }

  private void rememberDay(String tenantId, Mode mode, LocalDate day) {
    Map<String, AttributeValue> dayItem = WebhookDeliveryItems.dayItem(tenantId, mode, day);
    String remembered = dayItem.get("pk").s() + "#" + day;
    if (daysWritten.contains(remembered)) {
      return;
    }
    // Unconditional: writing a day again changes nothing, and costs what a failed condition would.
    dynamo.putItem(put -> put.tableName(table).item(dayItem));
    if (daysWritten.size() >= REMEMBERED_DAYS) {
      daysWritten.clear();
    }
    daysWritten.add(remembered);
  }

  /** An id that is not one of ours names nothing: not found, without a read. */
  @Override
  public Optional<WebhookDelivery> find(String tenantId, Mode mode, String deliveryId) {
    Optional<Map<String, AttributeValue>> key = WebhookDeliveryItems.key(tenantId, mode, deliveryId);
    if (key.isEmpty()) {
      return Optional.empty();
    }
    Map<String, AttributeValue> item = dynamo.getItem(get -> get.tableName(table).consistentRead(true)
        .key(key.get())).item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(WebhookDeliveryItems.delivery(item));
  }

  @Override
  public boolean replace(WebhookDelivery next, Optional<Instant> releaseAt) {
    try {
      dynamo.putItem(put -> put.tableName(table).item(WebhookDeliveryItems.item(next, releaseAt))
          .conditionExpression("version = :previous")
          .expressionAttributeValues(Map.of(":previous", AttributeValue.fromN(Long.toString(next.version() - 1)))));
      return true;
    } catch (ConditionalCheckFailedException moved) {
      return false;
    }
  }

  /** The index keeps the table's keys: the tenant and mode are in {@code pk}, the id is {@code sk}. */
  @Override
  public List<Due> releasable(Instant now, int limit) {
    return WebhookDeliveryItems.DUE.dueBy(dynamo, table, now, limit).stream().map(item -> {
      List<String> parts = WebhookDeliveryItems.pkParts(item.get("pk").s());
      return new Due(parts.get(1), Mode.fromWire(parts.get(2)).orElseThrow(), item.get("sk").s());
    }).toList();
  }

  @Override
  public boolean postponeRelease(Due due, long version, Instant releaseAt) {
    Optional<Map<String, AttributeValue>> key = WebhookDeliveryItems.key(due.tenantId(), due.mode(), due.deliveryId());
    if (key.isEmpty()) {
      return false;
    }
    try {
      dynamo.updateItem(update -> update.tableName(table)
          .key(key.get())
          .updateExpression("SET dueSk = :dueSk")
          .conditionExpression("version = :version AND attribute_exists(duePk)")
          .expressionAttributeValues(Map.of(":dueSk",
              AttributeValue.fromS(DueIndex.sortKey(releaseAt, due.deliveryId())),
              ":version", AttributeValue.fromN(Long.toString(version)))));
      return true;
    } catch (ConditionalCheckFailedException moved) {
      return false;
    }
  }

  /**
   * Walks the days that have deliveries, newest first, from the cursor's day (or the newest day),
   * each by sort key below the cursor, newest first, until {@code limit} match the filter. Every
   * id filed under a day sorts before every id of a later day, so the pages join in id order with
   * nothing skipped or repeated at a day's end. A full page carries a cursor (its last id); a page
   * that is not full is the last.
   */
  @Override
  public DeliveryPage list(String tenantId, Mode mode, DeliveryFilter filter, Optional<String> cursor, int limit) {
    Optional<String> before = cursor.map(DynamoWebhookDeliveryRepository::decode);
    Optional<LocalDate> from = before.map(id -> WebhookDeliveryItems.day(id)
        .orElseThrow(() -> ApiException.invalidRequest("The cursor is not one this API returned")));
    List<WebhookDelivery> found = new ArrayList<>();
    Iterator<Map<String, AttributeValue>> days = days(tenantId, mode, from);
    while (found.size() < limit && days.hasNext()) {
      LocalDate walked = LocalDate.parse(days.next().get("sk").s());
      Optional<String> bound = from.filter(walked::equals).flatMap(cursorDay -> before);
      found.addAll(day(tenantId, mode, walked, filter, bound, limit - found.size()));
    }
    Optional<String> next = found.size() >= limit
        ? Optional.of(encode(found.get(found.size() - 1).id()))
        : Optional.empty();
    return new DeliveryPage(found, next);
  }

  /** The day items of (tenant, mode), newest first, from {@code from} down, read a page at a time. */
  private Iterator<Map<String, AttributeValue>> days(String tenantId, Mode mode, Optional<LocalDate> from) {
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":pk", AttributeValue.fromS(WebhookDeliveryItems.daysPartition(tenantId, mode)));
    String condition = "pk = :pk";
    if (from.isPresent()) {
      condition += " AND sk <= :from";
      values.put(":from", AttributeValue.fromS(from.get().toString()));
    }
    String keyCondition = condition;
    return dynamo.queryPaginator(query -> query.tableName(table).keyConditionExpression(keyCondition)
        .expressionAttributeValues(values).scanIndexForward(false).limit(DAYS_PAGE)).items().iterator();
  }

  private List<WebhookDelivery> day(String tenantId, Mode mode, LocalDate day, DeliveryFilter filter,
      Optional<String> before, int limit) {
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":pk", AttributeValue.fromS(WebhookDeliveryItems.dayPartition(tenantId, mode, day)));
    String condition = "pk = :pk";
    if (before.isPresent()) {
      condition += " AND sk < :before";
      values.put(":before", AttributeValue.fromS(before.get()));
    }
    List<String> filters = new ArrayList<>();
    filter.endpointId().ifPresent(id -> {
      filters.add("endpointId = :endpoint");
      values.put(":endpoint", AttributeValue.fromS(id));
    });
    filter.eventId().ifPresent(id -> {
      filters.add("eventId = :event");
      values.put(":event", AttributeValue.fromS(id));
    });
    filter.status().ifPresent(status -> {
      filters.add("#status = :status");
      values.put(":status", AttributeValue.fromS(status.name()));
    });
    String keyCondition = condition;
    // A filter is applied after each page is read, so the paginator reads on until enough match.
    return dynamo.queryPaginator(query -> {
          query.tableName(table).keyConditionExpression(keyCondition).expressionAttributeValues(values)
              .scanIndexForward(false).limit(limit);
          if (!filters.isEmpty()) {
            query.filterExpression(String.join(" AND ", filters));
          }
          if (filter.status().isPresent()) {
            query.expressionAttributeNames(Map.of("#status", "status"));
          }
        })
        .items().stream().limit(limit).map(WebhookDeliveryItems::delivery).toList();
  }

  private static String encode(String deliveryId) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(deliveryId.getBytes(StandardCharsets.UTF_8));
  }

  private static String decode(String cursor) {
    try {
      return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      throw ApiException.invalidRequest("The cursor is not one this API returned");
    }
  }
}
