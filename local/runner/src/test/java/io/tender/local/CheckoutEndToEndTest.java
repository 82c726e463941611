package io.tender.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tender.local.function.Invocation;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Checkout sessions over HTTP, with the Stripe connector talking to the Stripe sandbox. */
class CheckoutEndToEndTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String VALID = "{\"amount\":10000,\"currency\":\"USD\",\"reference\":\"order_12345\","
      + "\"methodTypes\":[\"card\"],\"successUrl\":\"https://shop.test/success\",\"cancelUrl\":\"https://shop.test/cancel\"}";

  private static ProviderSandboxes sandboxes;
  private static LocalGateway gateway;
  private static String key;
  private static String otherTenantsKey;

  @BeforeAll
  static void start() throws Exception {
    sandboxes = ProviderSandboxes.start(Clock.systemUTC());
    gateway = LocalGateway.start(sandboxes.wire(LocalGatewayOptions.defaults(Path.of("../../template.yaml")).withPort(0)));
    sandboxes.connect(gateway);
    key = bootstrap("Checkout Shop", "owner@checkout.test");
    otherTenantsKey = bootstrap("Other Shop", "owner@other-checkout.test");
  }

  @AfterAll
  static void stop() {
    gateway.close();
    sandboxes.close();
  }

  @Test
  void aSessionIsCreatedAtTheProviderAndReadBack() throws Exception {
    HttpResponse<String> created = post(VALID, key, null);

    assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
    JsonNode session = JSON.readTree(created.body());
    assertThat(session.path("id").asText()).startsWith("cs_");
    assertThat(session.path("status").asText()).isEqualTo("pending");
    assertThat(session.path("redirect_url").asText()).startsWith(sandboxes.stripe().baseUrl().toString());
    assertThat(session.path("expires_at").asText()).isNotBlank();
    String svg = new String(Base64.getDecoder().decode(
        session.path("qr_image_url").asText().substring("data:image/svg+xml;base64,".length())), StandardCharsets.UTF_8);
    assertThat(svg).startsWith("<svg");

    HttpResponse<String> read = get("/api/v1/checkout/sessions/" + session.path("id").asText(), key);
    JsonNode detail = JSON.readTree(read.body());
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(detail.path("amount").asLong()).isEqualTo(10000);
    assertThat(detail.path("currency").asText()).isEqualTo("USD");
    assertThat(detail.path("reference").asText()).isEqualTo("order_12345");
    assertThat(detail.path("remaining_seconds").asLong()).isBetween(1800L, 1860L);
    assertThat(detail.path("payment_id").asText()).startsWith("pay_");

    String stripeSession = URI.create(session.path("redirect_url").asText()).getPath().replaceAll(".*/", "");
    assertThat(sandboxes.stripe().hostedPagePay(stripeSession)).hasValue(URI.create("https://shop.test/success"));
  }

  /** Pay on the hosted page → Stripe's signed webhook → queue → settlement → paid, and the ledger balances. */
  @Test
  void aPaidSessionSettlesIntoTheLedger() throws Exception {
    String settleKey = bootstrap("Settle Shop", "owner@settle.test");
    JsonNode session = JSON.readTree(post(VALID.replace("10000", "4321"), settleKey, null).body());
    String stripeSession = URI.create(session.path("redirect_url").asText()).getPath().replaceAll(".*/", "");

    sandboxes.stripe().hostedPagePay(stripeSession);

    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).untilAsserted(() ->
        assertThat(JSON.readTree(get("/api/v1/checkout/sessions/" + session.path("id").asText(), settleKey).body())
            .path("status").asText()).isEqualTo("completed"));
    assertThat(balance(settleKey, io.tender.core.ledger.LedgerAccount.PROVIDER_CLEARING)).isEqualTo(4321);
    assertThat(balance(settleKey, io.tender.core.ledger.LedgerAccount.MERCHANT_PENDING)).isEqualTo(4321);
  }

  /** Stripe delivers duplicates: each event twice here; the money moves once. */
  @Test
  void duplicateWebhooksMoveTheMoneyOnce() throws Exception {
    String dupKey = bootstrap("Duplicate Shop", "owner@dup.test");
    JsonNode session = JSON.readTree(post(VALID.replace("10000", "777"), dupKey, null).body());
    String stripeSession = URI.create(session.path("redirect_url").asText()).getPath().replaceAll(".*/", "");
    int deliveredBefore = sandboxes.stripe().deliveredEvents().size();
    sandboxes.stripe().duplicateDeliveries(true);
    try {
      sandboxes.stripe().hostedPagePay(stripeSession);
      org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).untilAsserted(() -> {
        assertThat(sandboxes.stripe().deliveredEvents().size() - deliveredBefore).isGreaterThanOrEqualTo(4);
        assertThat(JSON.readTree(get("/api/v1/checkout/sessions/" + session.path("id").asText(), dupKey).body())
            .path("status").asText()).isEqualTo("completed");
      });
    } finally {
      sandboxes.stripe().duplicateDeliveries(false);
    }
    Thread.sleep(1_500); // let any redelivered hint reach settlement
    assertThat(balance(dupKey, io.tender.core.ledger.LedgerAccount.MERCHANT_PENDING)).isEqualTo(777);
  }

  /** 20 concurrent refunds of 10 on a payment of 100: exactly 100 refunded, the rest refused clearly. */
  @Test
  void concurrentRefundsNeverRefundMoreThanWasCaptured() throws Exception {
    String refundKey = bootstrap("Refund Shop", "owner@refund.test");
    setRateLimit(tenantOf(refundKey), "refund.create", 100);
    String paymentId = paidPayment(refundKey, 100);

    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(20);
    java.util.List<java.util.concurrent.Future<HttpResponse<String>>> responses = new java.util.ArrayList<>();
    for (int i = 0; i < 20; i++) {
      responses.add(pool.submit(() -> refund(refundKey, "{\"paymentId\":\"" + paymentId + "\",\"amount\":10}")));
    }
    int succeeded = 0;
    for (var response : responses) {
      HttpResponse<String> answer = response.get();
      if (answer.statusCode() == 200) {
        assertThat(JSON.readTree(answer.body()).path("status").asText()).isEqualTo("succeeded");
        succeeded++;
      } else {
        assertThat(answer.statusCode()).as(answer.body()).isIn(409, 422);
      }
    }
    pool.shutdown();

    assertThat(succeeded).isEqualTo(10);
    HttpResponse<String> more = refund(refundKey, "{\"paymentId\":\"" + paymentId + "\",\"amount\":1}");
    assertThat(more.statusCode()).isEqualTo(422);
    assertThat(JSON.readTree(more.body()).path("code").asText()).as("fully refunded").isEqualTo("REFUND_NOT_ALLOWED");
    assertThat(balance(refundKey, io.tender.core.ledger.LedgerAccount.REFUNDS_PAYABLE)).isEqualTo(100);
  }

  @Test
  void refundsOfUnknownOrForeignPaymentsAreNotFoundAndOverRefundsRefused() throws Exception {
    String paymentId = paidPayment(key, 500);

    assertThat(refund(otherTenantsKey, "{\"paymentId\":\"" + paymentId + "\",\"amount\":10}").statusCode())
        .isEqualTo(404);
    assertThat(refund(key, "{\"paymentId\":\"pay_00000000000000000000000000\",\"amount\":10}").statusCode())
        .isEqualTo(404);
    HttpResponse<String> over = refund(key, "{\"paymentId\":\"" + paymentId + "\",\"amount\":501}");
    assertThat(over.statusCode()).isEqualTo(422);
    assertThat(JSON.readTree(over.body()).path("code").asText()).isEqualTo("REFUND_NOT_ALLOWED");
    HttpResponse<String> partial = refund(key, "{\"paymentId\":\"" + paymentId + "\",\"amount\":200,\"reason\":\"Customer request\"}");
    assertThat(partial.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(partial.body()).path("providerRefundId").asText()).startsWith("re_");
  }

  private static String paidPayment(String apiKey, long amount) throws Exception {
    JsonNode session = JSON.readTree(post(VALID.replace("10000", Long.toString(amount)), apiKey, null).body());
    String stripeSession = URI.create(session.path("redirect_url").asText()).getPath().replaceAll(".*/", "");
    sandboxes.stripe().hostedPagePay(stripeSession);
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).untilAsserted(() ->
        assertThat(JSON.readTree(get("/api/v1/checkout/sessions/" + session.path("id").asText(), apiKey).body())
            .path("status").asText()).isEqualTo("completed"));
    return session.path("payment_id").asText();
  }

  private static void setRateLimit(String tenantId, String name, int limit) throws Exception {
    Invocation result = gateway.invoke("BootstrapTenantFunction", ("{\"action\":\"setRateLimits\",\"tenantId\":\""
        + tenantId + "\",\"rateLimits\":{\"" + name + "\":" + limit + "}}").getBytes(StandardCharsets.UTF_8));
    assertThat(JSON.readTree(((Invocation.Succeeded) result).output()).path("success").asBoolean()).isTrue();
  }

  private static HttpResponse<String> refund(String apiKey, String body) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/api/v1/refunds"))
        .header("content-type", "application/json").header("x-api-key", apiKey)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /**
   * The poller, run as if 32 minutes had passed: an unpaid session's payment is due at its
   * session's end and expires (at the provider too); a paid one was never due, so the poller
   * neither reads nor writes it; an expired one is not due again.
   */
  @Test
  void theSessionsEndExpiresWhatNobodyPaidAndOnlyThat() throws Exception {
    String sweepKey = bootstrap("Sweep Shop", "owner@sweep.test");
    JsonNode unpaidSession = JSON.readTree(post(VALID.replace("10000", "900"), sweepKey, null).body());
    String unpaid = unpaidSession.path("id").asText();
    String unpaidPayment = unpaidSession.path("payment_id").asText();
    String paidPayment = paidPayment(sweepKey, 800);

    String table = gateway.template().tables().get("TenderTable").tableName();
    var dynamo = gateway.dynamoDb();
    var payments = new io.tender.adapter.dynamo.DynamoPaymentRepository(dynamo, table);
    var stripe = new io.tender.adapter.stripe.StripeConnector(
        io.tender.adapter.stripe.StripeSettings.of(sandboxes.stripe().baseUrl()), sandboxes.stripe()::apiKey);
    Clock later = Clock.offset(Clock.systemUTC(), java.time.Duration.ofMinutes(32));
    var settlement = new io.tender.core.settlement.Settlement(stripe, payments,
        new io.tender.adapter.dynamo.DynamoSettlementStore(payments, new io.tender.adapter.dynamo.DynamoLedger(dynamo, table),
            table),
        new io.tender.core.id.RandomIdGenerator(later, new java.security.SecureRandom()), later);
    var poller = new io.tender.core.reconcile.ReconciliationPoller(
        new io.tender.adapter.dynamo.DuePaymentPolls(dynamo, table), payments,
        new io.tender.adapter.dynamo.DynamoCheckoutSessionRepository(dynamo, table, payments), stripe, settlement,
        (name, context) -> { }, later);

    java.util.List<String> polled = new java.util.ArrayList<>();
    for (int round = 0; round < 20 && !polled.contains(unpaidPayment); round++) {
      poller.poll(1000).forEach(payment -> polled.add(payment.paymentId()));
    }

    assertThat(polled).as("due at its session's end").contains(unpaidPayment).doesNotContain(paidPayment);
    JsonNode expired = JSON.readTree(get("/api/v1/checkout/sessions/" + unpaid, sweepKey).body());
    assertThat(expired.path("status").asText()).isEqualTo("expired");
    assertThat(expired.path("redirect_url").isNull()).as("a page that cannot be paid is not offered").isTrue();
    assertThat(expired.path("qr_image_url").isNull()).isTrue();
    assertThat(payments.find(tenantOf(sweepKey), io.tender.core.tenant.Mode.TEST, paidPayment).orElseThrow().state())
        .isEqualTo(io.tender.core.payment.PaymentState.CAPTURED);
    assertThat(poller.poll(1000)).extracting(io.tender.core.reconcile.ReconciliationPoller.Polled::paymentId)
        .as("nothing is due twice").doesNotContain(unpaidPayment, paidPayment);
  }

  @Test
  void aWebhookWithABadSignatureIsRefusedAndRecordsNothing() throws Exception {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/api/webhooks/stripe"))
        .header("content-type", "application/json")
        .header("stripe-signature", "t=" + (System.currentTimeMillis() / 1000) + ",v1=" + "0".repeat(64))
        .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"evt_forged\",\"type\":\"checkout.session.completed\"}"))
        .build(), HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(400);
    String table = gateway.template().tables().get("TenderTable").tableName();
    assertThat(gateway.dynamoDb().getItem(g -> g.tableName(table).key(java.util.Map.of(
        "pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("EVT#stripe#evt_forged"),
        "sk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("#")))).hasItem()).isFalse();
  }

  /** The USD balance of one ledger account of the API key's tenant, in test mode. */
  private static long balance(String apiKey, io.tender.core.ledger.LedgerAccount account) throws Exception {
    io.tender.adapter.dynamo.DynamoLedger ledger = new io.tender.adapter.dynamo.DynamoLedger(gateway.dynamoDb(),
        gateway.template().tables().get("TenderTable").tableName());
    return ledger.balance(new io.tender.core.ledger.LedgerBook(tenantOf(apiKey), io.tender.core.tenant.Mode.TEST),
        account, "USD");
  }

  private static String tenantOf(String apiKey) throws Exception {
    String table = gateway.template().tables().get("TenderTable").tableName();
    String hash = io.tender.core.apikey.ApiKeySecrets.hash(apiKey);
    return gateway.dynamoDb().getItem(g -> g.tableName(table).key(java.util.Map.of(
        "pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("APIKEY#" + hash),
        "sk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("#")))).item().get("tenantId").s();
  }

  @Test
  void theSameIdempotencyKeyReplaysTheSessionAndRefusesAnotherBody() throws Exception {
    HttpResponse<String> first = post(VALID, key, "order-12345-attempt");
    HttpResponse<String> again = post(VALID, key, "order-12345-attempt");
    HttpResponse<String> other = post(VALID.replace("10000", "20000"), key, "order-12345-attempt");

    assertThat(again.body()).isEqualTo(first.body());
    assertThat(again.headers().firstValue("idempotent-replayed")).hasValue("true");
    // The QR code was not stored: the replay drew it again, identically, from the page's URL.
    String table = gateway.template().tables().get("TenderTable").tableName();
    String idempotencyPk = "T#" + tenantOf(key) + "#test#IDEM#POST /api/v1/checkout/sessions#order-12345-attempt";
    var stored = gateway.dynamoDb().getItem(g -> g.tableName(table).key(java.util.Map.of(
        "pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(idempotencyPk),
        "sk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("#")))).item();
    assertThat(stored).doesNotContainKeys("responseBody", "responseBodyGzip");
    assertThat(stored.get("responseBodyLean").s()).doesNotContain("data:image");
    assertThat(JSON.readTree(first.body()).path("qr_image_url").asText()).startsWith("data:image/svg+xml;base64,");
    assertThat(other.statusCode()).isEqualTo(422);
    assertThat(JSON.readTree(other.body()).path("code").asText()).isEqualTo("idempotency_error");
  }

  @Test
  void badRequestsAreRefusedByField() throws Exception {
    HttpResponse<String> missing = post("{\"currency\":\"USD\"}", key, null);
    JsonNode errors = JSON.readTree(missing.body()).path("errors");
    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(errors.has("amount")).isTrue();
    assertThat(errors.has("reference")).isTrue();
    assertThat(errors.has("successUrl")).isTrue();

    HttpResponse<String> zero = post(VALID.replace("10000", "0"), key, null);
    assertThat(JSON.readTree(zero.body()).path("code").asText()).isEqualTo("INVALID_AMOUNT");
    HttpResponse<String> unknown = post(VALID.replace("USD", "ABC"), key, null);
    assertThat(unknown.statusCode()).isEqualTo(400);
    HttpResponse<String> fractional = post(VALID.replace("10000", "100.5"), key, null);
    assertThat(fractional.statusCode()).isEqualTo(400);
  }

  @Test
  void anotherTenantsSessionIsNotFound() throws Exception {
    String id = JSON.readTree(post(VALID, key, null).body()).path("id").asText();

    HttpResponse<String> read = get("/api/v1/checkout/sessions/" + id, otherTenantsKey);

    assertThat(read.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(read.body()).path("code").asText()).isEqualTo("RESOURCE_NOT_FOUND");
    assertThat(get("/api/v1/checkout/sessions/not-an-id", key).statusCode()).isEqualTo(404);
  }

  @Test
  void badRefundRequestsAreRefusedByFieldAndRefundNothing() throws Exception {
    String badKey = bootstrap("Bad Refund Shop", "owner@bad-refund.test");
    setRateLimit(tenantOf(badKey), "refund.create", 50);
    String paymentId = paidPayment(badKey, 300);

    HttpResponse<String> missing = refund(badKey, "{\"amount\":10}");
    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(missing.body()).path("errors").has("paymentId")).isTrue();
    assertThat(refund(badKey, "{\"paymentId\":\"" + paymentId + "\",\"amount\":\"ten\"}").statusCode()).isEqualTo(400);
    assertThat(refund(badKey, "{\"paymentId\":\"" + paymentId + "\",\"amount\":1.5}").statusCode()).isEqualTo(400);
    assertThat(refund(badKey, "{\"paymentId\":\"" + paymentId + "\",\"amount\":0}").statusCode()).isEqualTo(400);
    assertThat(refund(badKey, "{\"paymentId\":\"" + paymentId + "\",\"amount\":-5}").statusCode()).isEqualTo(400);

    HttpResponse<String> whole = refund(badKey, "{\"paymentId\":\"" + paymentId + "\",\"amount\":300}");
    assertThat(whole.statusCode()).as("nothing was reserved by the refused requests").isEqualTo(200);
  }

  private static String bootstrap(String name, String email) throws Exception {
    Invocation result = gateway.invoke("BootstrapTenantFunction",
        ("{\"tenantName\":\"" + name + "\",\"ownerEmail\":\"" + email + "\"}").getBytes(StandardCharsets.UTF_8));
    JsonNode answer = JSON.readTree(((Invocation.Succeeded) result).output());
    return answer.path("testApiKey").path("secret").asText();
  }

  private static HttpResponse<String> post(String body, String apiKey, String idempotencyKey) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/api/v1/checkout/sessions"))
        .header("content-type", "application/json").header("x-api-key", apiKey)
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (idempotencyKey != null) {
      request.header("idempotency-key", idempotencyKey);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> get(String path, String apiKey) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(gateway.baseUrl() + path)).header("x-api-key", apiKey).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
