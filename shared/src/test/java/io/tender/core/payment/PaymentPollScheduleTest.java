package io.tender.core.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tender.core.tenant.Mode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every version of a payment carries a poll schedule exactly while its outcome is open. */
class PaymentPollScheduleTest {
  private static final Instant T0 = Instant.parse("2026-05-04T09:00:00Z");
  private static final Duration FIRST = PollSchedule.BACKOFF.get(0);

  @Test
  void aNewPaymentIsFirstPolledOneStepAfterItsCreation() {
    Payment payment = Payment.create("pay_1", "ten_1", Mode.TEST, "EUR", 500, Optional.empty(), T0);

    assertThat(payment.poll()).contains(new PollSchedule(0, T0.plus(FIRST)));
  }

  @Test
  void aCheckoutIsFirstPolledWhenItsSessionEndsThenSoonIfItsCreateWentUnanswered() {
    Instant sessionEnds = T0.plus(Duration.ofMinutes(31));
    Payment payment = Payment.forCheckoutSession("pay_1", "ten_1", Mode.TEST, "EUR", 500, "cs_1", sessionEnds, T0);

    assertThat(payment.poll()).contains(new PollSchedule(0, sessionEnds));
    assertThat(payment.checkoutSessionId()).contains("cs_1");
    Payment unanswered = payment.pollSoon(T0.plusSeconds(10));
    assertThat(unanswered.version()).isEqualTo(payment.version() + 1);
    assertThat(unanswered.poll()).contains(new PollSchedule(0, T0.plusSeconds(10).plus(FIRST)));
  }

  @Test
  void aPollIsBroughtForwardToATimeButNeverPushedBack() {
    Payment payment = Payment.create("pay_1", "ten_1", Mode.TEST, "EUR", 500, Optional.empty(), T0)
        .polled(T0.plus(FIRST));
    Instant next = payment.poll().orElseThrow().nextAt();

    Payment earlier = payment.polledBy(next.minusSeconds(60), T0.plus(FIRST)).orElseThrow();
    assertThat(earlier.poll()).contains(new PollSchedule(1, next.minusSeconds(60)));
    assertThat(earlier.version()).isEqualTo(payment.version() + 1);
    assertThat(payment.polledBy(next, T0)).as("already polled by then").isEmpty();
    assertThat(payment.polledBy(next.plusSeconds(60), T0)).isEmpty();
    Payment paid = applied(payment, new PaymentEvent.Captured(500, null), T0.plus(FIRST));
    assertThat(paid.polledBy(T0, T0)).as("not polled at all").isEmpty();
  }

  @Test
  void aRunningScheduleSurvivesTheProvidersAnswersAndEndsWithTheOutcome() {
    Payment created = Payment.create("pay_1", "ten_1", Mode.TEST, "EUR", 500, Optional.empty(), T0);
    Payment polled = created.polled(T0.plus(FIRST));
    Payment pending = applied(polled, new PaymentEvent.Pending(null), T0.plus(Duration.ofMinutes(6)));

    assertThat(pending.poll()).as("the poller's own answer does not restart it").isEqualTo(polled.poll());
    assertThat(applied(pending, new PaymentEvent.Captured(500, null), T0.plus(Duration.ofMinutes(7))).poll()).isEmpty();
    assertThat(applied(pending, new PaymentEvent.ReviewNeeded("stuck", null), T0).poll()).isEmpty();
  }

  @Test
  void aReservedRefundStartsPollingOverAndItsAnswerEndsIt() {
    Payment paid = applied(Payment.create("pay_1", "ten_1", Mode.TEST, "EUR", 500, Optional.empty(), T0),
        new PaymentEvent.Captured(500, null), T0);
    Instant later = T0.plus(Duration.ofHours(3));

    Payment reserved = paid.reserveRefund("re_1", 200, later);
    assertThat(reserved.poll()).contains(PollSchedule.startingAt(later));
    assertThat(reserved.refund("re_1").orElseThrow().reservedAt()).contains(later);

    Payment twoReserved = reserved.polled(later.plus(FIRST)).reserveRefund("re_2", 100, later.plus(FIRST));
    assertThat(twoReserved.poll()).as("new work starts the schedule over")
        .contains(PollSchedule.startingAt(later.plus(FIRST)));

    Payment oneLeft = applied(twoReserved, new PaymentEvent.RefundSucceeded("re_1", 200, null), later);
    assertThat(oneLeft.poll()).isEqualTo(twoReserved.poll());
    assertThat(applied(oneLeft, new PaymentEvent.RefundFailed("re_2", null), later).poll()).isEmpty();
  }

  @Test
  void aPollMovesTheScheduleOnByTheNextStep() {
    Payment payment = Payment.create("pay_1", "ten_1", Mode.TEST, "EUR", 500, Optional.empty(), T0);
    Instant first = T0.plus(FIRST);

    Payment polled = payment.polled(first);

    assertThat(polled.version()).isEqualTo(payment.version() + 1);
    assertThat(polled.poll()).contains(new PollSchedule(1, first.plus(PollSchedule.BACKOFF.get(1))));
    assertThat(polled.poll().orElseThrow().dueBy(first)).isFalse();
  }

  @Test
  void theLastPollLeavesTheScheduleExhaustedAndDueAgainAfterAFinalStep() {
    PollSchedule schedule = PollSchedule.startingAt(T0);
    Instant at = T0;
    for (int poll = 0; poll < PollSchedule.BACKOFF.size(); poll++) {
      assertThat(schedule.exhausted()).isFalse();
      at = schedule.nextAt();
      schedule = schedule.afterPollAt(at);
    }

    assertThat(schedule.exhausted()).isTrue();
    assertThat(schedule.nextAt()).isEqualTo(at.plus(PollSchedule.BACKOFF.getLast()));
  }

  @Test
  void theProvidersRefundIdIsRememberedOnceAndOnlyForAReservedRefund() {
    Payment reserved = applied(Payment.create("pay_1", "ten_1", Mode.TEST, "EUR", 500, Optional.empty(), T0),
        new PaymentEvent.Captured(500, null), T0).reserveRefund("re_1", 200, T0);

    Payment remembered = reserved.withProviderRefundId("re_1", "re_stripe_1", T0).orElseThrow();

    assertThat(remembered.refund("re_1").orElseThrow().providerRefundId()).contains("re_stripe_1");
    assertThat(remembered.version()).isEqualTo(reserved.version() + 1);
    assertThat(remembered.withProviderRefundId("re_1", "re_stripe_1", T0)).isEmpty();
    assertThat(reserved.withProviderRefundId("re_unknown", "re_stripe_2", T0)).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(PaymentState.class)
  void aScheduleIsCarriedExactlyByStatesWhoseOutcomeIsOpen(PaymentState state) {
    Payment fixture = PaymentFixtures.in(state);
    boolean open = switch (state) {
      case CREATED, PENDING, AUTHORIZED, CAPTURED, PARTIALLY_REFUNDED -> true; // the paid fixtures hold a reserved refund
      case REFUNDED, FAILED, CANCELLED, EXPIRED, NEEDS_REVIEW -> false;
    };

    assertThat(fixture.needsPolling()).isEqualTo(open);
    Optional<PollSchedule> wrong = open ? Optional.empty() : Optional.of(PollSchedule.startingAt(T0));
    assertThatThrownBy(() -> new Payment(fixture.id(), fixture.tenantId(), fixture.mode(), fixture.provider(),
        fixture.amounts(), fixture.refunds(), state, fixture.version(), fixture.createdAt(), fixture.updatedAt(),
        Optional.empty(), wrong)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aPaidPaymentWithNothingReservedIsNotPolled() {
    Payment paid = PaymentFixtures.with(PaymentState.CAPTURED, PaymentFixtures.amounts(1000, 1000, 0, 0), List.of());

    assertThat(paid.needsPolling()).isFalse();
  }

  private static Payment applied(Payment payment, PaymentEvent event, Instant now) {
    return ((Transition.Applied) PaymentStateMachine.apply(payment, event, now)).payment();
  }
}
