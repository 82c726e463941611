package io.tender.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tender.adapter.dynamo.DuePaymentPolls;
import io.tender.adapter.dynamo.DynamoLedger;
import io.tender.adapter.dynamo.DynamoPaymentRepository;
import io.tender.core.apikey.ApiKeySecrets;
import io.tender.core.checkout.CheckoutSessions;
import io.tender.core.ledger.LedgerAccount;
import io.tender.core.ledger.LedgerBook;
import io.tender.core.payment.Payment;
import io.tender.core.payment.PaymentState;
import io.tender.core.payment.PollSchedule;
import io.tender.core.payment.Refund;
import io.tender.core.tenant.Mode;
import io.tender.local.function.Invocation;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import io.tender.local.sandbox.stripe.DeliveredEvent;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The reconciliation poller over the local runner: the Stripe sandbox's failure switches make a
 * create or a refund go unanswered, or hold its webhooks back; the runner's clock (which the
 * functions and the sandbox share) is moved past the first poll and the schedule is fired through
 * {@code POST /_local/schedules/ReconcilePaymentsFunction}. Refund webhooks settle through the
 * REFUND hint on their own.
 */
class ReconciliationEndToEndTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String SESSION = "{\"amount\":%d,\"currency\":\"USD\",\"reference\":\"order-recon\","
      + "\"methodTypes\":[\"card\"],\"successUrl\":\"https://shop.test/ok\",\"cancelUrl\":\"https://shop.test/no\"}";
  /** Past the first poll: what was created or reserved before it is due. */
  private static final Duration PAST_FIRST_POLL = PollSchedule.BACKOFF.get(0).plusMinutes(1);
  /** Past a checkout's first poll: its session's end. */
  private static final Duration PAST_SESSION_END = CheckoutSessions.SESSION_LENGTH.plusMinutes(1);

  private static final ShiftedClock CLOCK = new ShiftedClock();
  private static ProviderSandboxes sandboxes;
  private static LocalGateway gateway;
  private static DynamoPaymentRepository payments;

  @BeforeAll
  static void start() {
    sandboxes = ProviderSandboxes.start(CLOCK);
    gateway = LocalGateway.start(sandboxes.wire(LocalGatewayOptions.defaults(Path.of("../../template.yaml"))
        .withPort(0).withClock(CLOCK)));
    sandboxes.connect(gateway);
    payments = new DynamoPaymentRepository(gateway.dynamoDb(), table());
  }

  @AfterAll
  static void stop() {
    gateway.close();
    sandboxes.close();
  }

  @Test
  void aCheckoutWhoseCreateTimedOutIsFoundAtStripeByTheSchedule() throws Exception {
    String key = bootstrap("Timeout Shop", "owner@timeout-recon.test");
    quiet();
    sandboxes.stripe().failures().delayNextCall(Duration.ofSeconds(9));

    HttpResponse<String> created = post("/api/v1/checkout/sessions", SESSION.formatted(2500), key);

    assertThat(created.statusCode()).as(created.body()).isEqualTo(503);
    String paymentId = onlyPollDueFor(tenantOf(key));
    assertThat(fireSchedule()).as("not due yet").isEqualTo(200);
    assertThat(payment(key, paymentId).provider()).isEmpty();

    CLOCK.shift(PAST_FIRST_POLL);
    assertThat(fireSchedule()).isEqualTo(200);

    Payment found = payment(key, paymentId);
    assertThat(found.provider()).as("the repeated create found Stripe's session").isPresent();
    assertThat(found.state()).isEqualTo(PaymentState.PENDING);
    JsonNode session = JSON.readTree(get("/api/v1/checkout/sessions/" + found.checkoutSessionId().orElseThrow(), key)
        .body());
    assertThat(session.path("status").asText()).isEqualTo("pending");
    String redirect = session.path("redirect_url").asText();
    assertThat(redirect).startsWith(sandboxes.stripe().baseUrl().toString());

    sandboxes.stripe().hostedPagePay(URI.create(redirect).getPath().replaceAll(".*/", ""));
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
        assertThat(payment(key, paymentId).state()).isEqualTo(PaymentState.CAPTURED));
    assertThat(balance(key, LedgerAccount.PROVIDER_CLEARING)).isEqualTo(2500);
  }

  @Test
  void aPaymentWhoseWebhooksNeverCameIsSettledByTheSchedule() throws Exception {
    String key = bootstrap("Silent Shop", "owner@silent-recon.test");
    quiet();
    JsonNode session = JSON.readTree(post("/api/v1/checkout/sessions", SESSION.formatted(1800), key).body());
    String paymentId = session.path("payment_id").asText();
    sandboxes.stripe().holdEvents();
    try {
      sandboxes.stripe().hostedPagePay(URI.create(session.path("redirect_url").asText()).getPath()
          .replaceAll(".*/", ""));
      Thread.sleep(1_000);
      assertThat(payment(key, paymentId).state()).as("nobody told us").isEqualTo(PaymentState.CREATED);
      CLOCK.shift(PAST_FIRST_POLL);
      assertThat(fireSchedule()).isEqualTo(200);
      assertThat(payment(key, paymentId).state()).as("not polled before its session ends")
          .isEqualTo(PaymentState.CREATED);

      CLOCK.shift(PAST_SESSION_END.minus(PAST_FIRST_POLL));
      assertThat(fireSchedule()).isEqualTo(200);

      assertThat(payment(key, paymentId).state()).isEqualTo(PaymentState.CAPTURED);
      assertThat(payment(key, paymentId).poll()).isEmpty();
      assertThat(balance(key, LedgerAccount.PROVIDER_CLEARING)).isEqualTo(1800);
    } finally {
      sandboxes.stripe().releaseHeldEventsReversed();
    }
    Thread.sleep(1_500); // the late webhooks reach settlement, and change nothing
    assertThat(balance(key, LedgerAccount.MERCHANT_PENDING)).isEqualTo(1800);
  }

  @Test
  void aRefundStripeNeverReceivedIsSentAgainByTheScheduleAndCountedOnce() throws Exception {
    String key = bootstrap("Refund Timeout Shop", "owner@refund-recon.test");
    String paymentId = paidPayment(key, 1000);
    sandboxes.stripe().failures().failNextCall();

    HttpResponse<String> refund = post("/api/v1/refunds", "{\"paymentId\":\"" + paymentId + "\",\"amount\":300}", key);

    assertThat(refund.statusCode()).as(refund.body()).isEqualTo(200);
    assertThat(JSON.readTree(refund.body()).path("status").asText()).isEqualTo("pending");
    String refundId = JSON.readTree(refund.body()).path("refundId").asText();
    assertThat(payment(key, paymentId).amounts().refundReserved()).isEqualTo(300);

    CLOCK.shift(PAST_FIRST_POLL);
    assertThat(fireSchedule()).isEqualTo(200);

    Payment after = payment(key, paymentId);
    assertThat(after.refund(refundId).orElseThrow().status()).isEqualTo(Refund.Status.SUCCEEDED);
    assertThat(after.state()).isEqualTo(PaymentState.PARTIALLY_REFUNDED);
    assertThat(after.amounts().refundReserved()).isZero();
    Thread.sleep(1_500); // the refund's own webhooks arrive too
    assertThat(balance(key, LedgerAccount.REFUNDS_PAYABLE)).isEqualTo(300);
    assertThat(payment(key, paymentId).amounts().refunded()).isEqualTo(300);
  }

  @Test
  void aPendingRefundIsSettledByItsWebhookThroughTheRefundHint() throws Exception {
    String key = bootstrap("Slow Refund Shop", "owner@slow-refund-recon.test");
    String paymentId = paidPayment(key, 1000);
    sandboxes.stripe().failures().pendNextRefund();

    JsonNode refund = JSON.readTree(post("/api/v1/refunds",
        "{\"paymentId\":\"" + paymentId + "\",\"amount\":400}", key).body());

    assertThat(refund.path("status").asText()).isEqualTo("pending");
    String refundId = refund.path("refundId").asText();
    String stripeRefundId = refund.path("providerRefundId").asText();
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
        assertThat(payment(key, paymentId).refund(refundId).orElseThrow().providerRefundId())
            .as("refund.created told us Stripe's id").hasValue(stripeRefundId));

    sandboxes.stripe().settleRefund(stripeRefundId);

    await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
        assertThat(payment(key, paymentId).refund(refundId).orElseThrow().status())
            .isEqualTo(Refund.Status.SUCCEEDED));
    assertThat(payment(key, paymentId).amounts().refundReserved()).isZero();
    assertThat(balance(key, LedgerAccount.REFUNDS_PAYABLE)).isEqualTo(400);
  }

  private static int fireSchedule() throws Exception {
    HttpResponse<String> fired = HTTP.send(HttpRequest.newBuilder(
            URI.create(gateway.baseUrl() + "/_local/schedules/ReconcilePaymentsFunction"))
        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(JSON.readTree(fired.body()).path("failed").asInt()).as(fired.body()).isZero();
    return fired.statusCode();
  }

  private static String paidPayment(String key, long amount) throws Exception {
    JsonNode session = JSON.readTree(post("/api/v1/checkout/sessions", SESSION.formatted(amount), key).body());
    String paymentId = session.path("payment_id").asText();
    sandboxes.stripe().hostedPagePay(URI.create(session.path("redirect_url").asText()).getPath().replaceAll(".*/", ""));
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
        assertThat(payment(key, paymentId).state()).isEqualTo(PaymentState.CAPTURED));
    quiet();
    return paymentId;
  }

  /**
   * Every webhook Stripe published is delivered and settled, so that no settlement still calls
   * Stripe: the failure switches are one-shot and must meet the call the test makes next.
   */
  private static void quiet() {
    await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
      var delivered = sandboxes.stripe().deliveredEvents().stream().map(DeliveredEvent::eventId)
          .collect(java.util.stream.Collectors.toSet());
      assertThat(sandboxes.stripe().events()).allSatisfy(event ->
          assertThat(delivered).contains(event.path("id").asText()));
      Map<QueueAttributeName, String> queue = gateway.sqs().getQueueAttributes(get -> get
          .queueUrl(gateway.queueUrl("SettlementQueue"))
          .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
              QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
      assertThat(queue.values()).containsOnly("0");
    });
  }

  /** The tenant's one payment in the due index: found as the poller finds it. */
  private static String onlyPollDueFor(String tenantId) {
    var due = new DuePaymentPolls(gateway.dynamoDb(), table()).dueBy(CLOCK.instant().plus(Duration.ofDays(30)), 1000)
        .stream().filter(d -> d.tenantId().equals(tenantId)).toList();
    assertThat(due).hasSize(1);
    return due.get(0).paymentId();
  }

  private static Payment payment(String key, String paymentId) throws Exception {
    return payments.find(tenantOf(key), Mode.TEST, paymentId).orElseThrow();
  }

  private static long balance(String key, LedgerAccount account) throws Exception {
    return new DynamoLedger(gateway.dynamoDb(), table()).balance(new LedgerBook(tenantOf(key), Mode.TEST), account, "USD");
  }

  private static String tenantOf(String apiKey) {
    return gateway.dynamoDb().getItem(g -> g.tableName(table()).key(Map.of(
        "pk", AttributeValue.fromS("APIKEY#" + ApiKeySecrets.hash(apiKey)),
        "sk", AttributeValue.fromS("#")))).item().get("tenantId").s();
  }

  private static String table() {
    return gateway.template().tables().get("TenderTable").tableName();
  }

  private static String bootstrap(String name, String email) throws Exception {
    Invocation result = gateway.invoke("BootstrapTenantFunction",
        ("{\"tenantName\":\"" + name + "\",\"ownerEmail\":\"" + email + "\"}").getBytes(StandardCharsets.UTF_8));
    return JSON.readTree(((Invocation.Succeeded) result).output()).path("testApiKey").path("secret").asText();
  }

  private static HttpResponse<String> post(String path, String body, String apiKey) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(gateway.baseUrl() + path))
        .header("content-type", "application/json").header("x-api-key", apiKey)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> get(String path, String apiKey) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(gateway.baseUrl() + path)).header("x-api-key", apiKey).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Real time plus an offset the test moves forward; the runner, its functions and the sandbox all read it. */
  private static final class ShiftedClock extends Clock {
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    void shift(Duration by) {
      offset.updateAndGet(current -> current.plus(by));
    }

    @Override
    public Instant instant() {
      return Instant.now().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException("the runner's clock stays in UTC");
    }
  }
}
