package io.tender.core.payment;

import static io.tender.core.payment.PaymentFixtures.NOW;
import static io.tender.core.payment.PaymentFixtures.amounts;
import static io.tender.core.payment.PaymentFixtures.in;
import static io.tender.core.payment.PaymentFixtures.with;
import static org.assertj.core.api.Assertions.assertThat;

import io.tender.core.payment.Effect.LedgerPosting;
import io.tender.core.payment.Effect.MerchantNotification;
import io.tender.core.payment.Effect.NotificationType;
import io.tender.core.payment.PaymentEvent.Authorized;
import io.tender.core.payment.PaymentEvent.Cancelled;
import io.tender.core.payment.PaymentEvent.Captured;
import io.tender.core.payment.PaymentEvent.Expired;
import io.tender.core.payment.PaymentEvent.PaymentFailed;
import io.tender.core.payment.PaymentEvent.RefundFailed;
import io.tender.core.payment.PaymentEvent.RefundSucceeded;
import io.tender.core.payment.PaymentEvent.Unknown;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PaymentStateMachineTest {
  private static final Instant PROVIDER_TIME = Instant.parse("2025-03-01T10:04:59Z");

  @Test
  void aFirstCapturePostsItAndTellsTheMerchantAtTheProvidersTime() {
    Transition.Applied applied = applied(in(PaymentState.AUTHORIZED), new Captured(800, PROVIDER_TIME));

    assertThat(applied.payment().state()).isEqualTo(PaymentState.CAPTURED);
    assertThat(applied.payment().amounts()).isEqualTo(amounts(1000, 800, 0, 0));
    assertThat(applied.effects()).containsExactly(
        new LedgerPosting(LedgerPosting.Kind.CAPTURE, 800, "EUR", "capture:800"),
        new MerchantNotification(NotificationType.PAYMENT_SUCCEEDED, Optional.empty(), PROVIDER_TIME));
  }

  @Test
  void aCaptureWithoutAnAuthorizationCountsAsAuthorizedToo() {
    Payment after = applied(in(PaymentState.PENDING), new Captured(1000, null)).payment();

    assertThat(after.amounts()).isEqualTo(amounts(1000, 1000, 0, 0));
  }

  @Test
  void aNotificationWithoutProviderTimeCarriesOurs() {
    Transition.Applied applied = applied(in(PaymentState.PENDING), new PaymentFailed("declined", null));

    assertThat(applied.effects()).containsExactly(
        new MerchantNotification(NotificationType.PAYMENT_FAILED, Optional.empty(), NOW));
  }

  @Test
  void cancellationAndExpiryTellTheMerchant() {
    assertThat(applied(in(PaymentState.AUTHORIZED), new Cancelled(null)).effects()).containsExactly(
        new MerchantNotification(NotificationType.PAYMENT_CANCELLED, Optional.empty(), NOW));
    assertThat(applied(in(PaymentState.CREATED), new Expired(null)).effects()).containsExactly(
        new MerchantNotification(NotificationType.PAYMENT_EXPIRED, Optional.empty(), NOW));
  }

  @ParameterizedTest
  @EnumSource(value = PaymentState.class, names = {"FAILED", "CANCELLED", "EXPIRED"})
  void aCaptureAfterTheEndIsCountedAndParkedForReviewWithoutTellingTheMerchant(PaymentState end) {
    Transition.Applied applied = applied(in(end), new Captured(1000, PROVIDER_TIME));

    assertThat(applied.payment().state()).isEqualTo(PaymentState.NEEDS_REVIEW);
    assertThat(applied.payment().amounts().captured()).isEqualTo(1000);
    assertThat(applied.effects()).containsExactly(
        new LedgerPosting(LedgerPosting.Kind.CAPTURE, 1000, "EUR", "capture:1000"));
  }

  @Test
  void aLargerCaptureTotalOnAFullyRefundedPaymentIsCountedAndParked() {
    Transition.Applied applied = applied(in(PaymentState.REFUNDED), new Captured(1200, null));

    assertThat(applied.payment().state()).isEqualTo(PaymentState.NEEDS_REVIEW);
    assertThat(applied.effects()).containsExactly(
        new LedgerPosting(LedgerPosting.Kind.CAPTURE, 200, "EUR", "capture:1200"));
  }

  @Test
  void aLargerCaptureTotalOnAPaidPaymentPostsOnlyTheDifference() {
    Transition.Applied applied = applied(in(PaymentState.PARTIALLY_REFUNDED), new Captured(1500, null));

    assertThat(applied.payment().state()).isEqualTo(PaymentState.PARTIALLY_REFUNDED);
    assertThat(applied.payment().amounts()).isEqualTo(amounts(1500, 1500, 200, 300));
    assertThat(applied.effects()).containsExactly(
        new LedgerPosting(LedgerPosting.Kind.CAPTURE, 500, "EUR", "capture:1500"));
  }

  @Test
  void aSmallerCaptureTotalIsLateAndIgnored() {
    assertThat(PaymentStateMachine.apply(in(PaymentState.CAPTURED), new Captured(400, null), NOW))
        .isInstanceOf(Transition.Ignored.class);
  }

  @ParameterizedTest
  @EnumSource(value = PaymentState.class, names = {"CREATED", "PENDING", "AUTHORIZED", "CAPTURED",
      "PARTIALLY_REFUNDED", "NEEDS_REVIEW"})
  void aTimeoutNeverFailsAPayment(PaymentState state) {
    Transition transition = PaymentStateMachine.apply(in(state), new Unknown(null), NOW);

    PaymentState after = transition instanceof Transition.Applied applied
        ? applied.payment().state() : state;
    assertThat(after).isIn(state, PaymentState.PENDING).isNotEqualTo(PaymentState.FAILED);
  }

  @Test
  void aReviewWithNothingCapturedIsResolvedByTheProvidersFirstAnswer() {
    Payment parked = with(PaymentState.NEEDS_REVIEW, amounts(0, 0, 0, 0), List.of());

    assertThat(applied(parked, new Authorized(1000, null)).payment().state())
        .isEqualTo(PaymentState.AUTHORIZED);
    assertThat(applied(parked, new PaymentFailed("declined", null)).payment().state())
        .isEqualTo(PaymentState.FAILED);
    assertThat(applied(parked, new Cancelled(null)).payment().state()).isEqualTo(PaymentState.CANCELLED);
    assertThat(applied(parked, new Expired(null)).payment().state()).isEqualTo(PaymentState.EXPIRED);
    Transition.Applied captured = applied(parked, new Captured(1000, null));
    assertThat(captured.payment().state()).isEqualTo(PaymentState.CAPTURED);
    assertThat(captured.effects()).contains(
        new MerchantNotification(NotificationType.PAYMENT_SUCCEEDED, Optional.empty(), NOW));
  }

  @Test
  void aReviewWithMoneyCapturedStillCountsALargerCapture() {
    Transition.Applied applied = applied(in(PaymentState.NEEDS_REVIEW), new Captured(1100, null));

    assertThat(applied.payment().state()).isEqualTo(PaymentState.NEEDS_REVIEW);
    assertThat(applied.effects()).containsExactly(
        new LedgerPosting(LedgerPosting.Kind.CAPTURE, 100, "EUR", "capture:1100"));
  }

  @Test
  void anAuthorizationCanGrowButNeverShrink() {
    Payment grown = applied(in(PaymentState.AUTHORIZED), new Authorized(1200, null)).payment();

    assertThat(grown.amounts().authorized()).isEqualTo(1200);
    assertThat(PaymentStateMachine.apply(grown, new Authorized(900, null), NOW))
        .isInstanceOf(Transition.Ignored.class);
  }

  @Test
  void aReservedRefundThatSucceedsIsPostedAndReported() {
    Transition.Applied applied = applied(in(PaymentState.CAPTURED), new RefundSucceeded("re_1", 300, PROVIDER_TIME));

    assertThat(applied.payment().amounts()).isEqualTo(amounts(1000, 1000, 300, 0));
    assertThat(applied.payment().refund("re_1")).contains(new Refund("re_1", 300, Refund.Status.SUCCEEDED));
    assertThat(applied.effects()).containsExactly(
        new LedgerPosting(LedgerPosting.Kind.REFUND, 300, "EUR", "re_1"),
        new MerchantNotification(NotificationType.REFUND_SUCCEEDED, Optional.of("re_1"), PROVIDER_TIME));
  }

  @Test
  void theRefundThatTakesTheLastUnitRefundsThePayment() {
    Payment reserved = in(PaymentState.PARTIALLY_REFUNDED).reserveRefund("re_2", 500, NOW);

    Payment once = applied(reserved, new RefundSucceeded("re_1", 300, null)).payment();
    Transition.Applied last = applied(once, new RefundSucceeded("re_2", 500, null));

    assertThat(last.payment().state()).isEqualTo(PaymentState.REFUNDED);
    assertThat(last.effects()).containsExactly(
        new LedgerPosting(LedgerPosting.Kind.REFUND, 500, "EUR", "re_2"),
        new MerchantNotification(NotificationType.REFUND_SUCCEEDED, Optional.of("re_2"), NOW),
        new MerchantNotification(NotificationType.PAYMENT_REFUNDED, Optional.empty(), NOW));
  }

  @Test
  void aRefundStartedAtTheProviderIsCountedWhenItFits() {
    Transition.Applied applied = applied(in(PaymentState.CAPTURED), new RefundSucceeded("re_dash", 700, null));

    assertThat(applied.payment().amounts()).isEqualTo(amounts(1000, 1000, 700, 300));
    assertThat(applied.payment().state()).isEqualTo(PaymentState.PARTIALLY_REFUNDED);
  }

  @Test
  void aRefundThatDoesNotFitIsNotCountedAndParksThePayment() {
    Payment captured = in(PaymentState.CAPTURED);

    Transition.Applied applied = applied(captured, new RefundSucceeded("re_dash", 701, null));

    assertThat(applied.payment().state()).isEqualTo(PaymentState.NEEDS_REVIEW);
    assertThat(applied.payment().amounts()).isEqualTo(captured.amounts());
    assertThat(applied.effects()).isEmpty();
    assertThat(PaymentStateMachine.apply(applied.payment(), new RefundSucceeded("re_dash", 701, null), NOW))
        .isInstanceOf(Transition.Ignored.class);
  }

  @Test
  void aRefundSucceedingForADifferentAmountThanReservedCountsTheProvidersAmount() {
    Transition.Applied applied = applied(in(PaymentState.CAPTURED), new RefundSucceeded("re_1", 250, null));

    assertThat(applied.payment().amounts()).isEqualTo(amounts(1000, 1000, 250, 0));
    assertThat(applied.payment().refund("re_1")).contains(new Refund("re_1", 250, Refund.Status.SUCCEEDED));
  }

  @Test
  void aFailedRefundReleasesItsReservationAndIsReported() {
    Transition.Applied applied = applied(in(PaymentState.CAPTURED), new RefundFailed("re_1", null));

    assertThat(applied.payment().amounts()).isEqualTo(amounts(1000, 1000, 0, 0));
    assertThat(applied.payment().amounts().refundable()).isEqualTo(1000);
    assertThat(applied.effects()).containsExactly(
        new MerchantNotification(NotificationType.REFUND_FAILED, Optional.of("re_1"), NOW));
  }

  @Test
  void aFailureReportForASucceededRefundIsIgnored() {
    Payment refunded = applied(in(PaymentState.CAPTURED), new RefundSucceeded("re_1", 300, null)).payment();

    assertThat(PaymentStateMachine.apply(refunded, new RefundFailed("re_1", null), NOW))
        .isInstanceOf(Transition.Ignored.class);
  }

  @Test
  void aFailureReportForAnUnknownRefundIsIgnored() {
    assertThat(PaymentStateMachine.apply(in(PaymentState.CAPTURED), new RefundFailed("re_x", null), NOW))
        .isInstanceOf(Transition.Ignored.class);
  }

  private static Transition.Applied applied(Payment payment, PaymentEvent event) {
    Transition transition = PaymentStateMachine.apply(payment, event, NOW);
    assertThat(transition).as(payment.state() + " + " + event).isInstanceOf(Transition.Applied.class);
    return (Transition.Applied) transition;
  }
}
