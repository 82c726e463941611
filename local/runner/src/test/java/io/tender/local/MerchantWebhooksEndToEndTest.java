package io.tender.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.net.Webhook;
import io.tender.core.auth.Base32;
import io.tender.core.auth.Totp;
import io.tender.core.auth.TotpParameters;
import io.tender.core.id.Ids;
import io.tender.core.webhook.OutboundUrlRefusal;
import io.tender.core.webhook.WebhookEndpoints;
import io.tender.local.function.Invocation;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Merchant webhooks over HTTP through the local runner, on the Stripe sandbox: endpoints registered
 * through the API receive what settlement commits (checked with stripe-java's verifier, the one
 * merchants already use), the delivery log shows every attempt, failures wait for their retry,
 * redelivery and the pull feed fill the gaps, hostile URLs are refused, and tenants never see each
 * other's endpoints, deliveries or events. Receivers are real HTTP servers on 127.0.0.1, which the
 * runner allows (template parameter {@code LocalDemoReceiver=allowed}); a deployed stack does not.
 */
class MerchantWebhooksEndToEndTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Duration ARRIVES_WITHIN = Duration.ofSeconds(20);
  private static final Duration POLL = Duration.ofMillis(250);
  private static final long TOLERANCE_SECONDS = 300;

  private static FunctionLogs logs;
  private static ProviderSandboxes sandboxes;
  private static LocalGateway gateway;
  private static final List<MerchantReceiver> RECEIVERS = new CopyOnWriteArrayList<>();
  /** Every signing secret, password and token handed out, none of which may reach a log. */
  private static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();

  record Merchant(String tenantId, String apiKey, String email, String password) {}

  @BeforeAll
  static void start() {
    logs = FunctionLogs.install();
    sandboxes = ProviderSandboxes.start(Clock.systemUTC());
    gateway = LocalGateway.start(sandboxes.wire(LocalGatewayOptions.defaults(Path.of("../../template.yaml")).withPort(0)));
    sandboxes.connect(gateway);
  }

  @AfterAll
  static void stop() {
    gateway.close();
    sandboxes.close();
    RECEIVERS.forEach(MerchantReceiver::close);
    logs.close();
  }

  @Test
  void aPaymentAndItsRefundReachTheMerchantSignedLoggedAndPullable() throws Exception {
    Merchant shop = merchant("Webhook Shop");
    MerchantReceiver hook = receiver(200);
    JsonNode endpoint = register(shop, hook.url(), "payment.succeeded", "refund.succeeded");
    String secret = endpoint.path("secret").asText();
    assertThat(secret).matches("whsec_[0-9a-f]{64}");
    assertThat(endpoint.path("url").asText()).isEqualTo(hook.url());

    String paymentId = pay(shop, 2500);
    MerchantReceiver.Request paid = awaitRequest(hook, "payment.succeeded");
    JsonNode event = paid.event();
    assertThat(event.path("id").asText()).matches("evt_[0-9a-z]{26}");
    assertThat(event.path("object").asText()).isEqualTo("event");
    assertThat(event.path("livemode").asBoolean()).isFalse();
    assertThat(event.path("sequence").asLong()).isPositive();
    assertThat(event.path("data").path("object").path("id").asText()).isEqualTo(paymentId);
    assertThat(paid.eventIdHeader()).isEqualTo(event.path("id").asText());
    assertThat(paid.signature()).matches("t=\\d+,v1=[0-9a-f]{64}");
    assertThat(stripeAccepts(paid.body(), paid.signature(), secret)).as("stripe-java verifies it").isTrue();
    assertThat(stripeAccepts(tamper(paid.body(), 0), paid.signature(), secret)).isFalse();
    assertThat(stripeAccepts(tamper(paid.body(), paid.body().length() / 2), paid.signature(), secret)).isFalse();
    assertThat(stripeAccepts(tamper(paid.body(), paid.body().length() - 1), paid.signature(), secret)).isFalse();
    assertThat(stripeAccepts(paid.body(), paid.signature(), "whsec_" + "0".repeat(64))).isFalse();

    HttpResponse<String> refund = call("POST", "/api/v1/refunds", shop.apiKey(),
        "{\"paymentId\":\"" + paymentId + "\",\"amount\":1000,\"reason\":\"Customer request\"}");
    assertThat(refund.statusCode()).as(refund.body()).isEqualTo(200);
    MerchantReceiver.Request refunded = awaitRequest(hook, "refund.succeeded");
    assertThat(refunded.event().path("data").path("object").path("id").asText())
        .isEqualTo(json(refund).path("refundId").asText());
    assertThat(stripeAccepts(refunded.body(), refunded.signature(), secret)).isTrue();
    assertThat(hook.requests()).extracting(MerchantReceiver.Request::type)
        .as("only the subscribed types").containsExactly("payment.succeeded", "refund.succeeded");

    String endpointId = endpoint.path("id").asText();
    JsonNode log = Awaitility.await().atMost(ARRIVES_WITHIN).pollInterval(POLL).until(
        () -> json(call("GET", "/api/v1/webhooks/deliveries?endpoint=" + endpointId, shop.apiKey(), null)),
        page -> page.path("data").size() == 2 && allSucceeded(page.path("data")));
    assertThat(log.path("data")).extracting(delivery -> delivery.path("event_type").asText())
        .as("newest first").containsExactly("refund.succeeded", "payment.succeeded");
    for (JsonNode delivery : log.path("data")) {
      assertThat(delivery.path("test").asBoolean()).isFalse();
      assertThat(delivery.path("next_attempt_at").isNull()).isTrue();
      assertThat(delivery.path("attempts")).hasSize(1);
      JsonNode attempt = delivery.path("attempts").get(0);
      assertThat(attempt.path("number").asInt()).isEqualTo(1);
      assertThat(attempt.path("status_code").asInt()).isEqualTo(200);
      assertThat(attempt.path("error_class").asText()).isEqualTo("none");
      assertThat(attempt.path("latency_ms").asLong()).isNotNegative();
      assertThat(attempt.path("response_excerpt").asText()).isEqualTo("ok");
    }
    JsonNode byEvent = json(call("GET", "/api/v1/webhooks/deliveries?event=" + event.path("id").asText(),
        shop.apiKey(), null));
    assertThat(byEvent.path("data")).singleElement()
        .satisfies(delivery -> assertThat(delivery.path("event_type").asText()).isEqualTo("payment.succeeded"));
    assertThat(json(call("GET", "/api/v1/webhooks/deliveries?status=failed", shop.apiKey(), null)).path("data"))
        .isEmpty();
    JsonNode firstPage = json(call("GET", "/api/v1/webhooks/deliveries?limit=1", shop.apiKey(), null));
    assertThat(firstPage.path("data")).hasSize(1);
    JsonNode secondPage = json(call("GET", "/api/v1/webhooks/deliveries?limit=1&cursor="
        + firstPage.path("nextCursor").asText(), shop.apiKey(), null));
    assertThat(secondPage.path("data").get(0).path("event_type").asText()).isEqualTo("payment.succeeded");

    // The pull feed: the same bodies, oldest first, a page at a time.
    JsonNode page1 = json(call("GET", "/api/v1/events?limit=1", shop.apiKey(), null));
    assertThat(page1.path("data")).singleElement().isEqualTo(event);
    assertThat(page1.path("has_more").asBoolean()).isTrue();
    // The checkout session's own event is in the feed too, though this endpoint did not subscribe to it.
    JsonNode sessionPage = json(call("GET", "/api/v1/events?limit=1&after=" + page1.path("next_after").asText(),
        shop.apiKey(), null));
    assertThat(sessionPage.path("data")).singleElement().satisfies(sessionEvent -> {
      assertThat(sessionEvent.path("type").asText()).isEqualTo("checkout.session.completed");
      assertThat(sessionEvent.path("data").path("object").path("payment_id").asText())
          .isEqualTo(event.path("data").path("object").path("id").asText());
      assertThat(sessionEvent.path("sequence").asLong()).isEqualTo(event.path("sequence").asLong());
    });
    assertThat(sessionPage.path("has_more").asBoolean()).isTrue();
    JsonNode page2 = json(call("GET", "/api/v1/events?limit=1&after=" + sessionPage.path("next_after").asText(),
        shop.apiKey(), null));
    assertThat(page2.path("data")).singleElement().isEqualTo(refunded.event());
    assertThat(page2.path("has_more").asBoolean()).isFalse();
    JsonNode page3 = json(call("GET", "/api/v1/events?after=" + page2.path("next_after").asText(),
        shop.apiKey(), null));
    assertThat(page3.path("data")).isEmpty();
    assertThat(page3.path("has_more").asBoolean()).isFalse();
    assertThat(page3.path("next_after").asText()).as("stays put for the next poll")
        .isEqualTo(page2.path("next_after").asText());
  }

  @Test
  void aFailingReceiverLeavesAPendingDeliveryThatItsRetryAndARedeliveryComplete() throws Exception {
    Merchant shop = merchant("Flaky Shop");
    MerchantReceiver hook = receiver(500);
    JsonNode endpoint = register(shop, hook.url(), "payment.succeeded");
    String secret = endpoint.path("secret").asText();
    pay(shop, 1500);

    JsonNode pending = Awaitility.await().atMost(ARRIVES_WITHIN).pollInterval(POLL).until(
        () -> onlyDelivery(shop, endpoint.path("id").asText()),
        delivery -> delivery != null && delivery.path("attempts").size() == 1);
    assertThat(pending.path("status").asText()).isEqualTo("pending");
    JsonNode first = pending.path("attempts").get(0);
    assertThat(first.path("status_code").asInt()).isEqualTo(500);
    assertThat(first.path("error_class").asText()).isEqualTo("http_error");
    assertThat(first.path("response_excerpt").asText()).isEqualTo("down for maintenance");
    assertThat(Instant.parse(pending.path("next_attempt_at").asText()))
        .as("the schedule's second attempt, 2 minutes after the first")
        .isEqualTo(Instant.parse(first.path("at").asText()).plus(Duration.ofMinutes(2)));
    String eventId = pending.path("event_id").asText();

    hook.answer(200);
    String redeliverPath = "/api/v1/webhooks/deliveries/" + pending.path("id").asText() + "/redeliver";
    HttpResponse<String> redelivered = call("POST", redeliverPath, shop.apiKey(), null, "redeliver-flaky-1");
    HttpResponse<String> replayed = call("POST", redeliverPath, shop.apiKey(), null, "redeliver-flaky-1");
    assertThat(redelivered.statusCode()).as(redelivered.body()).isEqualTo(200);
    JsonNode again = json(redelivered);
    assertThat(again.path("id").asText()).matches("wd_[0-9a-z]{26}").isNotEqualTo(pending.path("id").asText());
    assertThat(again.path("redelivery_of").asText()).isEqualTo(pending.path("id").asText());
    assertThat(again.path("event_id").asText()).isEqualTo(eventId);
    assertThat(replayed.body()).as("the same key redelivers once").isEqualTo(redelivered.body());
    assertThat(replayed.headers().firstValue("idempotent-replayed")).hasValue("true");

    JsonNode delivered = Awaitility.await().atMost(ARRIVES_WITHIN).pollInterval(POLL).until(
        () -> delivery(shop, again.path("id").asText()), delivery -> "succeeded".equals(delivery.path("status").asText()));
    assertThat(delivered.path("attempts").get(0).path("status_code").asInt()).isEqualTo(200);
    assertThat(hook.requests()).hasSize(2);
    MerchantReceiver.Request second = hook.requests().get(1);
    assertThat(second.body()).as("the same committed bytes").isEqualTo(hook.requests().get(0).body());
    assertThat(second.eventIdHeader()).isEqualTo(eventId);
    assertThat(stripeAccepts(second.body(), second.signature(), secret)).isTrue();

    // The original's own retry, released by the sweeper once due (its time is moved to now).
    assertThat(delivery(shop, pending.path("id").asText()).path("status").asText()).isEqualTo("pending");
    retryDueNow(shop, pending.path("id").asText());
    fire("ReleaseWebhookRetriesFunction");
    JsonNode retried = Awaitility.await().atMost(ARRIVES_WITHIN).pollInterval(POLL).until(
        () -> delivery(shop, pending.path("id").asText()), d -> "succeeded".equals(d.path("status").asText()));
    assertThat(retried.path("attempts")).extracting(attempt -> attempt.path("status_code").asInt())
        .containsExactly(500, 200);
    assertThat(retried.path("attempts")).extracting(attempt -> attempt.path("number").asInt()).containsExactly(1, 2);
    assertThat(hook.requests()).hasSize(3);
  }

  @Test
  void aDeletedEndpointHasItsRetriesCancelledAndReceivesNothingMore() throws Exception {
    Merchant shop = merchant("Closing Shop");
    MerchantReceiver keeper = receiver(200);
    MerchantReceiver doomed = receiver(500);
    JsonNode kept = register(shop, keeper.url(), "payment.succeeded");
    JsonNode deleted = register(shop, doomed.url(), "payment.succeeded");
    String deletedId = deleted.path("id").asText();
    pay(shop, 1200);
    awaitRequest(keeper, "payment.succeeded");
    JsonNode pending = Awaitility.await().atMost(ARRIVES_WITHIN).pollInterval(POLL).until(() -> onlyDelivery(shop, deletedId),
        delivery -> delivery != null && delivery.path("attempts").size() == 1);
    assertThat(pending.path("status").asText()).isEqualTo("pending");

    HttpResponse<String> deletion = call("DELETE", "/api/v1/webhooks/" + deletedId, shop.apiKey(), null);
    assertThat(deletion.statusCode()).as(deletion.body()).isEqualTo(200);
    assertThat(json(deletion).path("status").asText()).isEqualTo("deleted");
    assertThat(deletion.body()).doesNotContain("whsec_");
    JsonNode cancelled = delivery(shop, pending.path("id").asText());
    assertThat(cancelled.path("status").asText()).isEqualTo("cancelled");
    assertThat(cancelled.path("next_attempt_at").isNull()).isTrue();

    fire("ReleaseWebhookRetriesFunction");
    pay(shop, 1300);
    Awaitility.await().atMost(ARRIVES_WITHIN).pollInterval(POLL).until(() -> keeper.ofType("payment.succeeded").size() == 2);
    assertThat(doomed.requests()).as("nothing after the deletion").hasSize(1);
    assertThat(json(call("GET", "/api/v1/webhooks/deliveries?endpoint=" + deletedId, shop.apiKey(), null))
        .path("data")).hasSize(1);
    JsonNode listed = json(call("GET", "/api/v1/webhooks", shop.apiKey(), null));
    assertThat(listed.path("data")).extracting(e -> e.path("id").asText()).containsExactly(kept.path("id").asText());
    assertThat(call("DELETE", "/api/v1/webhooks/" + deletedId, shop.apiKey(), null).statusCode()).isEqualTo(404);
    assertThat(call("POST", "/api/v1/webhooks/" + deletedId + "/rotate-secret", shop.apiKey(), null).statusCode())
        .isEqualTo(404);
    HttpResponse<String> redeliver = call("POST",
        "/api/v1/webhooks/deliveries/" + pending.path("id").asText() + "/redeliver", shop.apiKey(), null);
    assertThat(redeliver.statusCode()).as(redeliver.body()).isEqualTo(409);
    assertThat(json(redeliver).path("error").asText()).contains("deleted");
  }

  /**
   * Hostile URLs, each refused at registration and by the layer that should: a host outside the
   * tenant's approved domains by the domain check (seed 003's message); an approved host by the
   * SSRF guard (400 naming the url field). The tenant's approvals here are hosts an operator should
   * never approve, so that the guard is reached and shown to hold on its own. How a DNS name that
   * resolves to a private address, or re-resolves there later, is refused is covered where the
   * resolver can be controlled: OutboundUrlPolicyTest and GuardedWebhookSenderTest.
   */
  @Test
  void hostileUrlsAreRefusedAtRegistrationByTheDomainCheckOrTheSsrfGuard() throws Exception {
    Merchant hostile = merchant("Hostile Shop", "127.0.0.1", "localhost", "169.254.169.254", "192.168.1.1",
        "10.0.0.1", "metadata.google.internal");
    setRateLimits(hostile, Map.of("webhooks.write", 200, "webhook.test", 50));
    Map<String, String> notApproved = new LinkedHashMap<>();
    notApproved.put("http://2130706433/", "loopback, decimal");
    notApproved.put("http://0x7f000001/", "loopback, hex");
    notApproved.put("http://0177.0.0.1/", "loopback, octal");
    notApproved.put("http://0x7f.0x0.0x0.0x1/", "loopback, hex parts");
    notApproved.put("http://127.1/", "loopback, short dotted");
    notApproved.put("http://127.000.000.001:8080/", "loopback, zero-padded (not the approved text)");
    notApproved.put("http://[::1]:8080/", "IPv6 loopback");
    notApproved.put("http://[::ffff:127.0.0.1]:8080/", "IPv4-mapped loopback");
    notApproved.put("http://[::ffff:a9fe:a9fe]/", "IPv4-mapped metadata address");
    notApproved.put("http://0.0.0.0:8080/", "unspecified");
    notApproved.put("http://10.0.0.2/", "private 10/8 (only 10.0.0.1 itself is approved)");
    notApproved.put("http://172.16.0.1/", "private 172.16/12");
    notApproved.put("http://100.64.0.1/", "CGNAT");
    notApproved.put("http://[fd00::1]/", "IPv6 unique local");
    notApproved.put("http://[fe80::1]/", "IPv6 link-local");
    notApproved.put("http://127.0.0.1.nip.io/", "a name for loopback");
    notApproved.put("http://169.254.169.254.nip.io/latest/meta-data/", "a name for the metadata address");
    notApproved.put("https://127.0.0.1.evil.example/", "approved text as a prefix");
    notApproved.put("http://1.127.0.0.1/", "an approved address as a suffix");
    notApproved.put("https://hooks.evil.example/", "any other domain");
    Map<String, OutboundUrlRefusal> refusedByGuard = new LinkedHashMap<>();
    refusedByGuard.put("http://169.254.169.254/latest/meta-data/iam/security-credentials/",
        OutboundUrlRefusal.FORBIDDEN_ADDRESS);
    refusedByGuard.put("https://169.254.169.254/", OutboundUrlRefusal.FORBIDDEN_ADDRESS);
    refusedByGuard.put("http://192.168.1.1/", OutboundUrlRefusal.FORBIDDEN_ADDRESS);
    refusedByGuard.put("http://10.0.0.1:8080/", OutboundUrlRefusal.FORBIDDEN_ADDRESS);
    refusedByGuard.put("https://127.0.0.1:8443/", OutboundUrlRefusal.FORBIDDEN_ADDRESS);
    refusedByGuard.put("http://127.0.0.1:22/", OutboundUrlRefusal.PORT_NOT_ALLOWED);
    refusedByGuard.put("http://localhost:8080/", OutboundUrlRefusal.HOST_NOT_ALLOWED);
    refusedByGuard.put("http://api.localhost:8080/", OutboundUrlRefusal.HOST_NOT_ALLOWED);
    refusedByGuard.put("http://metadata.google.internal/computeMetadata/v1/", OutboundUrlRefusal.HOST_NOT_ALLOWED);
    refusedByGuard.put("http://user:secret@127.0.0.1:8080/", OutboundUrlRefusal.CREDENTIALS_IN_URL);
    refusedByGuard.put("http://127.0.0.1:8080/hook#fragment", OutboundUrlRefusal.MALFORMED);
    refusedByGuard.put("ftp://127.0.0.1:2121/", OutboundUrlRefusal.SCHEME_NOT_ALLOWED);

    for (Map.Entry<String, String> url : notApproved.entrySet()) {
      HttpResponse<String> refused = registerRaw(hostile, url.getKey());
      assertThat(refused.statusCode()).as("%s (%s): %s", url.getKey(), url.getValue(), refused.body()).isEqualTo(403);
      assertThat(json(refused).path("code").asText()).isEqualTo("DOMAIN_NOT_APPROVED");
      assertThat(json(refused).path("error").asText()).isEqualTo(WebhookEndpoints.DOMAIN_NOT_APPROVED)
          .isEqualTo("Webhook URL domain not approved. Please contact support to approve your domain.");
    }
    for (Map.Entry<String, OutboundUrlRefusal> url : refusedByGuard.entrySet()) {
      HttpResponse<String> refused = registerRaw(hostile, url.getKey());
      assertThat(refused.statusCode()).as("%s: %s", url.getKey(), refused.body()).isEqualTo(400);
      assertThat(json(refused).path("errors").path("url").get(0).asText()).as(url.getKey())
          .isEqualTo(url.getValue().message());
      assertThat(refused.body()).as("the guard's detail stays in the logs").doesNotContain("->");
    }
    assertThat(notApproved.size() + refusedByGuard.size()).isGreaterThanOrEqualTo(20);
    assertThat(json(call("GET", "/api/v1/webhooks", hostile.apiKey(), null)).path("data")).isEmpty();

    // A receiver that redirects to the metadata address: the attempt records the redirect, unfollowed.
    MerchantReceiver redirecting = MerchantReceiver.redirectingTo("http://169.254.169.254/latest/meta-data/");
    RECEIVERS.add(redirecting);
    register(hostile, redirecting.url(), "payment.succeeded");
    HttpResponse<String> sent = call("POST", "/api/webhooks/test", hostile.apiKey(),
        "{\"eventType\":\"payment.succeeded\",\"data\":{\"paymentId\":\"test_payment_redirect\"}}");
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
    assertThat(json(sent).path("sent").asBoolean()).isFalse();
    assertThat(json(sent).path("statusCode").asInt()).isEqualTo(302);
    assertThat(json(sent).path("errorClass").asText()).isEqualTo("redirect");
    assertThat(redirecting.requests()).hasSize(1);
    JsonNode logged = delivery(hostile, json(sent).path("deliveryId").asText());
    assertThat(logged.path("status").asText()).isEqualTo("failed");
    assertThat(logged.path("attempts").get(0).path("detail").asText()).isEqualTo("redirect not followed");
  }

  @Test
  void aTestSendIsSignedDeliveredLoggedAndKeptOutOfThePullFeed() throws Exception {
    Merchant shop = merchant("Test Send Shop");
    setRateLimits(shop, Map.of("webhooks.write", 50));
    MerchantReceiver hook = receiver(200);
    JsonNode older = register(shop, hook.url(), "payment.succeeded");
    MerchantReceiver newest = receiver(200);
    JsonNode endpoint = register(shop, newest.url(), "payment.succeeded", "refund.succeeded");
    String secret = endpoint.path("secret").asText();

    HttpResponse<String> sent = call("POST", "/api/webhooks/test", shop.apiKey(),
        "{\"eventType\":\"payment.succeeded\",\"data\":{\"paymentId\":\"test_payment_123\"}}");
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
    JsonNode answer = json(sent);
    assertThat(answer.path("sent").asBoolean()).isTrue();
    assertThat(answer.path("webhookEventId").asText()).matches("evt_test_[0-9a-z]{26}");
    assertThat(answer.path("targetUrl").asText()).as("the newest endpoint receiving the type").isEqualTo(newest.url());
    assertThat(hook.requests()).isEmpty();
    MerchantReceiver.Request received = newest.requests().getFirst();
    JsonNode event = received.event();
    assertThat(event.path("id").asText()).isEqualTo(answer.path("webhookEventId").asText());
    assertThat(event.path("type").asText()).isEqualTo("payment.succeeded");
    assertThat(event.path("test").asBoolean()).isTrue();
    assertThat(event.path("livemode").asBoolean()).isFalse();
    assertThat(event.path("data").path("object")).isEqualTo(JSON.readTree("{\"paymentId\":\"test_payment_123\"}"));
    assertThat(stripeAccepts(received.body(), received.signature(), secret)).isTrue();
    assertThat(stripeAccepts(tamper(received.body(), 10), received.signature(), secret)).isFalse();

    JsonNode logged = json(call("GET", "/api/v1/webhooks/deliveries?event=" + event.path("id").asText(),
        shop.apiKey(), null)).path("data");
    assertThat(logged).singleElement().satisfies(delivery -> {
      assertThat(delivery.path("test").asBoolean()).isTrue();
      assertThat(delivery.path("status").asText()).isEqualTo("succeeded");
      assertThat(delivery.path("endpoint_id").asText()).isEqualTo(endpoint.path("id").asText());
      assertThat(delivery.path("attempts").get(0).path("status_code").asInt()).isEqualTo(200);
    });
    assertThat(json(call("GET", "/api/v1/events", shop.apiKey(), null)).path("data"))
        .as("a test event is never committed").isEmpty();
    HttpResponse<String> redeliver = call("POST", "/api/v1/webhooks/deliveries/"
        + answer.path("deliveryId").asText() + "/redeliver", shop.apiKey(), null);
    assertThat(redeliver.statusCode()).as(redeliver.body()).isEqualTo(409);

    HttpResponse<String> nobody = call("POST", "/api/webhooks/test", shop.apiKey(),
        "{\"eventType\":\"refund.failed\",\"data\":{}}");
    assertThat(nobody.statusCode()).as(nobody.body()).isEqualTo(422);
    assertThat(json(nobody).path("code").asText()).isEqualTo("NO_WEBHOOK_ENDPOINT");
    assertThat(json(nobody).path("error").asText()).contains("refund.failed");
    HttpResponse<String> unknown = call("POST", "/api/webhooks/test", shop.apiKey(),
        "{\"eventType\":\"payment.exploded\",\"data\":{}}");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(json(unknown).path("errors").has("eventType")).isTrue();

    // Five a minute per tenant: among the next six, one is refused with Retry-After.
    List<Integer> statuses = new ArrayList<>();
    HttpResponse<String> last = null;
    for (int i = 0; i < 11 && !statuses.contains(429); i++) {
      last = call("POST", "/api/webhooks/test", shop.apiKey(), "{\"eventType\":\"refund.succeeded\"}");
      statuses.add(last.statusCode());
    }
    assertThat(statuses).contains(429).doesNotContain(500);
    assertThat(last.headers().firstValue("retry-after")).isPresent();
    assertThat(older.path("secret").asText()).isNotEqualTo(secret);
  }

  @Test
  void usersNeedRecentMfaAndEveryChangeIsAuditedWhileRotationSignsWithBothSecrets() throws Exception {
    Merchant shop = merchant("Mfa Webhook Shop");
    MerchantReceiver hook = receiver(200);
    String withoutMfa = signIn(shop);
    String register = "{\"url\":\"" + hook.url() + "\",\"events\":[\"*\"]}";
    HttpResponse<String> refused = userCall("POST", "/api/v1/webhooks", withoutMfa, register);
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(401);
    assertThat(json(refused).path("code").asText()).isEqualTo("MFA_CHALLENGE_REQUIRED");
    assertThat(userCall("POST", "/api/webhooks/test", withoutMfa, "{\"eventType\":\"payment.succeeded\"}")
        .statusCode()).isEqualTo(401);
    assertThat(userCall("GET", "/api/v1/webhooks", withoutMfa, null).statusCode()).as("reading needs no MFA")
        .isEqualTo(200);

    String token = stepUp(withoutMfa);
    HttpResponse<String> created = userCall("POST", "/api/v1/webhooks", token, register);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
    String endpointId = json(created).path("id").asText();
    String oldSecret = json(created).path("secret").asText();
    SECRETS.add(oldSecret);

    HttpResponse<String> rotated = userCall("POST", "/api/v1/webhooks/" + endpointId + "/rotate-secret", token, null);
    assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(200);
    String newSecret = json(rotated).path("secret").asText();
    SECRETS.add(newSecret);
    assertThat(newSecret).matches("whsec_[0-9a-f]{64}").isNotEqualTo(oldSecret);
    assertThat(Instant.parse(json(rotated).path("previous_secret_signs_until").asText()))
        .isBetween(Instant.now().plus(Duration.ofHours(23)), Instant.now().plus(Duration.ofHours(25)));
    JsonNode listed = json(userCall("GET", "/api/v1/webhooks", token, null));
    assertThat(listed.path("data").get(0).has("secret")).isFalse();
    assertThat(listed.toString()).doesNotContain(oldSecret).doesNotContain(newSecret).doesNotContain("whsec_");

    HttpResponse<String> sent = userCall("POST", "/api/webhooks/test", token, "{\"eventType\":\"payment.failed\"}");
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
    MerchantReceiver.Request received = hook.requests().getFirst();
    assertThat(received.signature().split(",v1=")).as("both secrets sign during the overlap").hasSize(3);
    assertThat(stripeAccepts(received.body(), received.signature(), oldSecret)).isTrue();
    assertThat(stripeAccepts(received.body(), received.signature(), newSecret)).isTrue();
    assertThat(received.event().path("data").path("object").isObject()).isTrue();

    HttpResponse<String> deleted = userCall("DELETE", "/api/v1/webhooks/" + endpointId, token, null);
    assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(200);

    JsonNode audit = json(userCall("GET", "/api/v1/audit-logs?limit=100", token, null));
    List<String> actions = new ArrayList<>();
    audit.path("data").forEach(entry -> actions.add(entry.path("action").asText()));
    assertThat(actions).contains("webhook_endpoint.created", "webhook_endpoint.secret_rotated", "webhook.test.sent",
        "webhook_endpoint.deleted");
    assertThat(audit.toString()).doesNotContain(oldSecret).doesNotContain(newSecret);
  }

  /** A capture commits its two events as one outbox item; the stream's fan-out sends both. */
  @Test
  void bothEventsOfOneCommittedChangeReachAnEndpointSubscribedToBoth() throws Exception {
    Merchant shop = merchant("Both Events Shop");
    MerchantReceiver hook = receiver(200);
    JsonNode endpoint = register(shop, hook.url(), "payment.succeeded", "checkout.session.completed");
    String paymentId = pay(shop, 1700);

    MerchantReceiver.Request paid = awaitRequest(hook, "payment.succeeded");
    MerchantReceiver.Request completed = awaitRequest(hook, "checkout.session.completed");
    assertThat(paid.event().path("data").path("object").path("id").asText()).isEqualTo(paymentId);
    assertThat(completed.event().path("data").path("object").path("payment_id").asText()).isEqualTo(paymentId);
    assertThat(completed.event().path("sequence").asLong()).isEqualTo(paid.event().path("sequence").asLong());
    assertThat(stripeAccepts(completed.body(), completed.signature(), endpoint.path("secret").asText())).isTrue();
    assertThat(json(call("GET", "/api/v1/events", shop.apiKey(), null)).path("data"))
        .as("the feed holds exactly what was sent").containsExactly(paid.event(), completed.event());
    String endpointId = endpoint.path("id").asText();
    JsonNode log = Awaitility.await().atMost(ARRIVES_WITHIN).pollInterval(POLL).until(
        () -> json(call("GET", "/api/v1/webhooks/deliveries?endpoint=" + endpointId, shop.apiKey(), null)),
        page -> page.path("data").size() == 2 && allSucceeded(page.path("data")));
    assertThat(log.path("data")).extracting(delivery -> delivery.path("event_id").asText())
        .containsExactlyInAnyOrder(paid.eventIdHeader(), completed.eventIdHeader());
    assertThat(hook.requests()).as("each once").hasSize(2);
  }

  @Test
  void anotherTenantSeesNoneOfTheEndpointsDeliveriesOrEvents() throws Exception {
    Merchant alpha = merchant("Alpha Hooks");
    Merchant beta = merchant("Beta Hooks");
    MerchantReceiver hook = receiver(200);
    JsonNode endpoint = register(alpha, hook.url(), "payment.succeeded");
    String endpointId = endpoint.path("id").asText();
    pay(alpha, 900);
    awaitRequest(hook, "payment.succeeded");
    JsonNode delivery = Awaitility.await().atMost(ARRIVES_WITHIN).pollInterval(POLL).until(() -> onlyDelivery(alpha, endpointId),
        found -> found != null && "succeeded".equals(found.path("status").asText()));
    String eventId = delivery.path("event_id").asText();

    assertThat(json(call("GET", "/api/v1/webhooks", beta.apiKey(), null)).path("data")).isEmpty();
    assertThat(call("DELETE", "/api/v1/webhooks/" + endpointId, beta.apiKey(), null).statusCode()).isEqualTo(404);
    assertThat(call("POST", "/api/v1/webhooks/" + endpointId + "/rotate-secret", beta.apiKey(), null).statusCode())
        .isEqualTo(404);
    assertThat(json(call("GET", "/api/v1/webhooks/deliveries", beta.apiKey(), null)).path("data")).isEmpty();
    assertThat(json(call("GET", "/api/v1/webhooks/deliveries?endpoint=" + endpointId, beta.apiKey(), null))
        .path("data")).isEmpty();
    assertThat(json(call("GET", "/api/v1/webhooks/deliveries?event=" + eventId, beta.apiKey(), null))
        .path("data")).isEmpty();
    assertThat(call("POST", "/api/v1/webhooks/deliveries/" + delivery.path("id").asText() + "/redeliver",
        beta.apiKey(), null).statusCode()).isEqualTo(404);
    assertThat(json(call("GET", "/api/v1/events", beta.apiKey(), null)).path("data")).isEmpty();
    assertThat(json(call("GET", "/api/v1/events?after=" + eventId, beta.apiKey(), null)).path("data")).isEmpty();
    assertThat(call("POST", "/api/webhooks/test", beta.apiKey(), "{\"eventType\":\"payment.succeeded\"}")
        .statusCode()).as("alpha's endpoint is not beta's").isEqualTo(422);

    assertThat(json(call("GET", "/api/v1/webhooks", alpha.apiKey(), null)).path("data"))
        .extracting(e -> e.path("id").asText()).containsExactly(endpointId);
    assertThat(json(call("GET", "/api/v1/events", alpha.apiKey(), null)).path("data"))
        .extracting(e -> e.path("type").asText(), e -> e.path("id").asText().equals(eventId))
        .containsExactly(org.assertj.core.groups.Tuple.tuple("payment.succeeded", true),
            org.assertj.core.groups.Tuple.tuple("checkout.session.completed", false));
    assertThat(hook.requests()).hasSize(1);
  }

  /** A lost answer can be asked for again: the same key replays the one endpoint and its secret. */
  @Test
  void registrationHonoursIdempotencyKey() throws Exception {
    Merchant shop = merchant("Retrying Shop");
    MerchantReceiver hook = receiver(200);
    String body = JSON.writeValueAsString(Map.of("url", hook.url(), "events", List.of("payment.succeeded")));
    HttpResponse<String> first = call("POST", "/api/v1/webhooks", shop.apiKey(), body, "register-hook-1");
    HttpResponse<String> again = call("POST", "/api/v1/webhooks", shop.apiKey(), body, "register-hook-1");
    HttpResponse<String> other = call("POST", "/api/v1/webhooks", shop.apiKey(),
        body.replace("payment.succeeded", "refund.succeeded"), "register-hook-1");
    SECRETS.add(json(first).path("secret").asText());

    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    assertThat(again.body()).isEqualTo(first.body());
    assertThat(again.headers().firstValue("idempotent-replayed")).hasValue("true");
    assertThat(other.statusCode()).isEqualTo(422);
    assertThat(json(other).path("code").asText()).isEqualTo("idempotency_error");
    assertThat(json(call("GET", "/api/v1/webhooks", shop.apiKey(), null)).path("data")).hasSize(1);
  }

  @Test
  void badFiltersAndIdsAreClearRefusals() throws Exception {
    Merchant shop = merchant("Filter Shop");
    for (String query : List.of("status=bogus", "endpoint=we_nope", "event=payment.succeeded", "limit=0",
        "limit=101", "limit=ten", "cursor=%25%25%25")) {
      HttpResponse<String> refused = call("GET", "/api/v1/webhooks/deliveries?" + query, shop.apiKey(), null);
      assertThat(refused.statusCode()).as("%s: %s", query, refused.body()).isEqualTo(400);
      assertThat(json(refused).path("errors").size()).as(query).isEqualTo(1);
    }
    String foreignCursor = java.util.Base64.getUrlEncoder().withoutPadding()
        .encodeToString("wd_nope".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    HttpResponse<String> foreign = call("GET", "/api/v1/webhooks/deliveries?cursor=" + foreignCursor, shop.apiKey(),
        null);
    assertThat(foreign.statusCode()).as("a well-formed cursor this API never returned: %s", foreign.body())
        .isEqualTo(400);
    for (String query : List.of("after=evt_nope", "limit=0", "limit=1000")) {
      HttpResponse<String> refused = call("GET", "/api/v1/events?" + query, shop.apiKey(), null);
      assertThat(refused.statusCode()).as("%s: %s", query, refused.body()).isEqualTo(400);
    }
    HttpResponse<String> badRequest = call("POST", "/api/v1/webhooks", shop.apiKey(),
        "{\"url\":\"http://127.0.0.1:9/hook\",\"events\":[\"payment.exploded\"]}");
    assertThat(badRequest.statusCode()).isEqualTo(400);
    assertThat(json(badRequest).path("errors").has("events")).isTrue();
    assertThat(call("POST", "/api/v1/webhooks", shop.apiKey(), "{\"url\":\"http://127.0.0.1:9/hook\"}").statusCode())
        .isEqualTo(400);
    assertThat(json(call("GET", "/api/v1/webhooks", shop.apiKey(), null)).get("data"))
        .as("a refused registration leaves no endpoint").isNotNull().isEmpty();
    for (String data : List.of("[1]", "\"x\"", "3")) {
      HttpResponse<String> notAnObject = call("POST", "/api/webhooks/test", shop.apiKey(),
          "{\"eventType\":\"payment.succeeded\",\"data\":" + data + "}");
      assertThat(notAnObject.statusCode()).as("data %s: %s", data, notAnObject.body()).isEqualTo(400);
      assertThat(json(notAnObject).path("errors").has("data")).as(data).isTrue();
    }
    assertThat(json(call("GET", "/api/v1/webhooks/deliveries", shop.apiKey(), null)).get("data"))
        .as("a refused test send records no delivery").isNotNull().isEmpty();
    assertThat(call("POST", "/api/v1/webhooks/deliveries/wd_" + "0".repeat(26) + "/redeliver", shop.apiKey(), null)
        .statusCode()).isEqualTo(404);
    assertThat(call("POST", "/api/v1/webhooks/deliveries/nope/redeliver", shop.apiKey(), null).statusCode())
        .isEqualTo(404);
    assertThat(call("DELETE", "/api/v1/webhooks/nope", shop.apiKey(), null).statusCode()).isEqualTo(404);
  }

  /**
   * The runner's demo: the receiver registered for the demo tenant through the API gets a paid
   * checkout's event, verified with the secret registration answered, and prints it (never the
   * secret); an unsigned POST is refused and printed as such.
   */
  @Test
  void theDemoReceiverGetsTheDemoTenantsPaymentVerified() throws Exception {
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8);
    try (DemoReceiver receiver = DemoReceiver.start(Clock.systemUTC(), out)) {
      DemoTenant.Seeded demo = DemoTenant.seed(gateway, receiver, out).orElseThrow();
      assertThat(demo.webhookEndpointId()).as(console.toString(StandardCharsets.UTF_8)).isPresent();
      JsonNode listed = json(call("GET", "/api/v1/webhooks", demo.apiKey(), null));
      assertThat(listed.path("data").get(0).path("url").asText()).isEqualTo(receiver.url().toString());

      String paymentId = pay(new Merchant(demo.tenantId(), demo.apiKey(), null, null), 4200);
      DemoReceiver.Received paid = Awaitility.await().atMost(ARRIVES_WITHIN).pollInterval(POLL).until(
          () -> receiver.received().stream().filter(r -> r.type().equals("payment.succeeded")).findFirst(),
          java.util.Optional::isPresent).orElseThrow();
      assertThat(paid.verified()).as(paid.failure().toString()).isTrue();
      assertThat(JSON.readTree(paid.body()).path("data").path("object").path("id").asText()).isEqualTo(paymentId);
      assertThat(console.toString(StandardCharsets.UTF_8))
          .contains("[demo receiver] payment.succeeded " + paid.eventId() + "  signature verified");

      HttpResponse<String> forged = HTTP.send(HttpRequest.newBuilder(receiver.url())
          .header("Tender-Signature", "t=" + Instant.now().getEpochSecond() + ",v1=" + "0".repeat(64))
          .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"evt_forged\",\"type\":\"payment.succeeded\"}")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(forged.statusCode()).isEqualTo(400);
      assertThat(receiver.received().getLast().verified()).isFalse();
      assertThat(console.toString(StandardCharsets.UTF_8))
          .contains("payment.succeeded evt_forged  signature NOT verified: SIGNATURE_MISMATCH")
          .doesNotContain("whsec_");
    }
  }

  /** Secrets are answered once and shown nowhere else: not in lists, not in any function's log line. */
  @Test
  void signingSecretsNeverReachListsOrLogs() throws Exception {
    Merchant shop = merchant("Quiet Shop");
    MerchantReceiver hook = receiver(500);
    JsonNode endpoint = register(shop, hook.url(), "*");
    JsonNode rotated = json(call("POST", "/api/v1/webhooks/" + endpoint.path("id").asText() + "/rotate-secret",
        shop.apiKey(), null));
    SECRETS.add(rotated.path("secret").asText());
    call("POST", "/api/webhooks/test", shop.apiKey(), "{\"eventType\":\"checkout.session.completed\"}");
    pay(shop, 700);
    Awaitility.await().atMost(ARRIVES_WITHIN).pollInterval(POLL).until(() -> !hook.ofType("payment.succeeded").isEmpty());
    Awaitility.await().atMost(ARRIVES_WITHIN).pollInterval(POLL).until(() -> !logs.withMessage("webhook attempt").isEmpty());

    String lists = call("GET", "/api/v1/webhooks", shop.apiKey(), null).body()
        + call("GET", "/api/v1/webhooks/deliveries", shop.apiKey(), null).body()
        + call("GET", "/api/v1/events", shop.apiKey(), null).body();
    assertThat(lists).doesNotContain("whsec_");
    assertThat(SECRETS).hasSizeGreaterThanOrEqualTo(2);
    for (String secret : SECRETS) {
      assertThat(lists).doesNotContain(secret);
      assertThat(logs.mentions(secret)).as("a function logged a secret handed out").isFalse();
    }
    assertThat(logs.mentions("whsec_")).isFalse();
  }

  // --- merchants, endpoints and payments ---

  private static Merchant merchant(String name, String... approvedDomains) throws Exception {
    List<String> domains = approvedDomains.length == 0 ? List.of("127.0.0.1") : List.of(approvedDomains);
    String email = "owner@" + name.toLowerCase().replaceAll("[^a-z0-9]+", "-") + ".test";
    Invocation result = gateway.invoke("BootstrapTenantFunction", JSON.writeValueAsBytes(Map.of(
        "tenantName", name, "ownerEmail", email, "approvedDomains", domains)));
    JsonNode answer = JSON.readTree(((Invocation.Succeeded) result).output());
    assertThat(answer.path("success").asBoolean()).as(answer.toString()).isTrue();
    Merchant merchant = new Merchant(answer.path("tenantId").asText(), answer.path("testApiKey").path("secret").asText(),
        email, answer.path("ownerPassword").asText());
    SECRETS.add(merchant.apiKey());
    SECRETS.add(merchant.password());
    setRateLimits(merchant, Map.of());
    return merchant;
  }

  /**
   * The operator's override of {@code limits}; the delivery log's read limit is always raised,
   * since the tests poll it while they wait.
   */
  private static void setRateLimits(Merchant merchant, Map<String, Integer> limits) throws Exception {
    Map<String, Integer> all = new LinkedHashMap<>(Map.of("webhooks.read", 1_000));
    all.putAll(limits);
    Invocation result = gateway.invoke("BootstrapTenantFunction", JSON.writeValueAsBytes(Map.of(
        "action", "setRateLimits", "tenantId", merchant.tenantId(), "rateLimits", all)));
    assertThat(JSON.readTree(((Invocation.Succeeded) result).output()).path("success").asBoolean()).isTrue();
  }

  private static MerchantReceiver receiver(int status) {
    MerchantReceiver receiver = MerchantReceiver.answering(status);
    RECEIVERS.add(receiver);
    return receiver;
  }

  private static JsonNode register(Merchant merchant, String url, String... events) throws Exception {
    HttpResponse<String> created = call("POST", "/api/v1/webhooks", merchant.apiKey(),
        JSON.writeValueAsString(Map.of("url", url, "events", List.of(events))));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
    JsonNode endpoint = json(created);
    SECRETS.add(endpoint.path("secret").asText());
    return endpoint;
  }

  private static HttpResponse<String> registerRaw(Merchant merchant, String url) throws Exception {
    return call("POST", "/api/v1/webhooks", merchant.apiKey(),
        JSON.writeValueAsString(Map.of("url", url, "events", List.of("payment.succeeded"))));
  }

  /** A checkout paid on the sandbox's hosted page; returns its payment id. */
  private static String pay(Merchant merchant, long amount) throws Exception {
    HttpResponse<String> created = call("POST", "/api/v1/checkout/sessions", merchant.apiKey(),
        "{\"amount\":" + amount + ",\"currency\":\"USD\",\"reference\":\"order_" + amount + "\","
            + "\"methodTypes\":[\"card\"],\"successUrl\":\"https://shop.test/success\","
            + "\"cancelUrl\":\"https://shop.test/cancel\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
    JsonNode session = json(created);
    String stripeSession = URI.create(session.path("redirect_url").asText()).getPath().replaceAll(".*/", "");
    assertThat(sandboxes.stripe().hostedPagePay(stripeSession)).isPresent();
    return session.path("payment_id").asText();
  }

  private static MerchantReceiver.Request awaitRequest(MerchantReceiver receiver, String type) {
    return Awaitility.await().atMost(ARRIVES_WITHIN).pollInterval(POLL).until(() -> receiver.ofType(type), found -> !found.isEmpty())
        .getFirst();
  }

  private static JsonNode onlyDelivery(Merchant merchant, String endpointId) throws Exception {
    JsonNode data = json(call("GET", "/api/v1/webhooks/deliveries?endpoint=" + endpointId, merchant.apiKey(), null))
        .path("data");
    return data.size() == 1 ? data.get(0) : null;
  }

  private static JsonNode delivery(Merchant merchant, String deliveryId) throws Exception {
    for (JsonNode delivery : json(call("GET", "/api/v1/webhooks/deliveries?limit=100", merchant.apiKey(), null))
        .path("data")) {
      if (delivery.path("id").asText().equals(deliveryId)) {
        return delivery;
      }
    }
    throw new AssertionError("no delivery " + deliveryId + " in the log");
  }

  private static boolean allSucceeded(JsonNode deliveries) {
    for (JsonNode delivery : deliveries) {
      if (!"succeeded".equals(delivery.path("status").asText())) {
        return false;
      }
    }
    return true;
  }

  /**
   * Moves a pending delivery's next attempt, and its place in the due index, to a second ago, as
   * if its two minutes had passed: the functions run on the system clock, so the time moves on the
   * one delivery instead.
   */
  private static void retryDueNow(Merchant merchant, String deliveryId) {
    Instant past = Instant.now().minusSeconds(1);
    String table = gateway.template().tables().get("TenderTable").tableName();
    gateway.dynamoDb().updateItem(update -> update.tableName(table)
        .key(Map.of("pk", AttributeValue.fromS("T#" + merchant.tenantId() + "#test#WHDELIVERY#"
                + LocalDate.ofInstant(Ids.createdAt("wd", deliveryId).orElseThrow(), ZoneOffset.UTC)),
            "sk", AttributeValue.fromS(deliveryId)))
        .updateExpression("SET nextAttemptAt = :at, dueSk = :due")
        .conditionExpression("attribute_exists(dueSk)")
        .expressionAttributeValues(Map.of(":at", AttributeValue.fromS(past.toString()),
            ":due", AttributeValue.fromS(String.format("%012d", past.getEpochSecond()) + "#" + deliveryId))));
  }

  private static void fire(String scheduledFunction) throws Exception {
    HttpResponse<String> fired = HTTP.send(HttpRequest.newBuilder(
            gateway.baseUrl().resolve("/_local/schedules/" + scheduledFunction))
        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(fired.statusCode()).as(fired.body()).isEqualTo(200);
  }

  // --- users ---

  private static String signIn(Merchant merchant) throws Exception {
    JsonNode session = json(userCall("POST", "/api/v1/auth/login", null,
        JSON.writeValueAsString(Map.of("email", merchant.email(), "password", merchant.password()))));
    String token = session.path("token").asText();
    SECRETS.add(token);
    return token;
  }

  /** Enrols TOTP and verifies with the next time step's code (each code works once). */
  private static String stepUp(String token) throws Exception {
    JsonNode enrollment = json(userCall("POST", "/api/v1/auth/mfa/enroll", token, null));
    byte[] secret = Base32.decode(enrollment.path("secret").asText());
    Totp totp = new Totp(Clock.systemUTC());
    Instant now = Instant.now();
    JsonNode confirmed = json(userCall("POST", "/api/v1/auth/mfa/confirm", token,
        "{\"code\":\"" + totp.code(secret, now, TotpParameters.DEFAULT) + "\"}"));
    assertThat(confirmed.path("recoveryCodes")).hasSize(10);
    JsonNode verified = json(userCall("POST", "/api/v1/auth/mfa/verify", token,
        "{\"code\":\"" + totp.code(secret, now.plusSeconds(30), TotpParameters.DEFAULT) + "\"}"));
    assertThat(verified.path("mfaVerified").asBoolean()).as(verified.toString()).isTrue();
    SECRETS.add(verified.path("token").asText());
    return verified.path("token").asText();
  }

  // --- HTTP ---

  private static HttpResponse<String> call(String method, String path, String apiKey, String body) throws Exception {
    return call(method, path, apiKey, body, null);
  }

  private static HttpResponse<String> call(String method, String path, String apiKey, String body,
      String idempotencyKey) throws Exception {
    HttpRequest.Builder request = request(method, path, body).header("x-api-key", apiKey);
    if (idempotencyKey != null) {
      request.header("idempotency-key", idempotencyKey);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> userCall(String method, String path, String token, String body)
      throws Exception {
    HttpRequest.Builder request = request(method, path, body);
    if (token != null) {
      request.header("authorization", "Bearer " + token);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpRequest.Builder request(String method, String path, String body) {
    return HttpRequest.newBuilder(URI.create(gateway.baseUrl() + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .header("content-type", "application/json");
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    return JSON.readTree(response.body());
  }

  // --- the merchant's verifier ---

  /** stripe-java's own check, the one a merchant with Stripe tooling runs: signature and 5-minute tolerance. */
  private static boolean stripeAccepts(String payload, String header, String secret) {
    try {
      return Webhook.Signature.verifyHeader(payload, header, secret, TOLERANCE_SECONDS);
    } catch (SignatureVerificationException e) {
      return false;
    }
  }

  /** The body with one ASCII byte changed. */
  private static String tamper(String body, int at) {
    char[] chars = body.toCharArray();
    chars[at] = chars[at] == 'x' ? 'y' : 'x';
    return new String(chars);
  }
}
