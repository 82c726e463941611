package io.tender.adapter.dynamo;

import io.tender.core.tenant.Mode;
import io.tender.core.webhook.WebhookDelivery;
import io.tender.core.webhook.WebhookDeliveryRepository;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** Webhook deliveries in TenderTable; see {@link WebhookDeliveryItems} for the keys. */
public final class DynamoWebhookDeliveryRepository implements WebhookDeliveryRepository {
  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoWebhookDeliveryRepository(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  @Override
  public boolean create(WebhookDelivery delivery, Optional<Instant> releaseAt) {
    try {
      dynamo.putItem(put -> put.tableName(table).item(WebhookDeliveryItems.item(delivery, releaseAt))
          .conditionExpression("attribute_not_exists(pk)"));
      return true;
    } catch (ConditionalCheckFailedException exists) {
      return false;
    }
  }

  @Override
  public Optional<WebhookDelivery> find(String tenantId, Mode mode, String deliveryId) {
    Map<String, AttributeValue> item = dynamo.getItem(get -> get.tableName(table).consistentRead(true)
        .key(WebhookDeliveryItems.key(tenantId, mode, deliveryId))).item();
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

  @Override
  public List<Due> releasable(Instant now, int limit) {
    return WebhookDeliveryItems.DUE.dueBy(dynamo, table, now, limit).stream().map(item -> {
      List<String> parts = WebhookDeliveryItems.pkParts(item.get("pk").s());
      return new Due(parts.get(1), Mode.fromWire(parts.get(2)).orElseThrow(), parts.get(4));
    }).toList();
  }

  @Override
  public boolean postponeRelease(Due due, long version, Instant releaseAt) {
    try {
      dynamo.updateItem(update -> update.tableName(table)
          .key(WebhookDeliveryItems.key(due.tenantId(), due.mode(), due.deliveryId()))
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

  @Override
  public DeliveryPage list(String tenantId, Mode mode, DeliveryFilter filter, Optional<String> cursor, int limit) {
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":pk", AttributeValue.fromS(WebhookDeliveryItems.listPartition(tenantId, mode)));
    String keyCondition = "gsi1pk = :pk";
    if (cursor.isPresent()) {
      keyCondition += " AND gsi1sk < :cursor";
      values.put(":cursor", AttributeValue.fromS(decode(cursor.get())));
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
    List<WebhookDelivery> found = new ArrayList<>();
    Map<String, AttributeValue> start = null;
    String lastSortKey = null;
    // A filter is applied after each page is read, so keep reading until the page is full.
    do {
      Map<String, AttributeValue> from = start;
      String condition = keyCondition;
      QueryResponse page = dynamo.query(query -> {
        query.tableName(table).indexName("gsi1").keyConditionExpression(condition)
            .expressionAttributeValues(values).scanIndexForward(false).limit(limit).exclusiveStartKey(from);
        if (!filters.isEmpty()) {
          query.filterExpression(String.join(" AND ", filters));
        }
        if (filter.status().isPresent()) {
          query.expressionAttributeNames(Map.of("#status", "status"));
        }
      });
      for (Map<String, AttributeValue> item : page.items()) {
        if (found.size() < limit) {
          found.add(WebhookDeliveryItems.delivery(item));
          lastSortKey = item.get("gsi1sk").s();
        }
      }
      start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
      if (found.size() >= limit) {
        break;
      }
      if (start != null) {
        lastSortKey = start.get("gsi1sk").s();
      }
    } while (start != null);
    boolean more = start != null || found.size() >= limit;
    return new DeliveryPage(found, more && lastSortKey != null ? Optional.of(encode(lastSortKey)) : Optional.empty());
  }

  private static String encode(String sortKey) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(sortKey.getBytes(StandardCharsets.UTF_8));
  }

  private static String decode(String cursor) {
    try {
      return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      throw io.tender.core.error.ApiException.invalidRequest("The cursor is not one this API returned");
    }
  }
}
