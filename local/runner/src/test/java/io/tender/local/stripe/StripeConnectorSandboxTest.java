package io.tender.local.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;
import static org.assertj.core.groups.Tuple.tuple;

import io.tender.adapter.stripe.StripeConnector;
import io.tender.adapter.stripe.StripeSettings;
import io.tender.adapter.stripe.StripeWebhookHints;
import io.tender.core.money.Money;
import io.tender.core.payment.PaymentEvent;
import io.tender.core.provider.CheckoutCreated;
import io.tender.core.provider.CheckoutRequest;
import io.tender.core.provider.CheckoutState;
import io.tender.core.provider.ProviderConfigurationException;
import io.tender.core.provider.ProviderHint;
import io.tender.core.provider.ProviderRefusedException;
import io.tender.core.provider.ProviderRefusedException.Refusal;
import io.tender.core.provider.ProviderUnavailableException;
import io.tender.core.provider.RefundRequest;
import io.tender.core.provider.RefundState;
import io.tender.core.tenant.Mode;
import io.tender.local.sandbox.stripe.StripeSandbox;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Stripe connector against the Stripe sandbox, over real HTTP in Stripe's wire format. */
class StripeConnectorSandboxTest {
  private static final Duration SHORT_TIMEOUT = Duration.ofMillis(700);

  private StripeSandbox sandbox;
  private StripeConnector stripe;
  private Instant expiresAt;

  @BeforeEach
  void start() {
    sandbox = StripeSandbox.start(Clock.systemUTC());
    stripe = connector(sandbox.apiKey());
    expiresAt = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  private StripeConnector connector(String key) {
    return new StripeConnector(
        new StripeSettings(sandbox.baseUrl(), Duration.ofSeconds(2), SHORT_TIMEOUT), () -> key);
  }

  private CheckoutRequest request(String paymentId, long amount) {
    return new CheckoutRequest(paymentId, Money.ofMinor(amount, "EUR"), "Order " + paymentId,
        "https://merchant.example/done?session={CHECKOUT_SESSION_ID}",
        "https://merchant.example/cart", expiresAt, "ten_sandbox", Mode.TEST);
  }

  private CheckoutCreated paid(String paymentId, long amount) {
    CheckoutCreated created = stripe.createCheckout(request(paymentId, amount));
    assertThat(sandbox.hostedPagePay(created.checkoutId())).isPresent();
    return created;
  }

  @Test
  void createsAHostedCheckoutCarryingOurPaymentId() {
    CheckoutCreated created = stripe.createCheckout(request("pay_create", 4200));

    assertThat(created.checkoutId()).startsWith("cs_test_");
    assertThat(created.url()).isEqualTo(sandbox.baseUrl() + "/c/pay/" + created.checkoutId());
    assertThat(created.expiresAt()).isEqualTo(expiresAt);

    CheckoutState state = stripe.fetchCheckout(created.checkoutId());
    assertThat(state.checkoutId()).isEqualTo(created.checkoutId());
    assertThat(state.paymentId()).contains("pay_create");
    assertThat(state.providerPaymentId()).isEmpty();
    assertThat(state.event()).isInstanceOf(PaymentEvent.Pending.class);
  }

  @Test
  void aPaidCheckoutFetchesAsCapturedForTheAmountAndCarriesOurIdOnThePaymentIntent() {
    CheckoutCreated created = paid("pay_paid", 4200);

    CheckoutState state = stripe.fetchCheckout(created.checkoutId());

    assertThat(state.event()).isEqualTo(new PaymentEvent.Captured(4200, null));
    assertThat(state.providerPaymentId()).hasValueSatisfying(id -> assertThat(id).startsWith("pi_"));
    List<ProviderHint> hints = hints();
    assertThat(hints).extracting(ProviderHint::eventType)
        .containsExactly("payment_intent.succeeded", "checkout.session.completed");
    assertThat(hints).allSatisfy(hint -> assertThat(hint.paymentId()).contains("pay_paid"));
    // The metadata set at creation gives settlement the payment's whole key, and the snapshot its capture.
    assertThat(hints).allSatisfy(hint -> {
      assertThat(hint.owner()).contains(new ProviderHint.Owner("ten_sandbox", Mode.TEST));
      assertThat(hint.reported()).contains(new PaymentEvent.Captured(4200, null));
    });
    assertThat(hints.get(0).providerObjectId()).isEqualTo(state.providerPaymentId().orElseThrow());
    assertThat(hints.get(1).subject()).isEqualTo(ProviderHint.Subject.CHECKOUT);
    assertThat(hints.get(1).providerObjectId()).isEqualTo(created.checkoutId());
  }

  @Test
  void aDeclinedAttemptLeavesThePaymentPendingSoThePayerCanRetry() {
    CheckoutCreated created = stripe.createCheckout(request("pay_decline", 1500));
    sandbox.hostedPageDecline(created.checkoutId());

    CheckoutState declined = stripe.fetchCheckout(created.checkoutId());
    assertThat(declined.event()).isInstanceOf(PaymentEvent.Pending.class);
    assertThat(declined.providerPaymentId()).isPresent();

    sandbox.hostedPagePay(created.checkoutId()).orElseThrow();
    assertThat(stripe.fetchCheckout(created.checkoutId()).event())
        .isEqualTo(new PaymentEvent.Captured(1500, null));
  }

  @Test
  void aCancelledPayerLeavesItOpenAndExpiringEndsIt() {
    CheckoutCreated created = stripe.createCheckout(request("pay_cancel", 900));
    sandbox.hostedPageCancel(created.checkoutId());
    assertThat(stripe.fetchCheckout(created.checkoutId()).event())
        .isInstanceOf(PaymentEvent.Pending.class);

    CheckoutState expired = stripe.expireCheckout(created.checkoutId());

    assertThat(expired.event()).isInstanceOf(PaymentEvent.Expired.class);
    assertThat(stripe.fetchCheckout(created.checkoutId()).event())
        .isInstanceOf(PaymentEvent.Expired.class);
    assertThat(stripe.expireCheckout(created.checkoutId()).event())
        .as("expiring twice reports the state instead of refusing")
        .isInstanceOf(PaymentEvent.Expired.class);
  }

  @Test
  void expiringACheckoutThePayerJustPaidReportsTheCapture() {
    CheckoutCreated created = paid("pay_race", 2500);

    assertThat(stripe.expireCheckout(created.checkoutId()).event())
        .isEqualTo(new PaymentEvent.Captured(2500, null));
  }

  @Test
  void refundsPartlyThenFullyThenRefusesWhatIsLeft() {
    CheckoutCreated created = paid("pay_refund", 1000);

    RefundState first = stripe.refund(refund("pay_refund", "rf_1", created, 300));
    RefundState second = stripe.refund(refund("pay_refund", "rf_2", created, 700));

    assertThat(first.providerRefundId()).startsWith("re_");
    assertThat(first.event()).isEqualTo(new PaymentEvent.RefundSucceeded("rf_1", 300, null));
    assertThat(second.event()).isEqualTo(new PaymentEvent.RefundSucceeded("rf_2", 700, null));
    assertThat(stripe.fetchRefund(first.providerRefundId())).isEqualTo(first);
    assertThat(stripe.refund(refund("pay_refund", "rf_1", created, 300)))
        .as("the same refund again is the same refund")
        .isEqualTo(first);
    assertThatThrownBy(() -> stripe.refund(refund("pay_refund", "rf_3", created, 1)))
        .asInstanceOf(type(ProviderRefusedException.class))
        .satisfies(e -> {
          assertThat(e.refusal()).isEqualTo(Refusal.ALREADY_REFUNDED);
          assertThat(e.providerCode()).contains("charge_already_refunded");
        });
  }

  @Test
  void refundingMoreThanWasPaidIsATypedRefusal() {
    CheckoutCreated created = paid("pay_over", 1000);

    assertThatThrownBy(() -> stripe.refund(refund("pay_over", "rf_over", created, 1001)))
        .asInstanceOf(type(ProviderRefusedException.class))
        .satisfies(e -> {
          assertThat(e.refusal()).isEqualTo(Refusal.AMOUNT_TOO_LARGE);
          assertThat(e.providerCode()).contains("amount_too_large");
          assertThat(e.provider()).isEqualTo("stripe");
        });
  }

  @Test
  void refundingAnUnpaidCheckoutIsRefusedWithoutCallingRefunds() {
    CheckoutCreated created = stripe.createCheckout(request("pay_unpaid", 1000));

    assertThatThrownBy(() -> stripe.refund(refund("pay_unpaid", "rf_1", created, 100)))
        .asInstanceOf(type(ProviderRefusedException.class))
        .extracting(ProviderRefusedException::refusal).isEqualTo(Refusal.NOT_PAID);
  }

  @Test
  void aPendingRefundIsPendingUntilStripeSettlesIt() {
    CheckoutCreated created = paid("pay_pend", 1000);
    sandbox.failures().pendNextRefund();

    RefundState pending = stripe.refund(refund("pay_pend", "rf_pend", created, 400));
    assertThat(pending.event()).isInstanceOf(PaymentEvent.Pending.class);

    sandbox.settleRefund(pending.providerRefundId());
    assertThat(stripe.fetchRefund(pending.providerRefundId()).event())
        .isEqualTo(new PaymentEvent.RefundSucceeded("rf_pend", 400, null));
    assertThat(hints()).filteredOn(hint -> hint.subject() == ProviderHint.Subject.REFUND)
        .allSatisfy(hint -> {
          assertThat(hint.providerObjectId()).isEqualTo(pending.providerRefundId());
          assertThat(hint.refundId()).contains("rf_pend");
          assertThat(hint.paymentId()).contains("pay_pend");
          // The metadata set on the refund gives settlement the payment's whole key, as a checkout's does.
          assertThat(hint.owner()).contains(new ProviderHint.Owner("ten_sandbox", Mode.TEST));
        })
        .extracting(ProviderHint::eventType, ProviderHint::reported).containsExactly(
            tuple("refund.created", Optional.empty()),
            tuple("refund.updated",
                Optional.of(new PaymentEvent.RefundSucceeded("rf_pend", 400, null))));
  }

  @Test
  void creatingTwiceForOnePaymentAnswersTheSameCheckout() {
    CheckoutCreated first = stripe.createCheckout(request("pay_twice", 4200));
    CheckoutCreated second = stripe.createCheckout(request("pay_twice", 4200));

    assertThat(second).isEqualTo(first);
    assertThatThrownBy(() -> stripe.createCheckout(request("pay_twice", 4300)))
        .as("another amount under the same payment id is a defect, not a new checkout")
        .asInstanceOf(type(ProviderRefusedException.class))
        .extracting(ProviderRefusedException::refusal).isEqualTo(Refusal.IDEMPOTENCY_CONFLICT);
  }

  @Test
  void aServerErrorIsUnknownAndTheSameRequestThenSucceeds() {
    sandbox.failures().failNextCall();

    assertThatThrownBy(() -> stripe.createCheckout(request("pay_500", 4200)))
        .isInstanceOf(ProviderUnavailableException.class)
        .hasMessageContaining("500");

    CheckoutCreated created = stripe.createCheckout(request("pay_500", 4200));
    sandbox.failures().failNextCall();
    assertThatThrownBy(() -> stripe.fetchCheckout(created.checkoutId()))
        .isInstanceOf(ProviderUnavailableException.class);
    assertThat(stripe.fetchCheckout(created.checkoutId()).event())
        .isInstanceOf(PaymentEvent.Pending.class);
  }

  @Test
  void aTimedOutCreateIsUnknownAndRepeatingItFindsTheCheckoutItMade() {
    sandbox.failures().delayNextCall(SHORT_TIMEOUT.multipliedBy(3));

    assertThatThrownBy(() -> stripe.createCheckout(request("pay_slow", 4200)))
        .isInstanceOf(ProviderUnavailableException.class)
        .hasMessageContaining("in time");

    // The call took effect: the key now belongs to that request, and repeating it replays it.
    assertThatThrownBy(() -> stripe.createCheckout(request("pay_slow", 9999)))
        .asInstanceOf(type(ProviderRefusedException.class))
        .extracting(ProviderRefusedException::refusal).isEqualTo(Refusal.IDEMPOTENCY_CONFLICT);
    CheckoutCreated found = stripe.createCheckout(request("pay_slow", 4200));
    CheckoutState state = stripe.fetchCheckout(found.checkoutId());
    assertThat(state.paymentId()).contains("pay_slow");
    assertThat(state.event()).isInstanceOf(PaymentEvent.Pending.class);
  }

  @Test
  void aWrongKeyIsAConfigurationErrorThatDoesNotRepeatTheKey() {
    String wrongKey = "sk_test_WrongKeyWrongKeyWrongKey9876";
    StripeConnector misconfigured = connector(wrongKey);

    assertThatThrownBy(() -> misconfigured.createCheckout(request("pay_key", 4200)))
        .isInstanceOf(ProviderConfigurationException.class)
        .hasMessageContaining("secret key")
        .satisfies(e -> assertThat(e.getMessage())
            .doesNotContain(wrongKey).doesNotContain("WrongKey").doesNotContain("9876"));
    assertThatThrownBy(() -> connector("  ").fetchCheckout("cs_test_x"))
        .isInstanceOf(ProviderConfigurationException.class);
  }

  @Test
  void theKeyIsReadOnEveryCallSoARotatedKeyNeedsNoRestart() {
    AtomicReference<String> key = new AtomicReference<>("sk_test_old");
    StripeConnector rotating = new StripeConnector(StripeSettings.of(sandbox.baseUrl()), key::get);
    assertThatThrownBy(() -> rotating.createCheckout(request("pay_rotate", 100)))
        .isInstanceOf(ProviderConfigurationException.class);

    key.set(sandbox.apiKey());

    assertThat(rotating.createCheckout(request("pay_rotate", 100)).checkoutId()).startsWith("cs_");
  }

  @Test
  void anAmountOverStripesMaximumIsATypedRefusal() {
    assertThatThrownBy(() -> stripe.createCheckout(request("pay_huge", 100_000_000L)))
        .asInstanceOf(type(ProviderRefusedException.class))
        .satisfies(e -> {
          assertThat(e.refusal()).isEqualTo(Refusal.AMOUNT_TOO_LARGE);
          assertThat(e.getMessage()).doesNotContain(sandbox.apiKey());
        });
  }

  @Test
  void pinsTheApiVersionTheSandboxServes() {
    assertThat(StripeConnector.API_VERSION).isEqualTo(StripeSandbox.API_VERSION);
  }

  private static RefundRequest refund(String paymentId, String refundId, CheckoutCreated created,
      long amount) {
    return new RefundRequest(paymentId, refundId, created.checkoutId(), Money.ofMinor(amount, "EUR"), "ten_sandbox",
        Mode.TEST);
  }

  private List<ProviderHint> hints() {
    return sandbox.events().stream()
        .map(StripeWebhookHints::hint)
        .flatMap(Optional::stream)
        .toList();
  }
}
