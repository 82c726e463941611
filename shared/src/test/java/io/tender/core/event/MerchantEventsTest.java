package io.tender.core.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.tender.core.payment.Payment;
import io.tender.core.payment.PaymentEvent;
import io.tender.core.payment.PaymentStateMachine;
import io.tender.core.payment.Transition;
import io.tender.core.tenant.Mode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MerchantEventsTest {
  private static final Instant CREATED = Instant.parse("2026-11-23T12:00:00Z");
  private static final Instant PAID = Instant.parse("2026-11-23T12:05:00Z");
  private static final Instant NOW = Instant.parse("2026-11-23T12:05:02Z");
  private final AtomicInteger counter = new AtomicInteger();
  private final MerchantEvents events = new MerchantEvents(prefix -> prefix + "_" + counter.incrementAndGet());

  @Test
  void aCaptureOwesOnePaymentSucceededCarryingTheCommittedPayment() {
    Transition.Applied applied = applied(created(), new PaymentEvent.Captured(2500, PAID));

    List<MerchantEvent> owed = events.of(applied, NOW);

    assertThat(owed).hasSize(1);
    MerchantEvent event = owed.get(0);
    assertThat(event.id()).isEqualTo("evt_1");
    assertThat(event.type()).isEqualTo("payment.succeeded");
    assertThat(event.created()).isEqualTo(NOW);
    assertThat(event.occurredAt()).isEqualTo(PAID);
    assertThat(event.sequence()).isEqualTo(applied.payment().version());
    assertThat(event.objectId()).isEqualTo("pay_1");
    assertThat(event.livemode()).isFalse();
    assertThat(event.object()).containsEntry("status", "captured").containsEntry("amount_captured", 2500L)
        .containsEntry("currency", "USD").containsEntry("object", "payment");
  }

  @Test
  void aFinalRefundOwesTheRefundsEventAndThePaymentsEventInThatOrder() {
    Payment paid = applied(created(), new PaymentEvent.Captured(2500, PAID)).payment();
    Payment reserved = paid.reserveRefund("re_1", 2500, NOW);
    Transition.Applied refunded = applied(reserved, new PaymentEvent.RefundSucceeded("re_1", 2500, NOW));

    List<MerchantEvent> owed = events.of(refunded, NOW);

    assertThat(owed).extracting(MerchantEvent::type).containsExactly("refund.succeeded", "payment.refunded");
    assertThat(owed.get(0).objectId()).isEqualTo("re_1");
    assertThat(owed.get(0).object()).containsEntry("status", "succeeded").containsEntry("payment_id", "pay_1")
        .containsEntry("amount", 2500L);
    assertThat(owed.get(1).object()).containsEntry("status", "refunded").containsEntry("amount_refunded", 2500L);
    assertThat(owed).extracting(MerchantEvent::sequence).containsOnly(refunded.payment().version());
    assertThat(owed.get(0).sequence()).isGreaterThan(paid.version());
  }

  @Test
  void aPaymentMadeThroughACheckoutSessionAlsoOwesTheSessionsEvent() {
    Payment session = Payment.forCheckoutSession("pay_2", "ten_1", Mode.TEST, "USD", 900, "cs_2",
        CREATED.plusSeconds(31 * 60), CREATED);

    List<MerchantEvent> paid = events.of(applied(session, new PaymentEvent.Captured(900, PAID)), NOW);
    List<MerchantEvent> expired = events.of(applied(session, new PaymentEvent.Expired(PAID)), NOW);

    assertThat(paid).extracting(MerchantEvent::type).containsExactly("payment.succeeded", "checkout.session.completed");
    assertThat(paid.get(1).objectId()).isEqualTo("cs_2");
    assertThat(paid.get(1).object()).containsEntry("object", "checkout.session").containsEntry("payment_id", "pay_2")
        .containsEntry("status", "completed");
    assertThat(expired).extracting(MerchantEvent::type).containsExactly("payment.expired", "checkout.session.expired");
    assertThat(expired.get(1).object()).containsEntry("status", "expired");
  }

  @Test
  void moneyCountedWithoutANotificationOwesNoEvent() {
    Payment paid = applied(created(), new PaymentEvent.Captured(2500, PAID)).payment();
    Transition.Applied more = applied(paid, new PaymentEvent.Captured(3000, PAID));

    assertThat(events.of(more, NOW)).isEmpty();
  }

  private static Payment created() {
    return Payment.create("pay_1", "ten_1", Mode.TEST, "USD", 2500, Optional.empty(), CREATED);
  }

  private static Transition.Applied applied(Payment payment, PaymentEvent event) {
    return (Transition.Applied) PaymentStateMachine.apply(payment, event, NOW);
  }
}
