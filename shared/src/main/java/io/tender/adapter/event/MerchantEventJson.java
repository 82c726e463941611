package io.tender.adapter.event;

import io.tender.core.event.MerchantEvent;
import io.tender.adapter.json.Json;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The body a merchant receives: {@code {id, type, created, livemode, sequence, data:{object}}},
 * written once when the event is committed, so every delivery and every signature is over the
 * same bytes.
 */
public final class MerchantEventJson {
  private MerchantEventJson() {}

  public static String body(MerchantEvent event) {
    return Json.write(envelope(event.id(), event.type(), event.created(), event.occurredAt(), event.livemode(),
        event.sequence(), event.object()));
  }

  /**
   * A test send's body: the same envelope, marked {@code "test": true}, carrying the merchant's own
   * {@code data} as its object; it belongs to no object, so its sequence is 0.
   */
  public static String testBody(String id, String type, Instant created, boolean livemode, Object data) {
    Map<String, Object> envelope = envelope(id, type, created, created, livemode, 0, data);
    envelope.put("test", true);
    return Json.write(envelope);
  }

  private static Map<String, Object> envelope(String id, String type, Instant created, Instant occurredAt,
      boolean livemode, long sequence, Object object) {
    Map<String, Object> envelope = new LinkedHashMap<>();
    envelope.put("id", id);
    envelope.put("object", "event");
    envelope.put("type", type);
    envelope.put("created", created.getEpochSecond());
    envelope.put("occurred_at", occurredAt.toString());
    envelope.put("livemode", livemode);
    envelope.put("sequence", sequence);
    envelope.put("data", Map.of("object", object));
    return envelope;
  }
}
