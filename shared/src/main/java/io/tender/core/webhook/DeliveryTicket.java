package io.tender.core.webhook;

import io.tender.core.tenant.Mode;
import java.util.Objects;
import java.util.Optional;

/**
 * A queued request to make attempt {@code attempt} of one delivery; a stale ticket is dropped.
 *
 * @param eventBody the event's stored body, when the ticket was made with it in hand (fan-out, a
 *     queued retry), so that the attempt need not read the event; it never changes once committed
 */
public record DeliveryTicket(String tenantId, Mode mode, String deliveryId, int attempt, Optional<String> eventBody) {
  /** Bodies larger than this are read by the attempt instead of riding in the queue message. */
  public static final int MAX_CARRIED_BODY_CHARS = 32 * 1024;

  public DeliveryTicket {
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(deliveryId, "deliveryId");
    eventBody = Objects.requireNonNull(eventBody, "eventBody").filter(body -> body.length() <= MAX_CARRIED_BODY_CHARS);
  }

  /** A ticket without the event's body: the attempt reads the event. */
  public DeliveryTicket(String tenantId, Mode mode, String deliveryId, int attempt) {
    this(tenantId, mode, deliveryId, attempt, Optional.empty());
  }
}
