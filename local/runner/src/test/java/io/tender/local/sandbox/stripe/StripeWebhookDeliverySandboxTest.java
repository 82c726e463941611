package io.tender.local.sandbox.stripe;

import static io.tender.local.sandbox.stripe.SandboxFixture.client;
import static io.tender.local.sandbox.stripe.SandboxFixture.sessionParams;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.stripe.model.Event;
import com.stripe.model.checkout.Session;
import com.stripe.net.Webhook;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Retries, duplicates and reordering: what a receiver must survive from Stripe. */
class StripeWebhookDeliverySandboxTest {
  private static final String SECRET = "whsec_delivery_test_secret";

  private StripeSandbox sandbox;
  private WebhookReceiver receiver;

  @BeforeEach
  void start() {
    sandbox = StripeSandbox.start(Clock.systemUTC());
    receiver = new WebhookReceiver();
    sandbox.addWebhookEndpoint(receiver.url(), SECRET);
  }

  @AfterEach
  void stop() {
    sandbox.close();
    receiver.close();
  }

  @Test
  void aFailedDeliveryIsRetriedWithAFreshSignature() throws Exception {
    receiver.failNext(2);
    Session session = client(sandbox).v1().checkout().sessions().create(sessionParams(100, 1).build());

    client(sandbox).v1().checkout().sessions().expire(session.getId());

    // The sandbox records a delivery once the receiver's answer is back, a moment after receipt.
    await().atMost(Duration.ofSeconds(5))
        .until(() -> receiver.received().size() == 1 && sandbox.deliveredEvents().size() == 1);
    assertThat(sandbox.deliveredEvents()).singleElement()
        .satisfies(delivered -> assertThat(delivered.attempt()).isEqualTo(3));
    WebhookReceiver.Received received = receiver.received().getFirst();
    assertThat(Webhook.constructEvent(received.payload(), received.signature(), SECRET).getType())
        .isEqualTo("checkout.session.expired");
  }

  @Test
  void duplicatesCarryTheSameEventId() throws Exception {
    sandbox.duplicateDeliveries(true);
    Session session = client(sandbox).v1().checkout().sessions().create(sessionParams(100, 1).build());

    client(sandbox).v1().checkout().sessions().expire(session.getId());

    await().atMost(Duration.ofSeconds(5)).until(() -> receiver.received().size() == 2);
    List<String> ids = receiver.received().stream().map(this::verify).map(Event::getId).toList();
    assertThat(ids).hasSize(2);
    assertThat(ids.get(1)).isEqualTo(ids.get(0));
  }

  @Test
  void heldEventsArriveNewestFirst() throws Exception {
    sandbox.holdEvents();
    Session session = client(sandbox).v1().checkout().sessions().create(sessionParams(100, 1).build());
    sandbox.hostedPagePay(session.getId());
    Thread.sleep(300);
    assertThat(receiver.received()).isEmpty();

    sandbox.releaseHeldEventsReversed();

    await().atMost(Duration.ofSeconds(5)).until(() -> receiver.received().size() == 2);
    assertThat(receiver.received().stream().map(this::verify).map(Event::getType).toList())
        .containsExactly("checkout.session.completed", "payment_intent.succeeded");
  }

  @Test
  void anEndpointSecretMustBeAStripeSecret() {
    assertThatThrownBy(() -> sandbox.addWebhookEndpoint(receiver.url(), "not-a-secret"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private Event verify(WebhookReceiver.Received received) {
    try {
      return Webhook.constructEvent(received.payload(), received.signature(), SECRET);
    } catch (com.stripe.exception.SignatureVerificationException e) {
      throw new AssertionError(e);
    }
  }
}
