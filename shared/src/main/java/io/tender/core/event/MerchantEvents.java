package io.tender.core.event;

import io.tender.core.id.IdGenerator;
import io.tender.core.payment.Effect;
import io.tender.core.payment.Payment;
import io.tender.core.payment.Refund;
import io.tender.core.payment.Transition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Turns the notifications of a transition into the merchant events committed with it. */
public final class MerchantEvents {
  private final IdGenerator ids;

  public MerchantEvents(IdGenerator ids) {
    this.ids = ids;
  }

  /** The checkout session's own event, for a payment made through one. */
  private static Optional<String> sessionEvent(Effect.MerchantNotification notification) {
    return switch (notification.type()) {
      case PAYMENT_SUCCEEDED -> Optional.of("checkout.session.completed");
      case PAYMENT_EXPIRED -> Optional.of("checkout.session.expired");
      default -> Optional.empty();
    };
  }

  /** One event per notification (and a checkout session's own), each carrying {@code applied}'s payment as it will be stored. */
  public List<MerchantEvent> of(Transition.Applied applied, Instant now) {
    Payment payment = applied.payment();
    List<MerchantEvent> events = new ArrayList<>();
    for (Effect effect : applied.effects()) {
      if (effect instanceof Effect.MerchantNotification notification) {
        Map<String, Object> object = notification.refundId()
            .flatMap(payment::refund)
            .map(refund -> EventObjects.refund(payment, refund))
            .orElseGet(() -> EventObjects.payment(payment));
        String objectId = notification.refundId().flatMap(payment::refund).map(Refund::id).orElse(payment.id());
        events.add(new MerchantEvent(ids.next("evt"), payment.tenantId(), payment.mode(),
            notification.type().wire(), now, notification.occurredAt(), payment.version(), objectId, object));
        sessionEvent(notification).ifPresent(type -> payment.checkoutSessionId().ifPresent(session ->
            events.add(new MerchantEvent(ids.next("evt"), payment.tenantId(), payment.mode(), type, now,
                notification.occurredAt(), payment.version(), session, EventObjects.checkoutSession(session, payment)))));
      }
    }
    return events;
  }
}
