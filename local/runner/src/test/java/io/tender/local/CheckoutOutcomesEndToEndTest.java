package io.tender.local;

import static io.tender.core.ledger.LedgerAccount.MERCHANT_PENDING;
import static io.tender.core.ledger.LedgerAccount.PROVIDER_CLEARING;
import static io.tender.local.StripeGatewayHarness.bytes;
import static io.tender.local.StripeGatewayHarness.checkoutEvent;
import static io.tender.local.StripeGatewayHarness.eventId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tender.local.StripeGatewayHarness.Merchant;
import io.tender.local.StripeGatewayHarness.Session;
import io.tender.local.sandbox.stripe.DeliveredEvent;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * How a checkout ends, over HTTP through the local runner: the payer on the Stripe sandbox's
 * hosted page, Stripe's signed webhooks, the settlement queue, the expiry schedule, and the
 * merchant's GET. After each: the payment's state, what Stripe holds, and a balanced ledger that
 * moved the money once or not at all.
 *
 * <p>On Stripe Checkout a declined card and the page's back link end nothing: the session stays
 * open for another try until it expires (see {@code StripeStatusMapper}). So a decline or a
 * cancel reads {@code pending} with nothing in the ledger, and the session ends paid or expired.
 */
class CheckoutOutcomesEndToEndTest {
  private static StripeGatewayHarness harness;

  @BeforeAll
  static void start() {
    harness = StripeGatewayHarness.start();
  }

  @AfterAll
  static void stop() {
    harness.close();
  }

  @Test
  void aDeclinedCardLeavesTheSessionOpenForAnotherTryAndMovesNoMoney() throws Exception {
    Merchant merchant = harness.merchant("Decline Shop");
    Session session = harness.createSession(merchant, 1500);

    HttpResponse<String> page = harness.openHostedPage(session);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("15.00 USD", "value=\"pay\"", "value=\"decline\"", "value=\"cancel\"");
    HttpResponse<String> declined = harness.press(session, "decline");
    assertThat(declined.statusCode()).isEqualTo(200);
    assertThat(declined.body()).contains("Your card was declined.");

    DeliveredEvent failed = harness.awaitDelivered(session, "payment_intent.payment_failed");
    assertThat(harness.recordedEvent(failed.eventId())).isPresent();
    harness.awaitSettled(failed.eventId(), 1);
    assertThat(harness.status(session)).isEqualTo("pending");
    assertThat(harness.stripeSession(session).path("status").asText()).isEqualTo("open");
    assertThat(harness.ledgerTransactions(merchant)).isEmpty();

    HttpResponse<String> paid = harness.press(session, "pay");
    assertThat(paid.statusCode()).isEqualTo(303);
    assertThat(paid.headers().firstValue("location")).hasValue("https://shop.test/success");
    harness.awaitStatus(session, "completed");
    assertThat(harness.ledgerTransactions(merchant)).containsExactly("capture:" + session.paymentId());
    assertThat(harness.balance(merchant, PROVIDER_CLEARING)).isEqualTo(1500);
    assertThat(harness.balance(merchant, MERCHANT_PENDING)).isEqualTo(1500);
    harness.assertLedgerBalanced(merchant);
  }

  /**
   * Cancel sends the payer to the cancel URL and Stripe tells nobody; the session expires when its
   * time is up, here and at Stripe, and cannot be paid afterwards.
   */
  @Test
  void aCancelledSessionExpiresHereAndAtStripeAndCannotBePaidAfterwards() throws Exception {
    Merchant merchant = harness.merchant("Cancel Shop");
    Session session = harness.createSession(merchant, 2500);

    HttpResponse<String> cancelled = harness.press(session, "cancel");
    assertThat(cancelled.statusCode()).isEqualTo(303);
    assertThat(cancelled.headers().firstValue("location")).hasValue("https://shop.test/cancel");
    assertThat(harness.sandboxes.stripe().events()).as("Stripe sends no event for a cancel")
        .noneMatch(event -> event.toString().contains(session.paymentId()));
    assertThat(harness.status(session)).isEqualTo("pending");

    harness.expiryPassed(session);
    harness.sweep();

    assertThat(harness.status(session)).isEqualTo("expired");
    long version = harness.payment(session).version();
    JsonNode atStripe = harness.stripeSession(session);
    assertThat(atStripe.path("status").asText()).isEqualTo("expired");
    assertThat(atStripe.path("url").isNull()).isTrue();
    DeliveredEvent expired = harness.awaitDelivered(session, "checkout.session.expired");
    assertThat(harness.awaitSettled(expired.eventId(), 1).getFirst().path("outcome").asText()).isEqualTo("Ignored");

    HttpResponse<String> page = harness.openHostedPage(session);
    assertThat(page.body()).contains("This checkout session is expired.").doesNotContain("value=\"pay\"");
    HttpResponse<String> lateTry = harness.press(session, "pay");
    assertThat(lateTry.statusCode()).isEqualTo(409);
    assertThat(lateTry.body()).contains("can no longer be paid");

    assertThat(harness.status(session)).isEqualTo("expired");
    assertThat(harness.read(session).path("remaining_seconds").asLong()).isZero();
    assertThat(harness.payment(session).version()).as("expired once").isEqualTo(version);
    assertThat(harness.ledgerTransactions(merchant)).isEmpty();
    assertThat(harness.balance(merchant, PROVIDER_CLEARING)).isZero();
  }

  /** A decline nobody follows up ends expired, not failed; Stripe cancels the attempt's PaymentIntent. */
  @Test
  void aDeclinedSessionNobodyRetriesExpiresAndItsPaymentIntentIsCancelled() throws Exception {
    Merchant merchant = harness.merchant("Abandon Shop");
    Session session = harness.createSession(merchant, 2600);
    assertThat(harness.press(session, "decline").statusCode()).isEqualTo(200);
    harness.awaitSettled(harness.awaitDelivered(session, "payment_intent.payment_failed").eventId(), 1);

    harness.expiryPassed(session);
    harness.sweep();

    assertThat(harness.status(session)).isEqualTo("expired");
    DeliveredEvent cancelledIntent = harness.awaitDelivered(session, "payment_intent.canceled");
    assertThat(cancelledIntent.payload()).contains("\"cancellation_reason\":\"abandoned\"");
    harness.awaitSettled(cancelledIntent.eventId(), 1);
    harness.awaitSettled(harness.awaitDelivered(session, "checkout.session.expired").eventId(), 1);
    assertThat(harness.status(session)).isEqualTo("expired");
    assertThat(harness.ledgerTransactions(merchant)).isEmpty();
  }

  /** The payer pays while the sweeper runs, before Stripe's webhook arrives: the payment wins, once. */
  @Test
  void aPaymentMadeAsTheSweeperRunsWinsAndIsCountedOnce() throws Exception {
    Merchant merchant = harness.merchant("Race Shop");
    Session session = harness.createSession(merchant, 3100);

    harness.sandboxes.stripe().holdEvents();
    try {
      assertThat(harness.press(session, "pay").statusCode()).isEqualTo(303);
      harness.expiryPassed(session);
      harness.sweep();

      assertThat(harness.status(session)).as("settled by the sweeper from Stripe's answer").isEqualTo("completed");
    } finally {
      harness.sandboxes.stripe().releaseHeldEventsReversed();
    }
    long version = harness.payment(session).version();
    DeliveredEvent completed = harness.awaitDelivered(session, "checkout.session.completed");
    assertThat(harness.awaitSettled(completed.eventId(), 1).getFirst().path("outcome").asText()).isEqualTo("Ignored");

    assertThat(harness.stripeSession(session).path("status").asText()).isEqualTo("complete");
    assertThat(harness.payment(session).version()).isEqualTo(version);
    assertThat(harness.ledgerTransactions(merchant)).containsExactly("capture:" + session.paymentId());
    assertThat(harness.balance(merchant, MERCHANT_PENDING)).isEqualTo(3100);
    harness.assertLedgerBalanced(merchant);
  }

  /**
   * Stripe retries for three days and signs each attempt when it sends it: a completed event 36 h
   * or 3 days old, arriving after the session expired, is recorded and settled against Stripe's
   * answer (expired), which changes nothing.
   */
  @Test
  void aCompletedEventArrivingLateAfterExpiryChangesNothing() throws Exception {
    Merchant merchant = harness.merchant("Late Shop");
    Session session = harness.createSession(merchant, 4200);
    harness.expiryPassed(session);
    harness.sweep();
    assertThat(harness.status(session)).isEqualTo("expired");
    long version = harness.payment(session).version();

    for (Duration late : List.of(Duration.ofHours(36), Duration.ofDays(3))) {
      String id = eventId("late_completed");
      byte[] body = bytes(checkoutEvent(id, "checkout.session.completed", session, "complete", "paid",
          Instant.now().minus(late)));

      HttpResponse<String> answer = harness.postWebhook(body, harness.signedNow(body));

      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
      assertThat(harness.recordedEvent(id)).isPresent();
      assertThat(harness.awaitSettled(id, 1).getFirst().path("outcome").asText()).isEqualTo("Ignored");
    }
    assertThat(harness.status(session)).isEqualTo("expired");
    assertThat(harness.payment(session).version()).isEqualTo(version);
    assertThat(harness.ledgerTransactions(merchant)).isEmpty();
  }

  /**
   * Stripe does not keep order: the completed event comes first, then the PaymentIntent's success,
   * then the earlier decline, then a stale snapshot of the session from before it was paid. One
   * capture, and no step back.
   */
  @Test
  void eventsArrivingNewestFirstMoveThePaymentOnceAndNeverBack() throws Exception {
    Merchant merchant = harness.merchant("Order Shop");
    Session session = harness.createSession(merchant, 5300);

    harness.sandboxes.stripe().holdEvents();
    try {
      assertThat(harness.press(session, "decline").statusCode()).isEqualTo(200);
      assertThat(harness.press(session, "pay").statusCode()).isEqualTo(303);
    } finally {
      harness.sandboxes.stripe().releaseHeldEventsReversed();
    }
    String completed = harness.awaitDelivered(session, "checkout.session.completed").eventId();
    String succeeded = harness.awaitDelivered(session, "payment_intent.succeeded").eventId();
    String failed = harness.awaitDelivered(session, "payment_intent.payment_failed").eventId();
    assertThat(harness.sandboxes.stripe().deliveredEvents().stream().map(DeliveredEvent::eventId)
        .filter(List.of(completed, succeeded, failed)::contains))
        .as("delivered newest first").containsExactly(completed, succeeded, failed);
    for (String id : List.of(completed, succeeded, failed)) {
      harness.awaitSettled(id, 1);
    }
    assertThat(harness.status(session)).isEqualTo("completed");
    long version = harness.payment(session).version();

    String stale = eventId("stale_expired");
    byte[] body = bytes(checkoutEvent(stale, "checkout.session.expired", session, "expired", "unpaid",
        Instant.now().minusSeconds(600)));
    assertThat(harness.postWebhook(body, harness.signedNow(body)).statusCode()).isEqualTo(200);
    assertThat(harness.awaitSettled(stale, 1).getFirst().path("outcome").asText()).isEqualTo("Ignored");

    assertThat(harness.status(session)).isEqualTo("completed");
    assertThat(harness.payment(session).version()).isEqualTo(version);
    assertThat(harness.ledgerTransactions(merchant)).containsExactly("capture:" + session.paymentId());
    assertThat(harness.balance(merchant, PROVIDER_CLEARING)).isEqualTo(5300);
    harness.assertLedgerBalanced(merchant);
  }

  /** Stripe's delivery of the completed event, and five exact copies of it: recorded once, money once. */
  @Test
  void aWebhookDeliveredFiveMoreTimesMovesTheMoneyOnce() throws Exception {
    Merchant merchant = harness.merchant("Duplicate Five Shop");
    Session session = harness.createSession(merchant, 6400);
    assertThat(harness.press(session, "pay").statusCode()).isEqualTo(303);
    DeliveredEvent completed = harness.awaitDelivered(session, "checkout.session.completed");
    harness.awaitSettled(completed.eventId(), 1);
    harness.awaitStatus(session, "completed");
    long version = harness.payment(session).version();
    Map<String, AttributeValue> recorded = harness.recordedEvent(completed.eventId()).orElseThrow();

    for (int copy = 0; copy < 5; copy++) {
      HttpResponse<String> answer = harness.postWebhook(
          completed.payload().getBytes(java.nio.charset.StandardCharsets.UTF_8), completed.signatureHeader());
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    }

    List<JsonNode> settled = harness.awaitSettled(completed.eventId(), 6);
    assertThat(settled).extracting(line -> line.path("outcome").asText()).isSubsetOf("Applied", "Ignored")
        .filteredOn("Applied"::equals).hasSizeLessThanOrEqualTo(1);
    assertThat(harness.settlementsApplyingTo(session)).as("the capture is applied once, by whichever event came first")
        .hasSize(1);
    assertThat(harness.recordedEvent(completed.eventId()).orElseThrow().get("receivedAt"))
        .as("recorded by the first delivery only").isEqualTo(recorded.get("receivedAt"));
    assertThat(harness.payment(session).version()).isEqualTo(version);
    assertThat(harness.ledgerTransactions(merchant)).containsExactly("capture:" + session.paymentId());
    assertThat(harness.balance(merchant, PROVIDER_CLEARING)).isEqualTo(6400);
    assertThat(harness.balance(merchant, MERCHANT_PENDING)).isEqualTo(6400);
    harness.assertLedgerBalanced(merchant);
  }
}
