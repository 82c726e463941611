package io.tender.local;

import static io.tender.core.ledger.LedgerAccount.MERCHANT_PENDING;
import static io.tender.core.ledger.LedgerAccount.PROVIDER_CLEARING;
import static io.tender.local.StripeGatewayHarness.JSON;
import static io.tender.local.StripeGatewayHarness.bytes;
import static io.tender.local.StripeGatewayHarness.checkoutEvent;
import static io.tender.local.StripeGatewayHarness.eventId;
import static io.tender.local.StripeGatewayHarness.signature;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tender.local.StripeGatewayHarness.Merchant;
import io.tender.local.StripeGatewayHarness.Session;
import io.tender.local.sandbox.stripe.DeliveredEvent;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Stripe's webhook ingress ({@code POST /api/webhooks/stripe}) against what Stripe documents and
 * what an attacker tries, on the real engines over HTTP. A refused webhook answers 400 and leaves
 * nothing behind: no {@code EVT#stripe#{id}} item, and nothing on the settlement queue (the
 * settlement consumer logs every hint it settles by event id, and a valid control event sent after
 * it is settled first). An accepted one is recorded once, queued, and settled against Stripe's
 * own answer, never the body's.
 */
class StripeWebhookFaultMatrixTest {
  private static final String REFUSED = "Webhook signature verification failed";

  private static StripeGatewayHarness harness;
  private static Merchant merchant;
  /** An open, unpaid session the crafted events are about. */
  private static Session open;

  @BeforeAll
  static void start() throws Exception {
    harness = StripeGatewayHarness.start();
    merchant = harness.merchant("Matrix Shop");
    open = harness.createSession(merchant, 1900);
    // A first call builds the ingress function's instance, so the timing cases measure verification only.
    assertThat(harness.postWebhook("{}".getBytes(StandardCharsets.UTF_8), null).statusCode()).isEqualTo(400);
  }

  @AfterAll
  static void stop() {
    harness.close();
  }

  @Test
  void anExactDuplicateFiveTimesIsRecordedOnceAndMovesTheMoneyOnce() throws Exception {
    Merchant payer = harness.merchant("Matrix Duplicate Shop");
    Session paid = harness.createSession(payer, 700);
    assertThat(harness.press(paid, "pay").statusCode()).isEqualTo(303);
    DeliveredEvent completed = harness.awaitDelivered(paid, "checkout.session.completed");
    harness.awaitSettled(completed.eventId(), 1);
    AttributeValue firstReceived = harness.recordedEvent(completed.eventId()).orElseThrow().get("receivedAt");

    for (int copy = 0; copy < 5; copy++) {
      HttpResponse<String> answer = harness.postWebhook(completed.payload().getBytes(StandardCharsets.UTF_8),
          completed.signatureHeader());
      assertThat(answer.statusCode()).isEqualTo(200);
      assertThat(JSON.readTree(answer.body()).path("received").asBoolean()).isTrue();
    }

    assertThat(harness.awaitSettled(completed.eventId(), 6)).extracting(line -> line.path("outcome").asText())
        .filteredOn("Applied"::equals).hasSizeLessThanOrEqualTo(1);
    assertThat(harness.settlementsApplyingTo(paid)).as("the capture is applied once, by whichever event came first")
        .hasSize(1);
    assertThat(harness.recordedEvent(completed.eventId()).orElseThrow().get("receivedAt")).isEqualTo(firstReceived);
    assertThat(harness.status(paid)).isEqualTo("completed");
    assertThat(harness.ledgerTransactions(payer)).containsExactly("capture:" + paid.paymentId());
    assertThat(harness.balance(payer, MERCHANT_PENDING)).isEqualTo(700);
    harness.assertLedgerBalanced(payer);
  }

  /** Stripe signs each retry anew: same event, new timestamp and signature, still one event. */
  @Test
  void aDuplicateReSignedWithANewTimestampIsStillOneEvent() throws Exception {
    Merchant payer = harness.merchant("Matrix Resigned Shop");
    Session paid = harness.createSession(payer, 800);
    assertThat(harness.press(paid, "pay").statusCode()).isEqualTo(303);
    DeliveredEvent completed = harness.awaitDelivered(paid, "checkout.session.completed");
    harness.awaitSettled(completed.eventId(), 1);
    AttributeValue firstReceived = harness.recordedEvent(completed.eventId()).orElseThrow().get("receivedAt");
    long signedAt = Long.parseLong(completed.signatureHeader().replaceAll("^t=(\\d+),.*$", "$1"));
    byte[] body = completed.payload().getBytes(StandardCharsets.UTF_8);
    String resigned = signature(body, Math.max(Instant.now().getEpochSecond(), signedAt + 1),
        harness.sandboxes.stripeWebhookSecret());
    assertThat(resigned).isNotEqualTo(completed.signatureHeader());

    assertThat(harness.postWebhook(body, resigned).statusCode()).isEqualTo(200);

    assertThat(harness.awaitSettled(completed.eventId(), 2).getLast().path("outcome").asText()).isEqualTo("Ignored");
    assertThat(harness.recordedEvent(completed.eventId()).orElseThrow().get("receivedAt")).isEqualTo(firstReceived);
    assertThat(harness.ledgerTransactions(payer)).containsExactly("capture:" + paid.paymentId());
    assertThat(harness.balance(payer, PROVIDER_CLEARING)).isEqualTo(800);
  }

  @Test
  void aTimestamp301SecondsOldIsRefused() throws Exception {
    String id = eventId("old_301");
    byte[] body = claimPaid(id);
    long now = startOfASecond();

    assertRefused(harness.postWebhook(body, signature(body, now - 301, secret())), id, body, "TIMESTAMP_OUT_OF_TOLERANCE");
  }

  @Test
  void aTimestamp301SecondsInTheFutureIsRefused() throws Exception {
    String id = eventId("future_301");
    byte[] body = claimPaid(id);
    long now = startOfASecond();

    assertRefused(harness.postWebhook(body, signature(body, now + 301, secret())), id, body, "TIMESTAMP_OUT_OF_TOLERANCE");
  }

  @Test
  void aTimestamp299SecondsOldIsAccepted() throws Exception {
    String id = eventId("old_299");
    byte[] body = claimPaid(id);
    long now = startOfASecond();

    assertAccepted(harness.postWebhook(body, signature(body, now - 299, secret())), id);
  }

  @Test
  void aTimestamp299SecondsInTheFutureIsAccepted() throws Exception {
    String id = eventId("future_299");
    byte[] body = claimPaid(id);
    long now = startOfASecond();

    assertAccepted(harness.postWebhook(body, signature(body, now + 299, secret())), id);
  }

  /** While a rolled secret overlaps Stripe sends one v1 per secret; one that matches is enough, in either place. */
  @Test
  void duringRotationOneValidV1AmongTwoIsEnough() throws Exception {
    String retired = "whsec_" + "0".repeat(48);
    String first = eventId("rotation_valid_first");
    byte[] firstBody = claimPaid(first);
    String second = eventId("rotation_valid_second");
    byte[] secondBody = claimPaid(second);
    long now = Instant.now().getEpochSecond();

    assertAccepted(harness.postWebhook(firstBody, signature(firstBody, now, secret(), retired)), first);
    assertAccepted(harness.postWebhook(secondBody, signature(secondBody, now, retired, secret())), second);
  }

  @Test
  void oneTamperedByteIsRefused() throws Exception {
    String id = eventId("tampered");
    byte[] signed = claimPaid(id);
    String header = harness.signedNow(signed);
    String text = new String(signed, StandardCharsets.UTF_8);
    byte[] tampered = text.replace("\"amount_total\":1900", "\"amount_total\":9900").getBytes(StandardCharsets.UTF_8);
    assertThat(tampered).hasSameSizeAs(signed).isNotEqualTo(signed);

    assertRefused(harness.postWebhook(tampered, header), id, tampered, "SIGNATURE_MISMATCH");
  }

  @Test
  void aWrongSecretIsRefused() throws Exception {
    String id = eventId("wrong_secret");
    byte[] body = claimPaid(id);

    assertRefused(harness.postWebhook(body, signature(body, Instant.now().getEpochSecond(),
        "whsec_" + "f".repeat(48))), id, body, "SIGNATURE_MISMATCH");
  }

  @Test
  void aMissingHeaderIsRefused() throws Exception {
    String id = eventId("unsigned");
    byte[] body = claimPaid(id);

    assertRefused(harness.postWebhook(body, null), id, body, "MISSING_HEADER");
  }

  /** Refused before it is read as JSON or verified, in the route's shape, and nothing kept. */
  @Test
  void aBodyOver1MbIsRefusedCleanlyAndRecordsNothing() throws Exception {
    String id = eventId("over_1mb");
    byte[] body = padded(claimPaidEvent(id), 1024 * 1024 + 1);
    int rejectionsBefore = harness.logs.rejections();

    HttpResponse<String> answer = harness.postWebhook(body, harness.signedNow(body));

    assertThat(answer.statusCode()).isEqualTo(413);
    assertThat(answer.headers().firstValue("content-type")).hasValueSatisfying(type -> assertThat(type).contains("json"));
    assertThat(JSON.readTree(answer.body()).path("error").asText()).contains("larger than");
    assertThat(harness.logs.rejections()).as("refused for its size, before verification").isEqualTo(rejectionsBefore);
    assertNothingRecorded(id, body);
  }

  /**
   * Under the 1 MB limit but over what one DynamoDB item holds (400 KB): still recorded once and
   * settled, never a 5xx that Stripe would retry for three days.
   */
  @Test
  void aSignedBodyLargerThanOneTableItemIsRecordedAndSettled() throws Exception {
    String id = eventId("large_600kb");
    byte[] body = padded(claimPaidEvent(id), 600 * 1024);

    HttpResponse<String> answer = harness.postWebhook(body, harness.signedNow(body));

    assertAccepted(answer, id);
    assertThat(harness.postWebhook(body, harness.signedNow(body)).statusCode()).as("a redelivery").isEqualTo(200);
    harness.awaitSettled(id, 2);
  }

  /** Signed by Stripe yet unreadable: kept for a person under its hash, acknowledged, never queued. */
  @Test
  void malformedJsonUnderAValidSignatureIsRecordedAcknowledgedAndParked() throws Exception {
    String id = eventId("malformed");
    byte[] body = ("{\"id\":\"" + id + "\",\"type\":\"checkout.session.completed\",\"data\":{\"object\":{\"id\":\""
        + open.stripeId() + "\"").getBytes(StandardCharsets.UTF_8);
    String parked = parkedId(body);

    HttpResponse<String> first = harness.postWebhook(body, harness.signedNow(body));
    HttpResponse<String> again = harness.postWebhook(body, harness.signedNow(body));

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(again.statusCode()).as("a redelivery is acknowledged too, so Stripe stops").isEqualTo(200);
    Map<String, AttributeValue> item = harness.recordedEvent(parked).orElseThrow();
    assertThat(item.get("body").b().asByteArray()).isEqualTo(body);
    assertThat(harness.recordedEvent(id)).isEmpty();
    assertNeverSettled(id);
  }

  /** API Gateway hands a non-text body over base64-encoded; the signature is over the bytes Stripe sent. */
  @Test
  void aBase64EncodedBodyVerifiesOnItsDecodedBytes() throws Exception {
    String id = eventId("base64");
    ObjectNode event = claimPaidEvent(id);
    ((ObjectNode) event.path("data").path("object")).put("customer_email", "zoë@café.test");
    byte[] body = bytes(event);
    assertThat(body.length).as("multi-byte UTF-8 in the body").isGreaterThan(event.toString().length());

    assertAccepted(harness.postWebhook(body, harness.signedNow(body), "application/octet-stream"), id);
    assertThat(harness.recordedEvent(id).orElseThrow().get("body").b().asByteArray()).isEqualTo(body);
  }

  /** The body says paid; Stripe's GET says open and unpaid. The GET wins: no money, still pending. */
  @Test
  void aBodyClaimingPaidForAnUnpaidSessionMovesNoMoney() throws Exception {
    String id = eventId("claims_paid");
    byte[] body = claimPaid(id);

    assertAccepted(harness.postWebhook(body, harness.signedNow(body)), id);

    assertThat(harness.status(open)).isEqualTo("pending");
    assertThat(harness.ledgerTransactions(merchant)).isEmpty();
  }

  /** The body says expired; Stripe's GET says paid. The GET wins: captured once. */
  @Test
  void aBodyClaimingExpiredForAPaidSessionSettlesItAsPaid() throws Exception {
    Merchant payer = harness.merchant("Matrix Disagree Shop");
    Session paid = harness.createSession(payer, 1234);
    String id = eventId("claims_expired");
    harness.sandboxes.stripe().holdEvents();
    try {
      assertThat(harness.press(paid, "pay").statusCode()).isEqualTo(303);
      byte[] body = bytes(checkoutEvent(id, "checkout.session.expired", paid, "expired", "unpaid", Instant.now()));

      assertAccepted(harness.postWebhook(body, harness.signedNow(body)), id);

      assertThat(harness.logs.settlementsOf(id).getFirst().path("outcome").asText()).isEqualTo("Applied");
      assertThat(harness.status(paid)).isEqualTo("completed");
    } finally {
      harness.sandboxes.stripe().releaseHeldEventsReversed();
    }
    harness.awaitSettled(harness.awaitDelivered(paid, "checkout.session.completed").eventId(), 1);
    assertThat(harness.ledgerTransactions(payer)).containsExactly("capture:" + paid.paymentId());
    assertThat(harness.balance(payer, PROVIDER_CLEARING)).isEqualTo(1234);
    harness.assertLedgerBalanced(payer);
  }

  // --- the cases' shared checks ---

  private static String secret() {
    return harness.sandboxes.stripeWebhookSecret();
  }

  /** Where the ingress parks a signed body it cannot read. */
  private static String parkedId(byte[] body) throws Exception {
    return "unreadable-" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
  }

  /** A checkout.session.completed claiming the open session was paid. */
  private static ObjectNode claimPaidEvent(String id) {
    return checkoutEvent(id, "checkout.session.completed", open, "complete", "paid", Instant.now());
  }

  private static byte[] claimPaid(String id) throws Exception {
    return bytes(claimPaidEvent(id));
  }

  /** The event with a filler field that brings its JSON to exactly {@code size} bytes. */
  private static byte[] padded(ObjectNode event, int size) throws Exception {
    event.put("filler", "");
    int missing = size - bytes(event).length;
    event.put("filler", "x".repeat(missing));
    byte[] body = bytes(event);
    assertThat(body).hasSize(size);
    return body;
  }

  /**
   * The current epoch second, returned just after it began, so that a timestamp at a distance of
   * 299 or 301 s is still at that distance when the gateway checks it.
   */
  private static long startOfASecond() throws InterruptedException {
    long millis = System.currentTimeMillis() % 1000;
    if (millis > 100) {
      Thread.sleep(1000 - millis + 5);
    }
    return Instant.now().getEpochSecond();
  }

  private static void assertAccepted(HttpResponse<String> answer, String id) throws Exception {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    assertThat(harness.recordedEvent(id)).isPresent();
    harness.awaitSettled(id, 1);
  }

  private static void assertRefused(HttpResponse<String> answer, String id, byte[] body, String reason)
      throws Exception {
    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(answer.body()).path("error").asText()).isEqualTo(REFUSED);
    assertThat(harness.logs.lastRejection()).isEqualTo(reason);
    assertNothingRecorded(id, body);
  }

  /** No provider event item, not even a parked one for {@code body}, and nothing settled. */
  private static void assertNothingRecorded(String id, byte[] body) throws Exception {
    assertThat(harness.recordedEvent(id)).isEmpty();
    assertThat(harness.recordedEvent(parkedId(body))).isEmpty();
    assertNeverSettled(id);
  }

  /**
   * Nothing about {@code id} reached the settlement queue: a valid control event sent now is
   * settled, and by then nothing was settled for {@code id}.
   */
  private static void assertNeverSettled(String id) throws Exception {
    String control = eventId("control");
    byte[] body = claimPaid(control);
    assertThat(harness.postWebhook(body, harness.signedNow(body)).statusCode()).isEqualTo(200);
    harness.awaitSettled(control, 1);
    Thread.sleep(300);
    assertThat(harness.logs.settlementsOf(id)).isEmpty();
  }
}
