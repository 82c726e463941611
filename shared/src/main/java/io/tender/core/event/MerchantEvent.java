package io.tender.core.event;

import io.tender.core.tenant.Mode;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A notification owed to a merchant, built from the state committed in the same write as the event
 * itself, never from an object still in flight: what the merchant reads is what Tender stored.
 *
 * @param sequence orders the events of one payment and its refunds: the payment version that
 *     committed it, so a merchant can discard an event older than one already seen
 * @param occurredAt when the provider says it happened, or when Tender learned it
 * @param object the committed object as the merchant API shows it: strings, numbers, booleans,
 *     lists and maps only
 */
public record MerchantEvent(String id, String tenantId, Mode mode, String type, Instant created,
    Instant occurredAt, long sequence, String objectId, Map<String, Object> object) {

  public MerchantEvent {
    requireText(id, "id");
    requireText(tenantId, "tenantId");
    Objects.requireNonNull(mode, "mode");
    requireText(type, "type");
    Objects.requireNonNull(created, "created");
    Objects.requireNonNull(occurredAt, "occurredAt");
    requireText(objectId, "objectId");
    object = Map.copyOf(object);
    if (sequence < 0) {
      throw new IllegalArgumentException("a sequence is never negative");
    }
  }

  public boolean livemode() {
    return mode == Mode.LIVE;
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " is required");
    }
  }
}
