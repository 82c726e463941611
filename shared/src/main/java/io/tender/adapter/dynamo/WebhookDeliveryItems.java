package io.tender.adapter.dynamo;

import io.tender.core.id.Ids;
import io.tender.core.tenant.Mode;
import io.tender.core.webhook.DeliveryAttempt;
import io.tender.core.webhook.WebhookDelivery;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Deliveries as TenderTable items, one partition per (tenant, mode, UTC day of the millisecond the
 * delivery's id carries): {@code pk = T#{t}#{m}#WHDELIVERY#{yyyy-mm-dd}}, {@code sk = {deliveryId}},
 * with the attempt log inside and no index copy, so neither the fan-out's put nor an attempt's
 * write pays for one. Every delivery id is time-ordered (an automatic delivery's begins with its
 * event id's time part), so a delivery's key follows from its id alone and a day read by sort
 * key, newest first, lists it newest first. The days a (tenant, mode) has deliveries on are kept
 * as small items of their own ({@code pk = T#{t}#{m}#WHDELIVERY#DAYS}, {@code sk = {yyyy-mm-dd}}):
 * the log is kept for good, so a listing walks only the days that have deliveries instead of
 * every day back to the first. While pending a delivery is in the {@code due} index
 * ({@code DUE#DELIVERY_RETRY#{shard}}) at the time the retry sweeper must act.
 */
final class WebhookDeliveryItems {
  static final String KIND = "WHDELIVERY";
  static final String ID_PREFIX = "wd";
  static final DueIndex DUE = new DueIndex("DELIVERY_RETRY");

  private WebhookDeliveryItems() {}

  /**
   * Where delivery {@code id} of (tenant, mode) is, or empty when it is not a delivery id of ours
   * and so names nothing. The tenant and mode come from the caller, never the id.
   */
  static Optional<Map<String, AttributeValue>> key(String tenantId, Mode mode, String id) {
    return day(id).map(day -> Map.of("pk", s(dayPartition(tenantId, mode, day)), "sk", s(id)));
  }

  /** The UTC day delivery {@code id} is filed under, or empty when it is not one of ours. */
  static Optional<LocalDate> day(String id) {
    return Ids.createdAt(ID_PREFIX, id).map(made -> LocalDate.ofInstant(made, ZoneOffset.UTC));
  }

  /** The partition holding the deliveries of (tenant, mode) filed under {@code day}. */
  static String dayPartition(String tenantId, Mode mode, LocalDate day) {
    return "T#" + tenantId + "#" + mode.wire() + "#" + KIND + "#" + day;
  }

  /** The partition naming, one item each, the days (tenant, mode) has deliveries on. */
  static String daysPartition(String tenantId, Mode mode) {
    return "T#" + tenantId + "#" + mode.wire() + "#" + KIND + "#DAYS";
  }

  static Map<String, AttributeValue> dayItem(String tenantId, Mode mode, LocalDate day) {
    return Map.of("pk", s(daysPartition(tenantId, mode)), "sk", s(day.toString()));
  }

  static Map<String, AttributeValue> item(WebhookDelivery delivery, Optional<Instant> releaseAt) {
    Map<String, AttributeValue> item = new HashMap<>(key(delivery.tenantId(), delivery.mode(), delivery.id())
        .orElseThrow(() -> new IllegalArgumentException("a delivery's id must be one Tender made: " + delivery.id())));
    item.put("eventId", s(delivery.eventId()));
    item.put("eventType", s(delivery.eventType()));
    item.put("endpointId", s(delivery.endpointId()));
    item.put("status", s(delivery.status().name()));
    item.put("attempts", AttributeValue.fromL(delivery.attempts().stream().map(WebhookDeliveryItems::attempt).toList()));
    delivery.nextAttemptAt().ifPresent(at -> item.put("nextAttemptAt", s(at.toString())));
    delivery.redeliveryOf().ifPresent(id -> item.put("redeliveryOf", s(id)));
    item.put("version", n(delivery.version()));
    item.put("createdAt", s(delivery.createdAt().toString()));
    releaseAt.ifPresent(at -> {
      item.put("duePk", s(DUE.partition(delivery.id())));
      item.put("dueSk", s(DueIndex.sortKey(at, delivery.id())));
    });
    return item;
  }

  /** The tenant, mode and id are read from the keys, not stored again. */
  static WebhookDelivery delivery(Map<String, AttributeValue> item) {
    List<String> pk = pkParts(item.get("pk").s());
    return new WebhookDelivery(item.get("sk").s(), pk.get(1), Mode.fromWire(pk.get(2)).orElseThrow(),
        item.get("eventId").s(), item.get("eventType").s(),
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

  /** {@code T}, tenant, mode, {@value #KIND}, day. */
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
