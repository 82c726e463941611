package io.tender.local.sandbox.stripe;

import static io.tender.local.sandbox.stripe.SandboxFixture.client;
import static io.tender.local.sandbox.stripe.SandboxFixture.get;
import static io.tender.local.sandbox.stripe.SandboxFixture.postForm;
import static io.tender.local.sandbox.stripe.SandboxFixture.sessionParams;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.stripe.StripeClient;
import com.stripe.exception.InvalidRequestException;
import com.stripe.model.Event;
import com.stripe.model.PaymentIntent;
import com.stripe.model.checkout.Session;
import com.stripe.net.Webhook;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Checkout flow, driven by the official client and by a payer on the hosted page over HTTP. */
class StripeCheckoutSandboxTest {
  private static final String SECRET = "whsec_checkout_test_secret";

  private StripeSandbox sandbox;
  private WebhookReceiver receiver;
  private StripeClient stripe;

  @BeforeEach
  void start() {
    sandbox = StripeSandbox.start(Clock.systemUTC());
    receiver = new WebhookReceiver();
    sandbox.addWebhookEndpoint(receiver.url(), SECRET);
    stripe = client(sandbox);
  }

  @AfterEach
  void stop() {
    sandbox.close();
    receiver.close();
  }

  @Test
  void createsAnOpenUnpaidSessionInStripesShape() throws Exception {
    long before = Clock.systemUTC().instant().getEpochSecond();

    Session session = stripe.v1().checkout().sessions().create(sessionParams(1250, 2).build());

    assertThat(session.getId()).startsWith("cs_test_");
    assertThat(session.getObject()).isEqualTo("checkout.session");
    assertThat(session.getStatus()).isEqualTo("open");
    assertThat(session.getPaymentStatus()).isEqualTo("unpaid");
    assertThat(session.getAmountTotal()).isEqualTo(2500L);
    assertThat(session.getCurrency()).isEqualTo("eur");
    assertThat(session.getClientReferenceId()).isEqualTo("pay_01TEST");
    assertThat(session.getMetadata()).containsEntry("tender_payment_id", "pay_01TEST");
    assertThat(session.getPaymentIntent()).isNull();
    assertThat(session.getUrl()).isEqualTo(sandbox.baseUrl() + "/c/pay/" + session.getId());
    assertThat(session.getCreated()).isBetween(before, before + 5);
    assertThat(session.getExpiresAt()).isEqualTo(session.getCreated() + 24 * 3600);

    Session again = stripe.v1().checkout().sessions().retrieve(session.getId());
    assertThat(again.getId()).isEqualTo(session.getId());
    assertThat(again.getAmountTotal()).isEqualTo(2500L);
  }

  @Test
  void payingOnTheHostedPageCompletesTheSessionAndSendsSignedWebhooks() throws Exception {
    Session session = stripe.v1().checkout().sessions().create(sessionParams(4200, 1).build());

    HttpResponse<String> page = get(URI.create(session.getUrl()));
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("42.00 EUR", "value=\"pay\"", "value=\"decline\"", "value=\"cancel\"");

    HttpResponse<String> paid = postForm(URI.create(session.getUrl()), "action=pay");
    assertThat(paid.statusCode()).isEqualTo(303);
    assertThat(paid.headers().firstValue("Location"))
        .hasValue("https://merchant.example/done?session=" + session.getId());

    Session completed = stripe.v1().checkout().sessions().retrieve(session.getId());
    assertThat(completed.getStatus()).isEqualTo("complete");
    assertThat(completed.getPaymentStatus()).isEqualTo("paid");
    assertThat(completed.getUrl()).isNull();
    PaymentIntent intent = stripe.v1().paymentIntents().retrieve(completed.getPaymentIntent());
    assertThat(intent.getId()).startsWith("pi_test_");
    assertThat(intent.getStatus()).isEqualTo("succeeded");
    assertThat(intent.getAmount()).isEqualTo(4200L);
    assertThat(intent.getAmountReceived()).isEqualTo(4200L);
    assertThat(intent.getCurrency()).isEqualTo("eur");
    assertThat(intent.getLatestCharge()).startsWith("ch_test_");

    await().atMost(Duration.ofSeconds(5)).until(() -> receiver.received().size() == 2);
    List<Event> events = receiver.received().stream().map(StripeCheckoutSandboxTest::verified).toList();
    assertThat(events).extracting(Event::getType)
        .containsExactly("payment_intent.succeeded", "checkout.session.completed");
    Session delivered = (Session) events.get(1).getDataObjectDeserializer().getObject().orElseThrow();
    assertThat(delivered.getId()).isEqualTo(session.getId());
    assertThat(delivered.getPaymentStatus()).isEqualTo("paid");
    assertThat(delivered.getPaymentIntent()).isEqualTo(intent.getId());
    assertThat(events.get(1).getLivemode()).isFalse();
    // The sandbox records a delivery once the receiver's answer is back, a moment after receipt.
    await().atMost(Duration.ofSeconds(5)).until(() -> sandbox.deliveredEvents().size() == 2);
    assertThat(sandbox.deliveredEvents()).extracting(DeliveredEvent::type)
        .containsExactly("payment_intent.succeeded", "checkout.session.completed");
  }

  @Test
  void aSignatureMadeWithAnotherSecretIsRefusedByStripesVerifier() throws Exception {
    Session session = stripe.v1().checkout().sessions().create(sessionParams(100, 1).build());
    sandbox.hostedPagePay(session.getId());
    await().atMost(Duration.ofSeconds(5)).until(() -> !receiver.received().isEmpty());
    WebhookReceiver.Received first = receiver.received().getFirst();

    assertThatThrownBy(() -> Webhook.constructEvent(first.payload(), first.signature(), "whsec_other"))
        .isInstanceOf(com.stripe.exception.SignatureVerificationException.class);
    assertThatThrownBy(() -> Webhook.constructEvent(first.payload() + " ", first.signature(), SECRET))
        .isInstanceOf(com.stripe.exception.SignatureVerificationException.class);
  }

  @Test
  void aDeclineKeepsTheSessionOpenAndLeavesAPaymentIntentAwaitingAnotherMethod() throws Exception {
    Session session = stripe.v1().checkout().sessions().create(sessionParams(900, 1).build());

    HttpResponse<String> declined = postForm(URI.create(session.getUrl()), "action=decline");

    assertThat(declined.statusCode()).isEqualTo(200);
    assertThat(declined.body()).contains("Your card was declined.", "value=\"pay\"");
    Session open = stripe.v1().checkout().sessions().retrieve(session.getId());
    assertThat(open.getStatus()).isEqualTo("open");
    assertThat(open.getPaymentStatus()).isEqualTo("unpaid");
    PaymentIntent intent = stripe.v1().paymentIntents().retrieve(open.getPaymentIntent());
    assertThat(intent.getStatus()).isEqualTo("requires_payment_method");
    assertThat(intent.getAmountReceived()).isZero();
    assertThat(intent.getLastPaymentError().getCode()).isEqualTo("card_declined");
    await().atMost(Duration.ofSeconds(5)).until(() -> receiver.received().size() == 1);
    assertThat(verified(receiver.received().getFirst()).getType()).isEqualTo("payment_intent.payment_failed");

    // A second attempt on the same session succeeds on the same PaymentIntent, as Checkout does.
    assertThat(sandbox.hostedPagePay(session.getId())).isPresent();
    assertThat(stripe.v1().paymentIntents().retrieve(intent.getId()).getStatus()).isEqualTo("succeeded");
  }

  @Test
  void cancelSendsThePayerBackAndLeavesTheSessionOpen() throws Exception {
    Session session = stripe.v1().checkout().sessions().create(sessionParams(900, 1).build());

    HttpResponse<String> cancelled = postForm(URI.create(session.getUrl()), "action=cancel");

    assertThat(cancelled.statusCode()).isEqualTo(303);
    assertThat(cancelled.headers().firstValue("Location")).hasValue("https://merchant.example/cart");
    Session open = stripe.v1().checkout().sessions().retrieve(session.getId());
    assertThat(open.getStatus()).isEqualTo("open");
    assertThat(open.getPaymentIntent()).isNull();
    assertThat(sandbox.events()).isEmpty();
  }

  @Test
  void expiringAnOpenSessionClosesItOnceAndForAll() throws Exception {
    Session session = stripe.v1().checkout().sessions().create(sessionParams(900, 1).build());

    Session expired = stripe.v1().checkout().sessions().expire(session.getId());

    assertThat(expired.getStatus()).isEqualTo("expired");
    assertThat(expired.getUrl()).isNull();
    assertThatThrownBy(() -> stripe.v1().checkout().sessions().expire(session.getId()))
        .isInstanceOfSatisfying(InvalidRequestException.class,
            e -> assertThat(e.getStatusCode()).isEqualTo(400));
    assertThatThrownBy(() -> sandbox.hostedPagePay(session.getId()))
        .isInstanceOf(IllegalStateException.class);
    HttpResponse<String> page = postForm(URI.create(session.getUrl()), "action=pay");
    assertThat(page.statusCode()).isEqualTo(409);
    assertThat(page.body()).doesNotContain("value=\"pay\"");
    await().atMost(Duration.ofSeconds(5)).until(() -> receiver.received().size() == 1);
    assertThat(verified(receiver.received().getFirst()).getType()).isEqualTo("checkout.session.expired");
  }

  @Test
  void aCompletedSessionCannotBeExpired() throws Exception {
    Session paid = SandboxFixture.paidSession(sandbox, 500);

    assertThatThrownBy(() -> stripe.v1().checkout().sessions().expire(paid.getId()))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("complete");
  }

  @Test
  void unknownObjectsAre404ResourceMissing() {
    assertThatThrownBy(() -> stripe.v1().checkout().sessions().retrieve("cs_test_nope"))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
          assertThat(e.getStatusCode()).isEqualTo(404);
          assertThat(e.getCode()).isEqualTo("resource_missing");
        });
    assertThatThrownBy(() -> stripe.v1().paymentIntents().retrieve("pi_test_nope"))
        .isInstanceOfSatisfying(InvalidRequestException.class,
            e -> assertThat(e.getStatusCode()).isEqualTo(404));
    assertThat(get(sandbox.baseUrl().resolve("/c/pay/cs_test_nope")).statusCode()).isEqualTo(404);
  }

  private static Event verified(WebhookReceiver.Received received) {
    try {
      return Webhook.constructEvent(received.payload(), received.signature(), SECRET);
    } catch (com.stripe.exception.SignatureVerificationException e) {
      throw new AssertionError("the sandbox's signature did not verify", e);
    }
  }
}
