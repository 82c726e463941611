package io.tender.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tender.adapter.dynamo.DynamoLedger;
import io.tender.adapter.dynamo.DynamoPaymentRepository;
import io.tender.core.apikey.ApiKeySecrets;
import io.tender.core.ledger.LedgerAccount;
import io.tender.core.ledger.LedgerBook;
import io.tender.core.ledger.LedgerEntry;
import io.tender.core.payment.Payment;
import io.tender.core.tenant.Mode;
import io.tender.local.function.Invocation;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.awaitility.Awaitility;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The local gateway on the Stripe sandbox, for end-to-end tests that act as merchant (the API),
 * payer (the hosted page, over HTTP), Stripe (events signed with the endpoint's secret) and
 * auditor (the table, the ledger and the functions' logs).
 */
final class StripeGatewayHarness implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Duration SETTLES_WITHIN = Duration.ofSeconds(20);
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final AtomicInteger EVENT_IDS = new AtomicInteger();

  final FunctionLogs logs;
  final ProviderSandboxes sandboxes;
  final LocalGateway gateway;
  private final String table;

  /** A tenant with its test API key. */
  record Merchant(String apiKey, String tenantId) {
    LedgerBook book() {
      return new LedgerBook(tenantId, Mode.TEST);
    }
  }

  /** A checkout session as the create route answered it, with Stripe's id from its hosted page. */
  record Session(Merchant merchant, String id, String paymentId, URI redirectUrl, long amount) {
    String stripeId() {
      String path = redirectUrl.getPath();
      return path.substring(path.lastIndexOf('/') + 1);
    }
  }

  private StripeGatewayHarness(FunctionLogs logs, ProviderSandboxes sandboxes, LocalGateway gateway) {
    this.logs = logs;
    this.sandboxes = sandboxes;
    this.gateway = gateway;
    this.table = gateway.template().tables().get("TenderTable").tableName();
  }

  static StripeGatewayHarness start() {
    FunctionLogs logs = FunctionLogs.install();
    ProviderSandboxes sandboxes = ProviderSandboxes.start(Clock.systemUTC());
    LocalGateway gateway = LocalGateway.start(
        sandboxes.wire(LocalGatewayOptions.defaults(Path.of("../../template.yaml")).withPort(0)));
    sandboxes.connect(gateway);
    return new StripeGatewayHarness(logs, sandboxes, gateway);
  }

  @Override
  public void close() {
    gateway.close();
    sandboxes.close();
    logs.close();
  }

  // --- the merchant ---

  Merchant merchant(String name) throws Exception {
    String slug = name.toLowerCase().replaceAll("[^a-z0-9]+", "-");
    Invocation result = gateway.invoke("BootstrapTenantFunction", ("{\"tenantName\":\"" + name
        + "\",\"ownerEmail\":\"owner@" + slug + ".test\"}").getBytes(StandardCharsets.UTF_8));
    String apiKey = JSON.readTree(((Invocation.Succeeded) result).output()).path("testApiKey").path("secret").asText();
    String tenantId = gateway.dynamoDb().getItem(get -> get.tableName(table).key(key("APIKEY#" + ApiKeySecrets.hash(apiKey))))
        .item().get("tenantId").s();
    return new Merchant(apiKey, tenantId);
  }

  Session createSession(Merchant merchant, long amount) throws Exception {
    String body = "{\"amount\":" + amount + ",\"currency\":\"USD\",\"reference\":\"order_" + amount
        + "\",\"methodTypes\":[\"card\"],\"successUrl\":\"https://shop.test/success\","
        + "\"cancelUrl\":\"https://shop.test/cancel\"}";
    HttpResponse<String> created = send(HttpRequest.newBuilder(gateway.baseUrl().resolve("/api/v1/checkout/sessions"))
        .header("content-type", "application/json").header("x-api-key", merchant.apiKey())
        .POST(HttpRequest.BodyPublishers.ofString(body)));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
    JsonNode session = JSON.readTree(created.body());
    return new Session(merchant, session.path("id").asText(), session.path("payment_id").asText(),
        URI.create(session.path("redirect_url").asText()), amount);
  }

  /** The session as {@code GET /api/v1/checkout/sessions/{id}} shows it to its merchant. */
  JsonNode read(Session session) throws Exception {
    HttpResponse<String> read = send(HttpRequest.newBuilder(
        gateway.baseUrl().resolve("/api/v1/checkout/sessions/" + session.id()))
        .header("x-api-key", session.merchant().apiKey()));
    assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
    return JSON.readTree(read.body());
  }

  String status(Session session) throws Exception {
    return read(session).path("status").asText();
  }

  void awaitStatus(Session session, String status) {
    Awaitility.await().atMost(SETTLES_WITHIN).untilAsserted(() -> assertThat(status(session)).isEqualTo(status));
  }

  // --- the payer, on the hosted page behind redirect_url ---

  HttpResponse<String> openHostedPage(Session session) throws Exception {
    return send(HttpRequest.newBuilder(session.redirectUrl()));
  }

  /** Presses one of the page's buttons: {@code pay}, {@code decline} or {@code cancel}. */
  HttpResponse<String> press(Session session, String action) throws Exception {
    return send(HttpRequest.newBuilder(session.redirectUrl())
        .header("content-type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("action=" + action)));
  }

  /** The checkout session as Stripe's API returns it. */
  JsonNode stripeSession(Session session) throws Exception {
    HttpResponse<String> read = send(HttpRequest.newBuilder(
        sandboxes.stripe().baseUrl().resolve("/v1/checkout/sessions/" + session.stripeId()))
        .header("authorization", "Bearer " + sandboxes.stripe().apiKey()));
    assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
    return JSON.readTree(read.body());
  }

  // --- time: the session's end, the payment's first poll ---

  /**
   * Makes the session end as if its 31 minutes had passed: the session's expiry, and its payment's
   * first poll with its place in the {@code due} index, move to a minute ago. The functions run on
   * the system clock, so the time moves on the one session instead; Stripe's session is left as it
   * is, since expiring it there is the poller's job.
   */
  void expiryPassed(Session session) {
    Instant past = Instant.now().minusSeconds(60);
    String prefix = "T#" + session.merchant().tenantId() + "#test#";
    gateway.dynamoDb().updateItem(update -> update.tableName(table)
        .key(key(prefix + "CS#" + session.id()))
        .updateExpression("SET sessionExpiresAt = :at")
        .conditionExpression("attribute_exists(pk)")
        .expressionAttributeValues(Map.of(":at", AttributeValue.fromS(past.toString()))));
    gateway.dynamoDb().updateItem(update -> update.tableName(table)
        .key(key(prefix + "PAY#" + session.paymentId()))
        .updateExpression("SET dueSk = :due, nextPollAt = :at")
        .conditionExpression("attribute_exists(dueSk)")
        .expressionAttributeValues(Map.of(
            ":due", AttributeValue.fromS(String.format("%012d", past.getEpochSecond()) + "#" + session.paymentId()),
            ":at", AttributeValue.fromS(past.toString()))));
  }

  /** Fires the reconciliation schedule now (it expires ended sessions), through the runner's operator endpoint. */
  void sweep() throws Exception {
    HttpResponse<String> fired = send(HttpRequest.newBuilder(
        gateway.baseUrl().resolve("/_local/schedules/ReconcilePaymentsFunction"))
        .POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(fired.statusCode()).as(fired.body()).isEqualTo(200);
    assertThat(JSON.readTree(fired.body()).path("failed").asInt()).isZero();
  }

  // --- Stripe: signed events ---

  /** A fresh event id, unique in this JVM. */
  static String eventId(String label) {
    return "evt_" + label + "_" + System.nanoTime() + "_" + EVENT_IDS.incrementAndGet();
  }

  /**
   * A Stripe event about the session's checkout, as Stripe would send it; {@code status} and
   * {@code paymentStatus} are the snapshot the body claims.
   */
  static ObjectNode checkoutEvent(String eventId, String type, Session session, String status,
      String paymentStatus, Instant created) {
    ObjectNode event = JSON.createObjectNode();
    event.put("id", eventId);
    event.put("object", "event");
    event.put("api_version", "2026-07-29.dahlia");
    event.put("created", created.getEpochSecond());
    ObjectNode object = event.putObject("data").putObject("object");
    object.put("id", session.stripeId());
    object.put("object", "checkout.session");
    object.put("amount_total", session.amount());
    object.put("currency", "usd");
    object.put("client_reference_id", session.paymentId());
    object.putObject("metadata").put("tender_payment_id", session.paymentId());
    object.put("status", status);
    object.put("payment_status", paymentStatus);
    event.put("livemode", false);
    event.put("type", type);
    return event;
  }

  static byte[] bytes(JsonNode event) throws Exception {
    return JSON.writeValueAsBytes(event);
  }

  /**
   * {@code t=<seconds>,v1=<hex>} per secret, computed here from Stripe's documented scheme
   * rather than with the code under test.
   */
  static String signature(byte[] body, long timestampSeconds, String... secrets) {
    StringBuilder header = new StringBuilder("t=").append(timestampSeconds);
    for (String secret : secrets) {
      try {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((timestampSeconds + ".").getBytes(StandardCharsets.UTF_8));
        header.append(",v1=").append(HexFormat.of().formatHex(mac.doFinal(body)));
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }
    return header.toString();
  }

  /** Signed now with the endpoint's secret. */
  String signedNow(byte[] body) {
    return signature(body, Instant.now().getEpochSecond(), sandboxes.stripeWebhookSecret());
  }

  HttpResponse<String> postWebhook(byte[] body, String signatureHeader) throws Exception {
    return postWebhook(body, signatureHeader, "application/json; charset=utf-8");
  }

  HttpResponse<String> postWebhook(byte[] body, String signatureHeader, String contentType) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(gateway.baseUrl().resolve("/api/webhooks/stripe"))
        .header("content-type", contentType)
        .header("user-agent", "Stripe/1.0 (+https://stripe.com/docs/webhooks)")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (signatureHeader != null) {
      request.header("stripe-signature", signatureHeader);
    }
    return send(request);
  }

  /** Waits until the settlement consumer has settled {@code count} hints of the event. */
  List<JsonNode> awaitSettled(String eventId, int count) {
    Awaitility.await().atMost(SETTLES_WITHIN)
        .until(() -> logs.settlementsOf(eventId).size() >= count);
    return logs.settlementsOf(eventId);
  }

  /**
   * Settlements that changed the payment, whichever of Stripe's events about it (the checkout's
   * or its PaymentIntent's) got there first.
   */
  List<JsonNode> settlementsApplyingTo(Session session) {
    return logs.settlementsApplyingTo(session.paymentId());
  }

  /** The delivery of the sandbox's event of {@code type} about this session, once acknowledged. */
  io.tender.local.sandbox.stripe.DeliveredEvent awaitDelivered(Session session, String type) {
    return Awaitility.await().atMost(SETTLES_WITHIN).until(
        () -> sandboxes.stripe().deliveredEvents().stream()
            .filter(delivered -> delivered.type().equals(type) && delivered.payload().contains(session.paymentId()))
            .findFirst(),
        Optional::isPresent).orElseThrow();
  }

  // --- the table ---

  /** The provider event item {@code EVT#stripe#{eventId}}, if the ingress recorded one. */
  Optional<Map<String, AttributeValue>> recordedEvent(String eventId) {
    Map<String, AttributeValue> item = gateway.dynamoDb().getItem(get -> get.tableName(table)
        .consistentRead(true).key(key("EVT#stripe#" + eventId))).item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
  }

  Payment payment(Session session) {
    return new DynamoPaymentRepository(gateway.dynamoDb(), table)
        .find(session.merchant().tenantId(), Mode.TEST, session.paymentId()).orElseThrow();
  }

  long balance(Merchant merchant, LedgerAccount account) {
    return new DynamoLedger(gateway.dynamoDb(), table).balance(merchant.book(), account, "USD");
  }

  /** The ids of every ledger transaction in the merchant's test book, found through the book's index by time. */
  Set<String> ledgerTransactions(Merchant merchant) {
    Set<String> ids = new LinkedHashSet<>();
    new DynamoLedger(gateway.dynamoDb(), table).transactions(merchant.book())
        .forEach(entries -> ids.add(entries.get(0).transactionId().value()));
    return ids;
  }

  /**
   * Every transaction in the merchant's book sums to zero per currency, and every account's USD
   * balance is the sum of its USD entries: nothing was posted outside a balanced transaction.
   */
  void assertLedgerBalanced(Merchant merchant) {
    DynamoLedger ledger = new DynamoLedger(gateway.dynamoDb(), table);
    Map<LedgerAccount, Long> fromEntries = new HashMap<>();
    for (String transaction : ledgerTransactions(merchant)) {
      List<LedgerEntry> entries = ledger.entries(merchant.book(), transaction);
      assertThat(entries).as("entries of %s", transaction).hasSizeGreaterThanOrEqualTo(2);
      Map<String, Long> sums = new HashMap<>();
      for (LedgerEntry entry : entries) {
        sums.merge(entry.currency(), entry.signedAmount(), Long::sum);
        if ("USD".equals(entry.currency())) {
          fromEntries.merge(entry.account(), entry.naturalAmount(), Long::sum);
        }
      }
      assertThat(sums.values()).as("transaction %s sums to zero per currency", transaction).containsOnly(0L);
    }
    for (LedgerAccount account : LedgerAccount.values()) {
      assertThat(balance(merchant, account)).as("balance of %s", account)
          .isEqualTo(fromEntries.getOrDefault(account, 0L));
    }
  }

  static Map<String, AttributeValue> key(String pk) {
    return Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS("#"));
  }

  static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
