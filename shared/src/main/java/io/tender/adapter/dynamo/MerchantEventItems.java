package io.tender.adapter.dynamo;

import io.tender.adapter.event.MerchantEventJson;
import io.tender.core.event.MerchantEvent;
import io.tender.core.id.Ids;
import io.tender.core.tenant.Mode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Merchant events as TenderTable items, one partition per (tenant, mode, UTC day the event's id
 * was made on): {@code pk = T#{t}#{m}#EVENTS#{yyyy-mm-dd}}, {@code sk = {evtId}}. Ids are
 * time-ordered, so walking the days in order and each day by sort key lists events oldest first
 * from the table itself, and an event's key follows from its id alone. No index copy: inside the
 * settlement's transaction every index write is billed twice. Kept 30 days. Inserting one is what
 * starts its delivery: the table's stream carries it (by {@code kind}) to the dispatcher.
 *
 * <p>Days, not hours: a feed read with no cursor walks every partition of the retention window,
 * 31 days against 721 hours, and a merchant's event rate is far below what one partition takes.
 */
public final class MerchantEventItems {
  /** How long merchants can pull events they missed. */
  public static final Duration RETENTION = Duration.ofDays(30);
  public static final String KIND = "EVENT";
  public static final String ID_PREFIX = "evt";

  private MerchantEventItems() {}

  /**
   * Where event {@code eventId} of (tenant, mode) is, or empty when it is not an event id of ours
   * and so names nothing. The tenant and mode come from the caller, never the id: an id that
   * claims another time only points at another day of the caller's own events.
   */
  public static Optional<Map<String, AttributeValue>> key(String tenantId, Mode mode, String eventId) {
    return Ids.createdAt(ID_PREFIX, eventId)
        .map(made -> Map.of("pk", s(dayPartition(tenantId, mode, day(made))), "sk", s(eventId)));
  }

  /** The partition holding the events of (tenant, mode) whose ids were made on {@code day}. */
  public static String dayPartition(String tenantId, Mode mode, LocalDate day) {
    return "T#" + tenantId + "#" + mode.wire() + "#EVENTS#" + day;
  }

  /** The UTC day of {@code at}: the day partition an id made then is filed under. */
  public static LocalDate day(Instant at) {
    return LocalDate.ofInstant(at, ZoneOffset.UTC);
  }

  public static Map<String, AttributeValue> item(MerchantEvent event) {
    Map<String, AttributeValue> item = new HashMap<>(key(event.tenantId(), event.mode(), event.id())
        .orElseThrow(() -> new IllegalArgumentException("a merchant event's id must be one Tender made: " + event.id())));
    item.put("kind", s(KIND));
    item.put("id", s(event.id()));
    item.put("tenantId", s(event.tenantId()));
    item.put("mode", s(event.mode().wire()));
    item.put("type", s(event.type()));
    item.put("objectId", s(event.objectId()));
    item.put("sequence", AttributeValue.fromN(Long.toString(event.sequence())));
    item.put("created", s(event.created().toString()));
    item.put("body", s(MerchantEventJson.body(event)));
    item.put("expiresAt", AttributeValue.fromN(Long.toString(event.created().plus(RETENTION).getEpochSecond())));
    return item;
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }
}
