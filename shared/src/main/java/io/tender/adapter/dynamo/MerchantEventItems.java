package io.tender.adapter.dynamo;

import io.tender.adapter.event.MerchantEventJson;
import io.tender.core.event.MerchantEvent;
import io.tender.core.tenant.Mode;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Merchant events as TenderTable items ({@code T#{t}#{m}#EVENT#{id}}), listed newest last through
 * gsi1 ({@code T#{t}#{m}#EVENT}, ids are time-ordered) for the pull fallback, and kept 30 days.
 * Inserting one is what starts its delivery: the table's stream carries it to the dispatcher.
 */
public final class MerchantEventItems {
  /** How long merchants can pull events they missed. */
  public static final Duration RETENTION = Duration.ofDays(30);
  public static final String KIND = "EVENT";

  private MerchantEventItems() {}

  public static Map<String, AttributeValue> key(String tenantId, Mode mode, String eventId) {
    return Map.of("pk", s(partitionPrefix(tenantId, mode) + "#" + eventId), "sk", s("#"));
  }

  public static String listPartition(String tenantId, Mode mode) {
    return partitionPrefix(tenantId, mode);
  }

  public static Map<String, AttributeValue> item(MerchantEvent event) {
    Map<String, AttributeValue> item = new HashMap<>(key(event.tenantId(), event.mode(), event.id()));
    item.put("kind", s(KIND));
    item.put("id", s(event.id()));
    item.put("tenantId", s(event.tenantId()));
    item.put("mode", s(event.mode().wire()));
    item.put("type", s(event.type()));
    item.put("objectId", s(event.objectId()));
    item.put("sequence", AttributeValue.fromN(Long.toString(event.sequence())));
    item.put("created", s(event.created().toString()));
    item.put("body", s(MerchantEventJson.body(event)));
    item.put("gsi1pk", s(listPartition(event.tenantId(), event.mode())));
    item.put("gsi1sk", s(event.id()));
    item.put("expiresAt", AttributeValue.fromN(Long.toString(event.created().plus(RETENTION).getEpochSecond())));
    return item;
  }

  private static String partitionPrefix(String tenantId, Mode mode) {
    return "T#" + tenantId + "#" + mode.wire() + "#" + KIND;
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }
}
