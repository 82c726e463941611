package io.tender.core.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import io.tender.core.auth.Principal;
import io.tender.core.checkout.CheckoutSessions;
import io.tender.core.checkout.CreateCheckoutSession;
import io.tender.core.id.RandomIdGenerator;
import io.tender.core.money.AmountPolicy;
import io.tender.core.payment.Payment;
import io.tender.core.payment.PaymentEvent;
import io.tender.core.payment.PaymentLookup;
import io.tender.core.payment.PaymentRepository;
import io.tender.core.payment.ProviderReference;
import io.tender.core.payment.PaymentState;
import io.tender.core.payment.Refund;
import io.tender.core.provider.ProviderHint;
import io.tender.core.refund.CreateRefund;
import io.tender.core.refund.Refunds;
import io.tender.core.tenant.Mode;
import io.tender.testing.FakeProvider;
import io.tender.testing.FakeProvider.Fault;
import io.tender.testing.InMemoryCheckoutSessions;
import io.tender.testing.InMemoryPayments;
import io.tender.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Webhook hints about refunds and provider payments, settled by fetching what they point at. */
class HintSettlementTest {
  private static final Principal MERCHANT = new Principal.ApiKeyCaller("ten_hints", Mode.TEST, "key_1");
  private static final Optional<ProviderHint.Owner> OWNER = Optional.of(new ProviderHint.Owner("ten_hints", Mode.TEST));
  private static final Duration REFUND_IN_FLIGHT = Duration.ofSeconds(15);

  private final MutableClock clock = new MutableClock(Instant.parse("2026-05-04T09:00:00Z"));
  private final InMemoryPayments payments = new InMemoryPayments();
  private final FakeProvider provider = new FakeProvider();
  private final Settlement settlement = new Settlement(provider, payments, payments, prefix -> prefix + "_" + java.util.UUID.randomUUID(), clock);
  private final RandomIdGenerator ids = new RandomIdGenerator(clock, new Random(9));
  private final CheckoutSessions checkouts = new CheckoutSessions(new InMemoryCheckoutSessions(payments),
      new io.tender.core.tenant.InMemoryTenantRepository(), provider, AmountPolicy.standard(), ids, clock);
  private final Refunds refunds = new Refunds(payments, provider, settlement, AmountPolicy.standard(), ids, clock);
  private final HintSettlement hints = new HintSettlement(provider, payments, payments, settlement,
      new ProviderRefundIds(payments, clock), clock, REFUND_IN_FLIGHT);

  @Test
  void aRefundWebhookSettlesTheRefundItNames() {
    String paymentId = paidPayment(1000);
    provider.pendNextRefund();
    String refundId = refunds.refund(MERCHANT, new CreateRefund(paymentId, 250L, null)).refundId();
    String providerRefundId = provider.refundIdFor(refundId).orElseThrow();
    provider.settleRefund(providerRefundId);

    Settlement.Outcome outcome = hints.settle(hint(ProviderHint.Subject.REFUND, providerRefundId,
        Optional.of(paymentId), Optional.of(refundId)));

    assertThat(outcome).isInstanceOf(Settlement.Outcome.Applied.class);
    Payment after = payments.get(paymentId);
    assertThat(after.refund(refundId).orElseThrow().status()).isEqualTo(Refund.Status.SUCCEEDED);
    assertThat(after.amounts().refunded()).isEqualTo(250);
    assertThat(after.amounts().refundReserved()).isZero();
    assertThat(hints.settle(hint(ProviderHint.Subject.REFUND, providerRefundId, Optional.of(paymentId),
        Optional.of(refundId)))).as("a redelivery moves nothing").isInstanceOf(Settlement.Outcome.Ignored.class);
  }

  @Test
  void aRefundWebhookThatStillSaysPendingLeavesThePollerTheProvidersId() {
    String paymentId = paidPayment(1000);
    provider.pendNextRefund();
    String refundId = refunds.refund(MERCHANT, new CreateRefund(paymentId, 250L, null)).refundId();
    String providerRefundId = provider.refundIdFor(refundId).orElseThrow();

    hints.settle(hint(ProviderHint.Subject.REFUND, providerRefundId, Optional.empty(), Optional.of(refundId)));

    Refund refund = payments.get(paymentId).refund(refundId).orElseThrow();
    assertThat(refund.status()).isEqualTo(Refund.Status.RESERVED);
    assertThat(refund.providerRefundId()).hasValue(providerRefundId);
  }

  @Test
  void aRefundMadeInTheProvidersDashboardIsCountedOnTheRightPayment() {
    String paymentId = paidPayment(1000);
    String checkoutId = checkoutOf(paymentId);
    String dashboardRefund = provider.dashboardRefund(checkoutId, 400);

    Settlement.Outcome outcome = hints.settle(hint(ProviderHint.Subject.REFUND, dashboardRefund,
        Optional.empty(), Optional.empty()));

    assertThat(outcome).isInstanceOf(Settlement.Outcome.Applied.class);
    assertThat(payments.get(paymentId).amounts().refunded()).isEqualTo(400);
    assertThat(payments.get(paymentId).state()).isEqualTo(PaymentState.PARTIALLY_REFUNDED);
  }

  @Test
  void aRefundIsCountedWhereTheProviderSaysNotWhereTheWebhookSays() {
    String paymentId = paidPayment(1000);
    String otherPaymentId = paidPayment(1000);
    String refundOfOther = provider.dashboardRefund(checkoutOf(otherPaymentId), 400);

    Settlement.Outcome outcome = hints.settle(hint(ProviderHint.Subject.REFUND, refundOfOther,
        Optional.of(paymentId), Optional.empty()));

    assertThat(outcome).isInstanceOf(Settlement.Outcome.Applied.class);
    assertThat(payments.get(paymentId).amounts().refunded()).isZero();
    assertThat(payments.get(otherPaymentId).amounts().refunded()).isEqualTo(400);
  }

  @Test
  void aRefundWhoseIdsDisagreeWithItsProviderPaymentIsNotApplied() {
    String paymentId = paidPayment(1000);
    String otherPaymentId = paidPayment(1000);
    String misnamed = provider.dashboardRefundClaiming(checkoutOf(otherPaymentId), 400, paymentId);

    Settlement.Outcome outcome = hints.settle(hint(ProviderHint.Subject.REFUND, misnamed, Optional.empty(),
        Optional.empty()));

    assertThat(outcome).isInstanceOf(Settlement.Outcome.Ignored.class);
    assertThat(payments.get(paymentId).amounts().refunded()).isZero();
    assertThat(payments.get(otherPaymentId).amounts().refunded()).isZero();
  }

  @Test
  void refundsAndPaymentsThatAreNotOursAreNoOps() {
    paidPayment(1000);

    assertThat(hints.settle(hint(ProviderHint.Subject.REFUND, "re_missing", Optional.empty(), Optional.empty())))
        .isInstanceOf(Settlement.Outcome.NotOurs.class);
    assertThat(hints.settle(hint(ProviderHint.Subject.PROVIDER_PAYMENT, "pi_missing", Optional.empty(),
        Optional.empty()))).isInstanceOf(Settlement.Outcome.NotOurs.class);
    assertThat(hints.settle(hint(ProviderHint.Subject.PROVIDER_PAYMENT, "pi_missing",
        Optional.of("pay_nobody"), Optional.empty()))).isInstanceOf(Settlement.Outcome.NotOurs.class);
  }

  @Test
  void aProviderPaymentWebhookSettlesItsPaymentsCheckout() {
    String paymentId = checkouts.create(MERCHANT, request(700)).payment().id();
    provider.pay(checkoutOf(paymentId));

    Settlement.Outcome outcome = hints.settle(hint(ProviderHint.Subject.PROVIDER_PAYMENT,
        provider.intentOf(checkoutOf(paymentId)), Optional.of(paymentId), Optional.empty()));

    assertThat(outcome).isInstanceOf(Settlement.Outcome.Applied.class);
    assertThat(payments.get(paymentId).state()).isEqualTo(PaymentState.CAPTURED);
  }

  @Test
  void aProviderPaymentWebhookWithoutOurIdIsResolvedThroughTheProvider() {
    String paymentId = checkouts.create(MERCHANT, request(700)).payment().id();
    provider.pay(checkoutOf(paymentId));

    hints.settle(hint(ProviderHint.Subject.PROVIDER_PAYMENT, provider.intentOf(checkoutOf(paymentId)),
        Optional.empty(), Optional.empty()));

    assertThat(payments.get(paymentId).state()).isEqualTo(PaymentState.CAPTURED);
    assertThat(provider.calls("paymentIdOf")).isEqualTo(1);
  }

  @Test
  void aHintCarryingThePaymentsKeySettlesItWithoutReadingTheProvidersPointer() {
    String paymentId = checkouts.create(MERCHANT, request(700)).payment().id();
    provider.pay(checkoutOf(paymentId));
    PaymentRepository noPointer = withoutPointer(payments);
    HintSettlement keyed = new HintSettlement(provider, payments, noPointer,
        new Settlement(provider, noPointer, payments, prefix -> prefix + "_" + java.util.UUID.randomUUID(), clock),
        new ProviderRefundIds(noPointer, clock), clock, REFUND_IN_FLIGHT);

    Settlement.Outcome outcome = keyed.settle(keyedHint(ProviderHint.Subject.CHECKOUT, checkoutOf(paymentId), paymentId,
        OWNER, Optional.of(new PaymentEvent.Captured(700, null))));

    assertThat(outcome).isInstanceOf(Settlement.Outcome.Applied.class);
    assertThat(payments.get(paymentId).state()).isEqualTo(PaymentState.CAPTURED);
    assertThat(payments.events()).extracting(event -> event.type()).contains("payment.succeeded");
  }

  @Test
  void aHintWhosePaymentAlreadyReflectsWhatItReportsIsDroppedWithoutAskingTheProvider() {
    String paymentId = paidPayment(1000);
    int fetches = provider.calls("fetchCheckout");
    long version = payments.get(paymentId).version();
    Optional<PaymentEvent> captured = Optional.of(new PaymentEvent.Captured(1000, null));

    assertThat(hints.settle(keyedHint(ProviderHint.Subject.CHECKOUT, checkoutOf(paymentId), paymentId, OWNER,
        captured))).isInstanceOf(Settlement.Outcome.Ignored.class);
    assertThat(hints.settle(keyedHint(ProviderHint.Subject.PROVIDER_PAYMENT, provider.intentOf(checkoutOf(paymentId)),
        paymentId, OWNER, captured))).isInstanceOf(Settlement.Outcome.Ignored.class);
    assertThat(hints.settle(keyedHint(ProviderHint.Subject.PROVIDER_PAYMENT, provider.intentOf(checkoutOf(paymentId)),
        paymentId, Optional.empty(), captured))).as("found through the pointer, as before the key was carried")
        .isInstanceOf(Settlement.Outcome.Ignored.class);

    assertThat(provider.calls("fetchCheckout")).isEqualTo(fetches);
    assertThat(provider.calls("paymentIdOf")).isZero();
    assertThat(payments.get(paymentId).version()).isEqualTo(version);
  }

  @Test
  void aRefundAlreadyCountedIsDroppedWithoutFetchingIt() {
    String paymentId = paidPayment(1000);
    String refundId = refunds.refund(MERCHANT, new CreateRefund(paymentId, 250L, null)).refundId();
    String providerRefundId = provider.refundIdFor(refundId).orElseThrow();
    assertThat(payments.get(paymentId).refund(refundId).orElseThrow().status()).isEqualTo(Refund.Status.SUCCEEDED);
    int fetches = provider.calls("fetchRefund");

    Settlement.Outcome outcome = hints.settle(new ProviderHint(FakeProvider.NAME, "evt_r", "refund.updated",
        ProviderHint.Subject.REFUND, providerRefundId, Optional.of(paymentId), Optional.of(refundId), Optional.empty(),
        Optional.of(new PaymentEvent.RefundSucceeded(refundId, 250, null))));

    assertThat(outcome).isInstanceOf(Settlement.Outcome.Ignored.class);
    assertThat(provider.calls("fetchRefund")).isEqualTo(fetches);
  }

  @Test
  void aReportOfMoreThanIsCountedIsSettledByAskingTheProvider() {
    String paymentId = paidPayment(1000);
    int fetches = provider.calls("fetchCheckout");

    Settlement.Outcome outcome = hints.settle(keyedHint(ProviderHint.Subject.CHECKOUT, checkoutOf(paymentId),
        paymentId, OWNER, Optional.of(new PaymentEvent.Captured(1500, null))));

    assertThat(provider.calls("fetchCheckout")).isEqualTo(fetches + 1);
    assertThat(outcome).as("the provider says 1000, already counted").isInstanceOf(Settlement.Outcome.Ignored.class);
    assertThat(payments.get(paymentId).amounts().captured()).isEqualTo(1000);
  }

  @Test
  void aKeyNamingAnotherPaymentNeitherDropsNorMovesIt() {
    String paidId = paidPayment(1000);
    Principal other = new Principal.ApiKeyCaller("ten_other", Mode.TEST, "key_2");
    String otherId = checkouts.create(other, request(1000)).payment().id();
    provider.pay(checkoutOf(otherId));
    long paidVersion = payments.get(paidId).version();

    // The other tenant's checkout, with this tenant's payment named as its key and a capture it already shows.
    Settlement.Outcome outcome = hints.settle(keyedHint(ProviderHint.Subject.CHECKOUT, checkoutOf(otherId), paidId,
        OWNER, Optional.of(new PaymentEvent.Captured(1000, null))));

    assertThat(outcome).isInstanceOf(Settlement.Outcome.Applied.class);
    assertThat(((Settlement.Outcome.Applied) outcome).payment().id()).isEqualTo(otherId);
    assertThat(payments.get(otherId).state()).isEqualTo(PaymentState.CAPTURED);
    assertThat(payments.get(paidId).version()).isEqualTo(paidVersion);
  }

  @Test
  void aStaleReadIsReadAgainBeforeAnEventIsIgnoredOnIt() {
    String paymentId = paidPayment(1000);
    Payment beforeTheRefund = payments.get(paymentId);
    provider.pendNextRefund();
    String refundId = refunds.refund(MERCHANT, new CreateRefund(paymentId, 250L, null)).refundId();
    provider.failRefund(provider.refundIdFor(refundId).orElseThrow());

    // On the version before the reservation, the failure is "not ours to release".
    Settlement.Outcome outcome = settlement.applyToPossiblyStale(Optional.of(beforeTheRefund),
        () -> payments.find(beforeTheRefund.tenantId(), beforeTheRefund.mode(), paymentId),
        new PaymentEvent.RefundFailed(refundId, null));

    assertThat(outcome).isInstanceOf(Settlement.Outcome.Applied.class);
    assertThat(payments.get(paymentId).refund(refundId).orElseThrow().status()).isEqualTo(Refund.Status.FAILED);
    assertThat(payments.get(paymentId).amounts().refundReserved()).isZero();
  }

  @Test
  void aRefundWebhookReadStaleIsReadAgainForTheRefundItNames() {
    String paymentId = paidPayment(1000);
    Payment beforeTheRefund = payments.get(paymentId);
    provider.pendNextRefund();
    String refundId = refunds.refund(MERCHANT, new CreateRefund(paymentId, 250L, null)).refundId();
    String providerRefundId = provider.refundIdFor(refundId).orElseThrow();
    provider.settleRefund(providerRefundId);
    PaymentLookup stale = new PaymentLookup() {
      @Override
      public Optional<Payment> byId(String id) {
        return Optional.of(beforeTheRefund);
      }

      @Override
      public Optional<Payment> byKey(String tenantId, Mode mode, String id) {
        return Optional.of(beforeTheRefund);
      }
    };
    HintSettlement staleHints = new HintSettlement(provider, stale, payments, settlement,
        new ProviderRefundIds(payments, clock), clock, REFUND_IN_FLIGHT);

    Settlement.Outcome outcome = staleHints.settle(hint(ProviderHint.Subject.REFUND, providerRefundId,
        Optional.of(paymentId), Optional.of(refundId)));

    assertThat(outcome).isInstanceOf(Settlement.Outcome.Applied.class);
    Payment after = payments.get(paymentId);
    assertThat(after.refund(refundId).orElseThrow().status()).isEqualTo(Refund.Status.SUCCEEDED);
    assertThat(after.amounts().refunded()).isEqualTo(250);
    assertThat(after.amounts().refundReserved()).isZero();
  }

  private static PaymentRepository withoutPointer(PaymentRepository payments) {
    return new PaymentRepository() {
      @Override
      public boolean create(Payment payment) {
        return payments.create(payment);
      }

      @Override
      public Optional<Payment> find(String tenantId, Mode mode, String paymentId) {
        return payments.find(tenantId, mode, paymentId);
      }

      @Override
      public Optional<Payment> findByProvider(ProviderReference reference) {
        throw new AssertionError("the provider pointer was read for " + reference);
      }

      @Override
      public boolean replace(Payment next) {
        return payments.replace(next);
      }
    };
  }

  private static ProviderHint keyedHint(ProviderHint.Subject subject, String objectId, String paymentId,
      Optional<ProviderHint.Owner> owner, Optional<PaymentEvent> reported) {
    return new ProviderHint(FakeProvider.NAME, "evt_" + objectId, "test.event", subject, objectId,
        Optional.of(paymentId), Optional.empty(), owner, reported);
  }

  private String paidPayment(long amount) {
    String paymentId = checkouts.create(MERCHANT, request(amount)).payment().id();
    provider.pay(checkoutOf(paymentId));
    settlement.settleCheckout(checkoutOf(paymentId));
    return paymentId;
  }

  @Test
  void aRefundWebhookWaitsForTheRefundsCreatorAndIsDroppedOnceTheCreatorSettledIt() {
    String paymentId = paidPayment(1000);
    provider.failNext(Fault.TIMEOUT_AFTER_EFFECT); // the creator is still waiting for the provider's answer
    String refundId = refunds.refund(MERCHANT, new CreateRefund(paymentId, 250L, null)).refundId();
    ProviderHint webhook = refundHint(provider.refundIdFor(refundId).orElseThrow(), paymentId, refundId,
        new PaymentEvent.RefundSucceeded(refundId, 250, null));
    long reservedVersion = payments.get(paymentId).version();
    int fetches = provider.calls("fetchRefund");

    clock.advance(Duration.ofSeconds(1));
    Settlement.Outcome deferred = hints.settleOrDefer(webhook);

    assertThat(deferred).isInstanceOfSatisfying(Settlement.Outcome.Deferred.class,
        outcome -> assertThat(outcome.delay()).as("until the window after the reservation closes")
            .isEqualTo(REFUND_IN_FLIGHT.minusSeconds(1)));
    assertThat(payments.get(paymentId).version()).isEqualTo(reservedVersion);
    assertThat(provider.calls("fetchRefund")).as("the provider is not asked either").isEqualTo(fetches);

    // The creator gets its answer and settles the refund itself.
    settlement.apply(() -> payments.find(MERCHANT.tenantId(), MERCHANT.mode(), paymentId),
        new PaymentEvent.RefundSucceeded(refundId, 250, null));
    clock.advance(((Settlement.Outcome.Deferred) deferred).delay());

    assertThat(hints.settleOrDefer(webhook)).isInstanceOf(Settlement.Outcome.Ignored.class);
    assertThat(provider.calls("fetchRefund")).isEqualTo(fetches);
    assertThat(payments.get(paymentId).amounts().refunded()).isEqualTo(250);
  }

  @Test
  void aRefundWebhookSettlesTheRefundItselfOnceItsCreatorCanNoLongerBeAnswering() {
    String paymentId = paidPayment(1000);
    provider.failNext(Fault.TIMEOUT_AFTER_EFFECT); // and the creator dies before it learns the answer
    String refundId = refunds.refund(MERCHANT, new CreateRefund(paymentId, 250L, null)).refundId();
    ProviderHint webhook = refundHint(provider.refundIdFor(refundId).orElseThrow(), paymentId, refundId,
        new PaymentEvent.RefundSucceeded(refundId, 250, null));

    clock.advance(REFUND_IN_FLIGHT.minusMillis(1));
    assertThat(hints.settleOrDefer(webhook)).isInstanceOfSatisfying(Settlement.Outcome.Deferred.class,
        outcome -> assertThat(outcome.delay()).isEqualTo(Duration.ofMillis(1)));
    clock.advance(Duration.ofMillis(1));
    Settlement.Outcome outcome = hints.settleOrDefer(webhook);

    assertThat(outcome).isInstanceOf(Settlement.Outcome.Applied.class);
    Payment after = payments.get(paymentId);
    assertThat(after.refund(refundId).orElseThrow().status()).isEqualTo(Refund.Status.SUCCEEDED);
    assertThat(after.amounts().refunded()).isEqualTo(250);
    assertThat(after.amounts().refundReserved()).isZero();
  }

  @Test
  void aRefundWebhookSettledWithoutDeferringSettlesWhileTheCreatorMayStillBeAnswering() {
    String paymentId = paidPayment(1000);
    provider.failNext(Fault.TIMEOUT_AFTER_EFFECT);
    String refundId = refunds.refund(MERCHANT, new CreateRefund(paymentId, 250L, null)).refundId();

    Settlement.Outcome outcome = hints.settle(refundHint(provider.refundIdFor(refundId).orElseThrow(), paymentId,
        refundId, new PaymentEvent.RefundSucceeded(refundId, 250, null)));

    assertThat(outcome).isInstanceOf(Settlement.Outcome.Applied.class);
    assertThat(payments.get(paymentId).refund(refundId).orElseThrow().status()).isEqualTo(Refund.Status.SUCCEEDED);
  }

  @Test
  void aRefundWhosePendingAnswerIsKnownIsNotWaitedFor() {
    String paymentId = paidPayment(1000);
    provider.pendNextRefund();
    String refundId = refunds.refund(MERCHANT, new CreateRefund(paymentId, 250L, null)).refundId();
    String providerRefundId = provider.refundIdFor(refundId).orElseThrow();
    hints.settle(refundHint(providerRefundId, paymentId, refundId, null)); // remembers the provider's id
    provider.settleRefund(providerRefundId);

    Settlement.Outcome outcome = hints.settleOrDefer(refundHint(providerRefundId, paymentId, refundId,
        new PaymentEvent.RefundSucceeded(refundId, 250, null)));

    assertThat(outcome).isInstanceOf(Settlement.Outcome.Applied.class);
    assertThat(payments.get(paymentId).amounts().refunded()).isEqualTo(250);
  }

  @Test
  void aRefundWebhookReadBeforeTheReservationWaitsForTheCreatorOnTheReadAfterIt() {
    String paymentId = paidPayment(1000);
    Payment beforeTheRefund = payments.get(paymentId);
    provider.failNext(Fault.TIMEOUT_AFTER_EFFECT);
    String refundId = refunds.refund(MERCHANT, new CreateRefund(paymentId, 250L, null)).refundId();
    PaymentLookup stale = new PaymentLookup() {
      @Override
      public Optional<Payment> byId(String id) {
        return Optional.of(beforeTheRefund);
      }

      @Override
      public Optional<Payment> byKey(String tenantId, Mode mode, String id) {
        return Optional.of(beforeTheRefund);
      }
    };
    HintSettlement staleHints = new HintSettlement(provider, stale, payments, settlement,
        new ProviderRefundIds(payments, clock), clock, REFUND_IN_FLIGHT);

    Settlement.Outcome outcome = staleHints.settleOrDefer(refundHint(provider.refundIdFor(refundId).orElseThrow(),
        paymentId, refundId, new PaymentEvent.RefundSucceeded(refundId, 250, null)));

    assertThat(outcome).isInstanceOf(Settlement.Outcome.Deferred.class);
    assertThat(payments.get(paymentId).refund(refundId).orElseThrow().status()).isEqualTo(Refund.Status.RESERVED);
  }

  /** A refund webhook as Stripe's carry it: our ids and the payment's key in metadata, and what it reports. */
  private static ProviderHint refundHint(String providerRefundId, String paymentId, String refundId,
      PaymentEvent reported) {
    return new ProviderHint(FakeProvider.NAME, "evt_" + providerRefundId, "refund.created",
        ProviderHint.Subject.REFUND, providerRefundId, Optional.of(paymentId), Optional.of(refundId), OWNER,
        Optional.ofNullable(reported));
  }

  private String checkoutOf(String paymentId) {
    return payments.get(paymentId).provider().orElseThrow().providerPaymentId();
  }

  private static ProviderHint hint(ProviderHint.Subject subject, String objectId, Optional<String> paymentId,
      Optional<String> refundId) {
    return new ProviderHint(FakeProvider.NAME, "evt_" + objectId, "test.event", subject, objectId, paymentId,
        refundId);
  }

  private static CreateCheckoutSession request(long amount) {
    return new CreateCheckoutSession(amount, "EUR", "order-9", List.of("card"), "https://shop.test/ok",
        "https://shop.test/cancel");
  }
}
