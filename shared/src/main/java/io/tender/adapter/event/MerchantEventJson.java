package io.tender.adapter.event;

import io.tender.core.event.MerchantEvent;
import io.tender.adapter.json.Json;
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
    Map<String, Object> envelope = new LinkedHashMap<>();
    envelope.put("id", event.id());
    envelope.put("object", "event");
    envelope.put("type", event.type());
    envelope.put("created", event.created().getEpochSecond());
    envelope.put("occurred_at", event.occurredAt().toString());
    envelope.put("livemode", event.livemode());
    envelope.put("sequence", event.sequence());
    envelope.put("data", Map.of("object", event.object()));
    return Json.write(envelope);
  }
}
