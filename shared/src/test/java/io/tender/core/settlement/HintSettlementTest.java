package io.tender.core.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import io.tender.core.auth.Principal;
import io.tender.core.checkout.CheckoutSessions;
import io.tender.core.checkout.CreateCheckoutSession;
import io.tender.core.id.RandomIdGenerator;
import io.tender.core.money.AmountPolicy;
import io.tender.core.payment.Payment;
import io.tender.core.payment.PaymentState;
import io.tender.core.payment.Refund;
import io.tender.core.provider.ProviderHint;
import io.tender.core.refund.CreateRefund;
import io.tender.core.refund.Refunds;
import io.tender.core.tenant.Mode;
import io.tender.testing.FakeProvider;
import io.tender.testing.InMemoryCheckoutSessions;
import io.tender.testing.InMemoryPayments;
import io.tender.testing.MutableClock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Webhook hints about refunds and provider payments, settled by fetching what they point at. */
class HintSettlementTest {
  private static final Principal MERCHANT = new Principal.ApiKeyCaller("ten_hints", Mode.TEST, "key_1");

  private final MutableClock clock = new MutableClock(Instant.parse("2026-05-04T09:00:00Z"));
  private final InMemoryPayments payments = new InMemoryPayments();
  private final FakeProvider provider = new FakeProvider();
  private final Settlement settlement = new Settlement(provider, payments, payments, prefix -> prefix + "_" + java.util.UUID.randomUUID(), clock);
  private final RandomIdGenerator ids = new RandomIdGenerator(clock, new Random(9));
  private final CheckoutSessions checkouts = new CheckoutSessions(new InMemoryCheckoutSessions(payments),
      new io.tender.core.tenant.InMemoryTenantRepository(), provider, AmountPolicy.standard(), ids, clock);
  private final Refunds refunds = new Refunds(payments, provider, settlement, AmountPolicy.standard(), ids, clock);
  private final HintSettlement hints = new HintSettlement(provider, payments, payments, settlement,
      new ProviderRefundIds(payments, clock));

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

  private String paidPayment(long amount) {
    String paymentId = checkouts.create(MERCHANT, request(amount)).payment().id();
    provider.pay(checkoutOf(paymentId));
    settlement.settleCheckout(checkoutOf(paymentId));
    return paymentId;
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
