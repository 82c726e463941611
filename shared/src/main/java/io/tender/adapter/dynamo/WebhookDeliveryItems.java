package io.tender.adapter.dynamo;

import io.tender.core.tenant.Mode;
import io.tender.core.webhook.DeliveryAttempt;
import io.tender.core.webhook.WebhookDelivery;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Deliveries as TenderTable items ({@code T#{t}#{m}#WHDELIVERY#{id}}) with their attempt log
 * inside, listed newest first through gsi1, and in the {@code due} index
 * ({@code DUE#DELIVERY_RETRY#{shard}}) while pending, at the time the retry sweeper must act.
 */
final class WebhookDeliveryItems {
  static final String KIND = "WHDELIVERY";
  static final DueIndex DUE = new DueIndex("DELIVERY_RETRY");

  private WebhookDeliveryItems() {}

  static Map<String, AttributeValue> key(String tenantId, Mode mode, String id) {
    return Map.of("pk", s(listPartition(tenantId, mode) + "#" + id), "sk", s("#"));
  }

  static String listPartition(String tenantId, Mode mode) {
    return "T#" + tenantId + "#" + mode.wire() + "#" + KIND;
  }

  static Map<String, AttributeValue> item(WebhookDelivery delivery, Optional<Instant> releaseAt) {
    Map<String, AttributeValue> item = new HashMap<>(key(delivery.tenantId(), delivery.mode(), delivery.id()));
    item.put("id", s(delivery.id()));
    item.put("tenantId", s(delivery.tenantId()));
    item.put("mode", s(delivery.mode().wire()));
    item.put("eventId", s(delivery.eventId()));
    item.put("eventType", s(delivery.eventType()));
    item.put("endpointId", s(delivery.endpointId()));
    item.put("status", s(delivery.status().name()));
    item.put("attempts", AttributeValue.fromL(delivery.attempts().stream().map(WebhookDeliveryItems::attempt).toList()));
    delivery.nextAttemptAt().ifPresent(at -> item.put("nextAttemptAt", s(at.toString())));
    delivery.redeliveryOf().ifPresent(id -> item.put("redeliveryOf", s(id)));
    item.put("version", n(delivery.version()));
    item.put("createdAt", s(delivery.createdAt().toString()));
    item.put("gsi1pk", s(listPartition(delivery.tenantId(), delivery.mode())));
    item.put("gsi1sk", s(delivery.createdAt() + "#" + delivery.id()));
    releaseAt.ifPresent(at -> {
      item.put("duePk", s(DUE.partition(delivery.id())));
      item.put("dueSk", s(DueIndex.sortKey(at, delivery.id())));
    });
    return item;
  }

  static WebhookDelivery delivery(Map<String, AttributeValue> item) {
    return new WebhookDelivery(item.get("id").s(), item.get("tenantId").s(),
        Mode.fromWire(item.get("mode").s()).orElseThrow(), item.get("eventId").s(), item.get("eventType").s(),
        item.get("endpointId").s(), WebhookDelivery.Status.valueOf(item.get("status").s()),
        item.get("attempts").l().stream().map(value -> attempt(value.m())).toList(),
        Optional.ofNullable(item.get("nextAttemptAt")).map(value -> Instant.parse(value.s())),
        Optional.ofNullable(item.get("redeliveryOf")).map(AttributeValue::s),
        Long.parseLong(item.get("version").n()), Instant.parse(item.get("createdAt").s()));
  }

  private static AttributeValue attempt(DeliveryAttempt attempt) {
    Map<String, AttributeValue> map = new HashMap<>();
    map.put("number", n(attempt.number()));
    map.put("at", s(attempt.at().toString()));
    attempt.statusCode().ifPresent(code -> map.put("statusCode", n(code)));
    map.put("latencyMillis", n(attempt.latencyMillis()));
    map.put("errorClass", s(attempt.errorClass()));
    map.put("excerpt", s(attempt.excerpt()));
    map.put("detail", s(attempt.detail()));
    return AttributeValue.fromM(map);
  }

  private static DeliveryAttempt attempt(Map<String, AttributeValue> map) {
    return new DeliveryAttempt(Integer.parseInt(map.get("number").n()), Instant.parse(map.get("at").s()),
        Optional.ofNullable(map.get("statusCode")).map(value -> Integer.parseInt(value.n())),
        Long.parseLong(map.get("latencyMillis").n()), map.get("errorClass").s(), map.get("excerpt").s(),
        map.get("detail").s());
  }

  static List<String> pkParts(String pk) {
    return List.of(pk.split("#"));
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }
}
