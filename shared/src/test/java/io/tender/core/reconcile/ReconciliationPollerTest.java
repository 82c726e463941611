package io.tender.core.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tender.core.auth.Principal;
import io.tender.core.checkout.CheckoutSessions;
import io.tender.core.checkout.CreateCheckoutSession;
import io.tender.core.error.ApiException;
import io.tender.core.id.RandomIdGenerator;
import io.tender.core.money.AmountPolicy;
import io.tender.core.payment.Payment;
import io.tender.core.payment.PaymentEvent;
import io.tender.core.payment.PaymentState;
import io.tender.core.payment.PollSchedule;
import io.tender.core.payment.Refund;
import io.tender.core.provider.ProviderRefusedException.Refusal;
import io.tender.core.refund.CreateRefund;
import io.tender.core.refund.Refunds;
import io.tender.core.settlement.Settlement;
import io.tender.core.tenant.Mode;
import io.tender.testing.CountingMetrics;
import io.tender.testing.FakeProvider;
import io.tender.testing.FakeProvider.Fault;
import io.tender.testing.InMemoryCheckoutSessions;
import io.tender.testing.InMemoryPayments;
import io.tender.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The janitor's decisions and schedule, against a provider that times out, declines and disagrees. */
class ReconciliationPollerTest {
  private static final Instant START = Instant.parse("2026-05-04T09:00:00Z");
  private static final Duration SESSION_LENGTH = CheckoutSessions.SESSION_LENGTH;
  private static final Principal MERCHANT = new Principal.ApiKeyCaller("ten_recon", Mode.TEST, "key_1");

  private final MutableClock clock = new MutableClock(START);
  private final InMemoryPayments payments = new InMemoryPayments();
  private final InMemoryCheckoutSessions sessions = new InMemoryCheckoutSessions(payments);
  private final FakeProvider provider = new FakeProvider();
  private final CountingMetrics metrics = new CountingMetrics();
  private final Settlement settlement = new Settlement(provider, payments, payments, prefix -> prefix + "_" + java.util.UUID.randomUUID(), clock);
  private final RandomIdGenerator ids = new RandomIdGenerator(clock, new Random(4));
  private final CheckoutSessions checkouts =
      new CheckoutSessions(sessions, new io.tender.core.tenant.InMemoryTenantRepository(), provider, AmountPolicy.standard(), ids, clock);
  private final Refunds refunds = new Refunds(payments, provider, settlement, AmountPolicy.standard(), ids, clock);
  private final ReconciliationPoller poller = poller();

  @Test
  void aCheckoutIsFirstPolledWhenItsSessionEndsAndNothingIsAskedBefore() {
    String paymentId = checkout(1000);
    assertThat(payments.get(paymentId).poll()).contains(PollSchedule.atSessionEnd(START.plus(SESSION_LENGTH)));
    clock.advance(SESSION_LENGTH.minusSeconds(1));

    assertThat(poller.poll(10)).isEmpty();
    assertThat(provider.calls("fetchCheckout") + provider.calls("expireCheckout")).isZero();
    assertThat(payments.get(paymentId).poll().orElseThrow().attempts()).isZero();
  }

  @Test
  void aCheckoutNobodyPaidIsExpiredAtTheProviderWhenItsSessionEnds() {
    String paymentId = checkout(1000);
    clock.advance(SESSION_LENGTH);

    List<ReconciliationPoller.Polled> polled = poller.poll(10);

    assertThat(polled).extracting(ReconciliationPoller.Polled::paymentId).containsExactly(paymentId);
    assertThat(provider.calls("expireCheckout")).isEqualTo(1);
    assertThat(provider.fetchCheckout(checkoutOf(paymentId)).event()).isInstanceOf(PaymentEvent.Expired.class);
    assertThat(payments.get(paymentId).state()).isEqualTo(PaymentState.EXPIRED);
    assertThat(payments.get(paymentId).poll()).isEmpty();
    assertThat(payments.ledger()).isEmpty();
  }

  @Test
  void aCheckoutPaidBeforeItsSessionEndsIsNeverPolled() {
    String paymentId = paidPayment(1000);
    int fetchedByTheWebhook = provider.calls("fetchCheckout");
    clock.advance(SESSION_LENGTH.plusDays(30));

    assertThat(poller.poll(10)).isEmpty();
    assertThat(provider.calls("fetchCheckout")).isEqualTo(fetchedByTheWebhook);
    assertThat(provider.calls("expireCheckout")).isZero();
    assertThat(payments.get(paymentId).state()).isEqualTo(PaymentState.CAPTURED);
  }

  @Test
  void aCreateThatGotNoCheckoutIsPolledSoonNotWhenItsSessionEnds() {
    provider.failNext(Fault.UNAVAILABLE);
    String unanswered = checkoutThatTimedOut();
    provider.refuseNext(Refusal.CURRENCY_NOT_SUPPORTED);
    assertThatThrownBy(() -> checkouts.create(MERCHANT, request(1000))).isInstanceOf(ApiException.class);
    String refused = payments.dueBy(clock.instant().plus(Duration.ofDays(1)), 10).stream()
        .map(DuePayments.Due::paymentId).filter(id -> !id.equals(unanswered)).findFirst().orElseThrow();

    assertThat(payments.get(unanswered).poll()).contains(new PollSchedule(0, START.plus(PollSchedule.BACKOFF.get(0))));
    assertThat(payments.get(refused).poll()).contains(new PollSchedule(0, START.plus(PollSchedule.BACKOFF.get(0))));
  }

  @Test
  void aCreateSentAgainIsNextPolledNoLaterThanItsSessionsEndAndExpiredThen() {
    provider.failNext(Fault.UNAVAILABLE);
    String paymentId = checkoutThatTimedOut();
    clock.advance(PollSchedule.BACKOFF.get(0));
    poller.poll(10);
    assertThat(payments.get(paymentId).state()).as("sent again, open at the provider").isEqualTo(PaymentState.PENDING);

    clock.set(payments.get(paymentId).poll().orElseThrow().nextAt());
    List<ReconciliationPoller.Polled> polled = poller.poll(10);

    assertThat(polled.get(0).outcome()).contains("next poll at the session's end");
    assertThat(payments.get(paymentId).poll().orElseThrow().nextAt()).as("not the backoff's next step")
        .isEqualTo(START.plus(SESSION_LENGTH));
    clock.set(START.plus(SESSION_LENGTH));
    poller.poll(10);
    assertThat(payments.get(paymentId).state()).isEqualTo(PaymentState.EXPIRED);
    assertThat(provider.calls("expireCheckout")).isEqualTo(1);
  }

  /**
   * The payer is quicker than the create: the provider's webhook is settled while the create is
   * still waiting for the provider's answer, before the payment names the provider's checkout. The
   * settlement cannot find the payment then (no money moves on a guess); the first poll settles it.
   */
  @Test
  void aWebhookThatOvertakesTheCreateIsSettledByTheFirstPoll() {
    List<Settlement.Outcome> early = new java.util.ArrayList<>();
    io.tender.core.provider.CheckoutConnector racing = new io.tender.core.provider.CheckoutConnector() {
      @Override
      public String provider() {
        return provider.provider();
      }

      @Override
      public io.tender.core.provider.CheckoutCreated createCheckout(io.tender.core.provider.CheckoutRequest request) {
        io.tender.core.provider.CheckoutCreated created = provider.createCheckout(request);
        provider.pay(created.checkoutId());
        early.add(settlement.settleCheckout(created.checkoutId())); // the webhook, before the answer arrives
        return created;
      }

      @Override
      public io.tender.core.provider.CheckoutState fetchCheckout(String checkoutId) {
        return provider.fetchCheckout(checkoutId);
      }

      @Override
      public io.tender.core.provider.CheckoutState expireCheckout(String checkoutId) {
        return provider.expireCheckout(checkoutId);
      }

      @Override
      public io.tender.core.provider.RefundState refund(io.tender.core.provider.RefundRequest request) {
        return provider.refund(request);
      }

      @Override
      public io.tender.core.provider.RefundState fetchRefund(String providerRefundId) {
        return provider.fetchRefund(providerRefundId);
      }
    };
    CheckoutSessions racingCheckouts = new CheckoutSessions(sessions,
        new io.tender.core.tenant.InMemoryTenantRepository(), racing, AmountPolicy.standard(), ids, clock);

    String paymentId = racingCheckouts.create(MERCHANT, request(1200)).payment().id();

    assertThat(early).singleElement().isInstanceOf(Settlement.Outcome.NotOurs.class);
    assertThat(payments.get(paymentId).amounts().captured()).isZero();
    clock.advance(SESSION_LENGTH);
    poller.poll(10);
    assertThat(payments.get(paymentId).state()).isEqualTo(PaymentState.CAPTURED);
    assertThat(payments.ledger()).hasSize(1);
    assertThat(settlement.settleCheckout(checkoutOf(paymentId))).as("Stripe's redelivery, later")
        .isInstanceOf(Settlement.Outcome.Ignored.class);
    assertThat(payments.ledger()).hasSize(1);
  }

  @Test
  void aPaymentWhoseWebhookNeverCameIsSettledByTheFirstPoll() {
    String paymentId = checkout(1000);
    provider.pay(checkoutOf(paymentId));
    clock.advance(SESSION_LENGTH);

    List<ReconciliationPoller.Polled> polled = poller.poll(10);

    assertThat(polled).extracting(ReconciliationPoller.Polled::paymentId).containsExactly(paymentId);
    Payment paid = payments.get(paymentId);
    assertThat(paid.state()).isEqualTo(PaymentState.CAPTURED);
    assertThat(paid.poll()).as("settled: nothing left to poll").isEmpty();
    assertThat(payments.ledger()).hasSize(1);
    assertThat(payments.dueBy(clock.instant().plus(Duration.ofDays(30)), 10)).isEmpty();
  }

  @Test
  void aDeclineTheProviderReportsEndsThePayment() {
    String paymentId = checkout(1000);
    provider.decline(checkoutOf(paymentId));
    clock.advance(SESSION_LENGTH);

    poller.poll(10);

    assertThat(payments.get(paymentId).state()).isEqualTo(PaymentState.FAILED);
    assertThat(payments.get(paymentId).poll()).isEmpty();
    assertThat(payments.ledger()).isEmpty();
  }

  @Test
  void whenTheProviderSaysSomethingElseItsAnswerWins() {
    provider.failNext(Fault.UNAVAILABLE);
    String paymentId = checkoutThatTimedOut();
    clock.advance(PollSchedule.BACKOFF.get(0));
    poller.poll(10);
    assertThat(payments.get(paymentId).state()).as("open at the provider").isEqualTo(PaymentState.PENDING);

    provider.expire(checkoutOf(paymentId));
    clock.set(payments.get(paymentId).poll().orElseThrow().nextAt());
    poller.poll(10);

    assertThat(payments.get(paymentId).state()).isEqualTo(PaymentState.EXPIRED);
    assertThat(payments.get(paymentId).poll()).isEmpty();
    assertThat(provider.calls("expireCheckout")).as("fetched before its session ended").isZero();
  }

  @Test
  void aProviderThatDoesNotAnswerChangesNothingButTheNextPollTime() {
    String paymentId = checkout(1000);
    clock.advance(SESSION_LENGTH);
    provider.failNext(Fault.UNAVAILABLE);

    List<ReconciliationPoller.Polled> polled = poller.poll(10);

    assertThat(polled.get(0).outcome()).contains("did not answer");
    Payment after = payments.get(paymentId);
    assertThat(after.state()).isEqualTo(PaymentState.CREATED);
    assertThat(after.poll().orElseThrow())
        .isEqualTo(new PollSchedule(1, clock.instant().plus(PollSchedule.BACKOFF.get(1))));
    assertThat(poller.poll(10)).as("not due again until then").isEmpty();
  }

  @Test
  void theScheduleBacksOffStepByStepAfterTheSessionsEndAndParksForReviewAfterTheLastPoll() {
    String paymentId = checkout(1000);
    List<Duration> waits = new ArrayList<>();
    Instant previous = START;
    for (int poll = 0; poll <= PollSchedule.BACKOFF.size() && payments.get(paymentId).needsPolling(); poll++) {
      Instant due = payments.get(paymentId).poll().orElseThrow().nextAt();
      waits.add(Duration.between(previous, due));
      clock.set(due);
      previous = due;
      provider.failNext(Fault.UNAVAILABLE); // the expiry is never answered
      assertThat(poller.poll(10)).hasSize(1);
    }

    List<Duration> expected = new ArrayList<>(List.of(SESSION_LENGTH));
    expected.addAll(PollSchedule.BACKOFF.subList(1, PollSchedule.BACKOFF.size()));
    assertThat(waits).containsExactlyElementsOf(expected);
    assertThat(payments.get(paymentId).state()).isEqualTo(PaymentState.NEEDS_REVIEW);
    assertThat(metrics.count(ReconciliationPoller.NEEDS_REVIEW_METRIC)).isEqualTo(1);
    assertThat(metrics.all().get(0).context()).containsEntry("paymentId", paymentId);
    clock.advance(Duration.ofDays(30));
    assertThat(poller.poll(10)).as("parked payments are not polled").isEmpty();
    assertThat(provider.calls("expireCheckout")).isEqualTo(PollSchedule.BACKOFF.size());
  }

  @Test
  void aCreateThatTookEffectButTimedOutIsLookedUpNotMadeTwice() {
    provider.failNext(Fault.TIMEOUT_AFTER_EFFECT);
    String paymentId = checkoutThatTimedOut();
    assertThat(provider.checkoutsFor(paymentId)).isEqualTo(1);
    clock.advance(PollSchedule.BACKOFF.get(0));

    poller.poll(10);

    Payment after = payments.get(paymentId);
    assertThat(provider.checkoutsFor(paymentId)).as("the repeat is a lookup").isEqualTo(1);
    assertThat(after.provider()).isPresent();
    assertThat(after.state()).isEqualTo(PaymentState.PENDING);
    var session = sessions.find("ten_recon", Mode.TEST, after.checkoutSessionId().orElseThrow()).orElseThrow();
    assertThat(session.redirectUrl()).hasValue("https://pay.fake/" + after.provider().get().providerPaymentId());

    provider.pay(after.provider().get().providerPaymentId());
    clock.set(after.poll().orElseThrow().nextAt());
    poller.poll(10);
    assertThat(payments.get(paymentId).state()).isEqualTo(PaymentState.CAPTURED);
  }

  @Test
  void aCreateThatNeverReachedTheProviderIsSentAgain() {
    provider.failNext(Fault.UNAVAILABLE);
    String paymentId = checkoutThatTimedOut();
    assertThat(provider.checkoutsFor(paymentId)).isZero();
    clock.advance(PollSchedule.BACKOFF.get(0));

    poller.poll(10);

    assertThat(provider.checkoutsFor(paymentId)).isEqualTo(1);
    assertThat(payments.get(paymentId).provider()).isPresent();
  }

  @Test
  void aCreateTheProviderRefusesWhenSentAgainFailsThePayment() {
    provider.failNext(Fault.UNAVAILABLE);
    String paymentId = checkoutThatTimedOut();
    clock.advance(PollSchedule.BACKOFF.get(0));
    provider.refuseNext(Refusal.CURRENCY_NOT_SUPPORTED);

    poller.poll(10);

    assertThat(payments.get(paymentId).state()).isEqualTo(PaymentState.FAILED);
  }

  @Test
  void aSessionWhoseTimeIsUpIsExpiredRatherThanCreatedLate() {
    provider.failNext(Fault.UNAVAILABLE);
    String paymentId = checkoutThatTimedOut();
    clock.advance(CheckoutSessions.SESSION_LENGTH.plusMinutes(1));

    poller.poll(10);

    assertThat(payments.get(paymentId).state()).isEqualTo(PaymentState.EXPIRED);
    assertThat(provider.calls("createCheckout")).as("only the first attempt").isEqualTo(1);
    assertThat(provider.checkoutsFor(paymentId)).isZero();
  }

  @Test
  void aRefundThatTimedOutAfterTakingEffectIsLookedUpAndCountedOnce() {
    String paymentId = paidPayment(1000);
    provider.failNext(Fault.TIMEOUT_AFTER_EFFECT);
    Refunds.Refunded answer = refunds.refund(MERCHANT, new CreateRefund(paymentId, 300L, null));
    assertThat(answer.status()).isEqualTo("pending");
    assertThat(payments.get(paymentId).amounts().refundReserved()).isEqualTo(300);
    clock.advance(PollSchedule.BACKOFF.get(0));

    poller.poll(10);

    Payment after = payments.get(paymentId);
    assertThat(provider.refundsFor(answer.refundId())).as("re-sent, not refunded twice").isEqualTo(1);
    assertThat(after.state()).isEqualTo(PaymentState.PARTIALLY_REFUNDED);
    assertThat(after.amounts().refunded()).isEqualTo(300);
    assertThat(after.amounts().refundReserved()).isZero();
    assertThat(after.poll()).isEmpty();
    assertThat(payments.ledger()).as("capture and one refund").hasSize(2);
  }

  @Test
  void aPendingRefundIsRememberedThenFetchedUntilTheProviderSettlesIt() {
    String paymentId = paidPayment(1000);
    provider.failNext(Fault.TIMEOUT_AFTER_EFFECT);
    provider.pendNextRefund();
    String refundId = refunds.refund(MERCHANT, new CreateRefund(paymentId, 1000L, null)).refundId();
    clock.advance(PollSchedule.BACKOFF.get(0));

    poller.poll(10);

    String providerRefundId = provider.refundIdFor(refundId).orElseThrow();
    Refund reserved = payments.get(paymentId).refund(refundId).orElseThrow();
    assertThat(reserved.status()).isEqualTo(Refund.Status.RESERVED);
    assertThat(reserved.providerRefundId()).hasValue(providerRefundId);
    int refundCalls = provider.calls("refund");

    provider.settleRefund(providerRefundId);
    clock.set(payments.get(paymentId).poll().orElseThrow().nextAt());
    poller.poll(10);

    assertThat(provider.calls("refund")).as("fetched by its id, not re-sent").isEqualTo(refundCalls);
    assertThat(payments.get(paymentId).state()).isEqualTo(PaymentState.REFUNDED);
    assertThat(payments.get(paymentId).poll()).isEmpty();
  }

  @Test
  void aRefundTheProviderRefusesWhenSentAgainIsReleased() {
    String paymentId = paidPayment(1000);
    provider.failNext(Fault.UNAVAILABLE);
    String refundId = refunds.refund(MERCHANT, new CreateRefund(paymentId, 400L, null)).refundId();
    clock.advance(PollSchedule.BACKOFF.get(0));
    provider.refuseNext(Refusal.AMOUNT_TOO_LARGE);

    poller.poll(10);

    Payment after = payments.get(paymentId);
    assertThat(after.refund(refundId).orElseThrow().status()).isEqualTo(Refund.Status.FAILED);
    assertThat(after.amounts().refundReserved()).isZero();
    assertThat(after.state()).isEqualTo(PaymentState.CAPTURED);
  }

  @Test
  void aRefundThatCanNoLongerBeLookedUpIsParkedAtOnce() {
    String paymentId = paidPayment(1000);
    provider.failNext(Fault.UNAVAILABLE);
    refunds.refund(MERCHANT, new CreateRefund(paymentId, 400L, null));
    clock.advance(Duration.ofHours(24));

    List<ReconciliationPoller.Polled> polled = poller.poll(10);

    assertThat(polled.get(0).outcome()).contains("too old to re-send").contains("parked for review");
    assertThat(provider.calls("refund")).as("never re-sent outside the idempotency window").isEqualTo(1);
    assertThat(payments.get(paymentId).state()).isEqualTo(PaymentState.NEEDS_REVIEW);
    assertThat(metrics.count(ReconciliationPoller.NEEDS_REVIEW_METRIC)).isEqualTo(1);
  }

  @Test
  void twoPollersNeverAskTwiceForOneSlot() {
    String paymentId = checkout(1000);
    clock.advance(SESSION_LENGTH);
    provider.failNext(Fault.UNAVAILABLE); // still open after the first poll
    ReconciliationPoller other = poller();

    assertThat(poller.poll(10)).hasSize(1);
    assertThat(other.poll(10)).isEmpty();
    assertThat(provider.calls("expireCheckout")).isEqualTo(1);
    assertThat(payments.get(paymentId).poll().orElseThrow().attempts()).isEqualTo(1);
  }

  private ReconciliationPoller poller() {
    return new ReconciliationPoller(payments, payments, sessions, provider, settlement, metrics, clock);
  }

  private String checkout(long amount) {
    return checkouts.create(MERCHANT, request(amount)).payment().id();
  }

  private String checkoutThatTimedOut() {
    assertThatThrownBy(() -> checkouts.create(MERCHANT, request(1000))).isInstanceOf(ApiException.class);
    return payments.dueBy(clock.instant().plus(Duration.ofDays(1)), 10).getLast().paymentId();
  }

  private String paidPayment(long amount) {
    String paymentId = checkout(amount);
    provider.pay(checkoutOf(paymentId));
    settlement.settleCheckout(checkoutOf(paymentId));
    assertThat(payments.get(paymentId).state()).isEqualTo(PaymentState.CAPTURED);
    return paymentId;
  }

  private String checkoutOf(String paymentId) {
    return payments.get(paymentId).provider().orElseThrow().providerPaymentId();
  }

  private static CreateCheckoutSession request(long amount) {
    return new CreateCheckoutSession(amount, "EUR", "order-1", List.of("card"), "https://shop.test/ok",
        "https://shop.test/cancel");
  }
}
