package io.tender.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tender.local.function.Invocation;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Payment links over HTTP: merchants create, list and deactivate them; payers read them and open
 * checkouts by slug alone, paying on the Stripe sandbox. Public calls come from loopback addresses
 * of their own (127.0.0.x), so each test has its own per-IP budgets — the production limits,
 * untouched.
 */
class PaymentLinkEndToEndTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient MERCHANT = HttpClient.newHttpClient();

  private static ProviderSandboxes sandboxes;
  private static LocalGateway gateway;
  private static Map<String, String> shop;
  private static Map<String, String> otherShop;

  @BeforeAll
  static void start() throws Exception {
    sandboxes = ProviderSandboxes.start(Clock.systemUTC());
    gateway = LocalGateway.start(sandboxes.wire(LocalGatewayOptions.defaults(Path.of("../../template.yaml")).withPort(0)));
    sandboxes.connect(gateway);
    shop = bootstrap("Link Shop", "owner@links.test");
    otherShop = bootstrap("Other Link Shop", "owner@other-links.test");
  }

  @AfterAll
  static void stop() {
    gateway.close();
    sandboxes.close();
  }

  @Test
  void aLinkIsCreatedReadPubliclyPaidThroughAndShownToItsMerchant() throws Exception {
    String body = "{\"slug\":\"e2e-summer-promo\",\"amount\":9900,\"currency\":\"USD\",\"reference\":\"promo_ref\","
        + "\"expires_at\":\"" + Instant.now().plus(Duration.ofDays(1)) + "\",\"usage_limit\":5}";
    HttpResponse<String> created = merchant("POST", "/api/v1/links", shop.get("key"), body, "link-create-1");
    HttpResponse<String> replayed = merchant("POST", "/api/v1/links", shop.get("key"), body, "link-create-1");

    assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
    JsonNode link = JSON.readTree(created.body());
    assertThat(link.path("slug").asText()).isEqualTo("e2e-summer-promo");
    assertThat(link.path("status").asText()).isEqualTo("active");
    assertThat(link.path("usage_limit").asLong()).isEqualTo(5);
    assertThat(link.path("success_url").asText()).as("the approved domain by default").isEqualTo("https://shop.test/");
    assertThat(replayed.body()).isEqualTo(created.body());
    assertThat(replayed.headers().firstValue("idempotent-replayed")).hasValue("true");

    HttpClient payer = from("127.0.0.11");
    HttpResponse<String> read = publicCall(payer, "GET", "/api/v1/links/e2e-summer-promo", null);
    assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
    JsonNode view = JSON.readTree(read.body());
    assertThat(fieldNames(view)).containsExactlyInAnyOrder("slug", "amount", "currency", "reference", "status",
        "expires_at", "isExpired", "usageLimitReached", "canPay");
    assertThat(view.path("amount").asLong()).isEqualTo(9900);
    assertThat(view.path("currency").asText()).isEqualTo("USD");
    assertThat(view.path("canPay").asBoolean()).isTrue();
    assertThat(view.path("isExpired").asBoolean()).isFalse();

    HttpResponse<String> opened = publicCall(payer, "POST", "/api/v1/links/e2e-summer-promo/checkout",
        "{\"methodTypes\":[\"card\"]}");
    assertThat(opened.statusCode()).as(opened.body()).isEqualTo(200);
    JsonNode checkout = JSON.readTree(opened.body());
    assertThat(fieldNames(checkout)).containsExactlyInAnyOrder("sessionId", "redirectUrl", "qrImageUrl", "expiresAt");
    assertThat(checkout.path("redirectUrl").asText()).startsWith(sandboxes.stripe().baseUrl().toString());
    assertThat(checkout.path("qrImageUrl").asText()).startsWith("data:image/svg+xml;base64,");
    String sessionId = checkout.path("sessionId").asText();

    String stripeSession = URI.create(checkout.path("redirectUrl").asText()).getPath().replaceAll(".*/", "");
    assertThat(sandboxes.stripe().hostedPagePay(stripeSession)).hasValue(URI.create("https://shop.test/"));
    Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
      JsonNode session = JSON.readTree(merchant("GET", "/api/v1/checkout/sessions/" + sessionId, shop.get("key"),
          null, null).body());
      assertThat(session.path("status").asText()).isEqualTo("completed");
      assertThat(session.path("amount").asLong()).isEqualTo(9900);
      assertThat(session.path("reference").asText()).isEqualTo("promo_ref");
    });

    JsonNode sessions = JSON.readTree(merchant("GET", "/api/v1/links/e2e-summer-promo/sessions", shop.get("key"),
        null, null).body());
    assertThat(sessions.path("data")).hasSize(1);
    assertThat(sessions.path("data").get(0).path("sessionId").asText()).isEqualTo(sessionId);
    JsonNode listed = find(JSON.readTree(merchant("GET", "/api/v1/links?limit=100", shop.get("key"), null, null)
        .body()).path("data"), "e2e-summer-promo");
    assertThat(listed.path("usage_count").asLong()).isEqualTo(1);
  }

  /** The seed's invariant: a limit of N never yields N+1 sessions, however the requests race. */
  @Test
  void tenConcurrentPublicCheckoutsOnALimitOfThreeOpenExactlyThreeSessions() throws Exception {
    createLink("e2e-race-three", 3, Instant.now().plus(Duration.ofHours(1)));

    ExecutorService pool = Executors.newFixedThreadPool(10);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<HttpResponse<String>>> answers = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      HttpClient payer = from("127.0.0." + (101 + i)); // one address each: no per-IP limit in the way
      answers.add(pool.submit(() -> {
        start.await();
        return publicCall(payer, "POST", "/api/v1/links/e2e-race-three/checkout", "{\"methodTypes\":[\"card\"]}");
      }));
    }
    start.countDown();
    Set<String> sessionIds = new HashSet<>();
    int usedUp = 0;
    for (Future<HttpResponse<String>> answer : answers) {
      HttpResponse<String> response = answer.get();
      if (response.statusCode() == 200) {
        sessionIds.add(JSON.readTree(response.body()).path("sessionId").asText());
      } else {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(410);
        assertThat(JSON.readTree(response.body()).path("code").asText()).isEqualTo("PAYMENT_LINK_USAGE_LIMIT_REACHED");
        usedUp++;
      }
    }
    pool.shutdown();

    assertThat(sessionIds).hasSize(3);
    assertThat(usedUp).isEqualTo(7);
    JsonNode recorded = JSON.readTree(merchant("GET", "/api/v1/links/e2e-race-three/sessions", shop.get("key"),
        null, null).body()).path("data");
    Set<String> recordedIds = new HashSet<>();
    recorded.forEach(session -> recordedIds.add(session.path("sessionId").asText()));
    assertThat(recordedIds).isEqualTo(sessionIds);
    JsonNode view = JSON.readTree(publicCall(from("127.0.0.100"), "GET", "/api/v1/links/e2e-race-three", null).body());
    assertThat(view.path("usageLimitReached").asBoolean()).isTrue();
    assertThat(view.path("canPay").asBoolean()).isFalse();
  }

  @Test
  void publicRoutesAreLimitedPerAddress() throws Exception {
    createLink("e2e-rate-limited", null, Instant.now().plus(Duration.ofHours(1)));

    // Seven quick checkouts span at most two one-minute windows, so one window sees a fourth.
    HttpClient busy = from("127.0.0.21");
    HttpResponse<String> limited = null;
    for (int i = 0; i < 7 && limited == null; i++) {
      HttpResponse<String> response = publicCall(busy, "POST", "/api/v1/links/e2e-rate-limited/checkout", null);
      assertThat(response.headers().firstValue("x-ratelimit-limit")).hasValue("3");
      if (response.statusCode() == 429) {
        limited = response;
      } else {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      }
    }
    assertThat(limited).as("a fourth checkout from one address within a minute").isNotNull();
    assertThat(limited.headers().firstValue("retry-after")).isPresent();
    assertThat(JSON.readTree(limited.body()).path("code").asText()).isEqualTo("RATE_LIMIT_EXCEEDED");
    assertThat(publicCall(from("127.0.0.22"), "POST", "/api/v1/links/e2e-rate-limited/checkout", null).statusCode())
        .as("another address has its own budget").isEqualTo(200);

    HttpClient reader = from("127.0.0.23");
    HttpResponse<String> limitedRead = null;
    for (int i = 0; i < 21 && limitedRead == null; i++) {
      HttpResponse<String> response = publicCall(reader, "GET", "/api/v1/links/e2e-rate-limited", null);
      assertThat(response.headers().firstValue("x-ratelimit-limit")).hasValue("10");
      limitedRead = response.statusCode() == 429 ? response : null;
    }
    assertThat(limitedRead).as("an eleventh read from one address within a minute").isNotNull();
  }

  @Test
  void inactiveExpiredAndUnknownLinksAreRefusedWithTheirOwnCodes() throws Exception {
    createLink("e2e-switch-off", null, Instant.now().plus(Duration.ofHours(1)));
    createLink("e2e-short-lived", null, Instant.now().plus(Duration.ofSeconds(2)));
    HttpClient payer = from("127.0.0.31");

    HttpResponse<String> off = merchant("POST", "/api/v1/links/e2e-switch-off/deactivate", shop.get("key"), null, null);
    assertThat(off.statusCode()).as(off.body()).isEqualTo(200);
    assertThat(JSON.readTree(off.body()).path("status").asText()).isEqualTo("inactive");
    HttpResponse<String> inactive = publicCall(payer, "POST", "/api/v1/links/e2e-switch-off/checkout", null);
    assertThat(inactive.statusCode()).isEqualTo(409);
    assertThat(JSON.readTree(inactive.body()).path("code").asText()).isEqualTo("PAYMENT_LINK_INACTIVE");
    JsonNode view = JSON.readTree(publicCall(payer, "GET", "/api/v1/links/e2e-switch-off", null).body());
    assertThat(view.path("status").asText()).isEqualTo("inactive");
    assertThat(view.path("canPay").asBoolean()).isFalse();

    Thread.sleep(2_100);
    HttpResponse<String> expired = publicCall(payer, "POST", "/api/v1/links/e2e-short-lived/checkout", null);
    assertThat(expired.statusCode()).isEqualTo(410);
    assertThat(JSON.readTree(expired.body()).path("code").asText()).isEqualTo("PAYMENT_LINK_EXPIRED");

    HttpResponse<String> unknown = publicCall(from("127.0.0.32"), "GET", "/api/v1/links/e2e-never-made", null);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(unknown.body()).path("code").asText()).isEqualTo("RESOURCE_NOT_FOUND");
    assertThat(publicCall(from("127.0.0.32"), "POST", "/api/v1/links/e2e-never-made/checkout", null).statusCode())
        .isEqualTo(404);
  }

  @Test
  void anotherTenantCanNeitherSeeNorDeactivateALinkNorTakeItsSlug() throws Exception {
    createLink("e2e-isolated", null, Instant.now().plus(Duration.ofHours(1)));
    String otherKey = otherShop.get("key");

    assertThat(merchant("POST", "/api/v1/links/e2e-isolated/deactivate", otherKey, null, null).statusCode())
        .isEqualTo(404);
    assertThat(merchant("GET", "/api/v1/links/e2e-isolated/sessions", otherKey, null, null).statusCode())
        .isEqualTo(404);
    JsonNode othersList = JSON.readTree(merchant("GET", "/api/v1/links", otherKey, null, null).body()).path("data");
    assertThat(find(othersList, "e2e-isolated")).isNull();
    HttpResponse<String> taken = merchant("POST", "/api/v1/links", otherKey, "{\"slug\":\"e2e-isolated\","
        + "\"amount\":100,\"currency\":\"USD\",\"reference\":\"x\",\"expires_at\":\""
        + Instant.now().plus(Duration.ofHours(1)) + "\",\"successUrl\":\"https://other.test/\","
        + "\"cancelUrl\":\"https://other.test/\"}", null);
    assertThat(taken.statusCode()).isEqualTo(409);
    assertThat(JSON.readTree(taken.body()).path("code").asText()).isEqualTo("CONFLICT");

    JsonNode still = JSON.readTree(publicCall(from("127.0.0.41"), "GET", "/api/v1/links/e2e-isolated", null).body());
    assertThat(still.path("status").asText()).isEqualTo("active");
  }

  @Test
  void badRequestsAreRefusedByFieldAndUsersNeedARecentSecondFactor() throws Exception {
    HttpResponse<String> bad = merchant("POST", "/api/v1/links", shop.get("key"),
        "{\"slug\":\"No\",\"amount\":100,\"currency\":\"USD\",\"reference\":\"r\",\"expires_at\":\"2001-01-01T00:00:00Z\","
            + "\"usage_limit\":0}", null);
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(fieldNames(JSON.readTree(bad.body()).path("errors")))
        .containsExactlyInAnyOrder("slug", "expires_at", "usage_limit");

    String token = JSON.readTree(send(MERCHANT, HttpRequest.newBuilder(uri("/api/v1/auth/login"))
        .header("content-type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"owner@links.test\",\"password\":\""
            + shop.get("password") + "\"}"))).body()).path("token").asText();
    HttpResponse<String> noMfa = send(MERCHANT, HttpRequest.newBuilder(uri("/api/v1/links"))
        .header("content-type", "application/json").header("authorization", "Bearer " + token)
        .POST(HttpRequest.BodyPublishers.ofString("{}")));
    assertThat(noMfa.statusCode()).isEqualTo(401);
    assertThat(JSON.readTree(noMfa.body()).path("code").asText()).isEqualTo("MFA_CHALLENGE_REQUIRED");

    createLink("e2e-audited", null, Instant.now().plus(Duration.ofHours(1)));
    merchant("POST", "/api/v1/links/e2e-audited/deactivate", shop.get("key"), null, null);
    merchant("POST", "/api/v1/links/e2e-audited/deactivate", shop.get("key"), null, null);
    JsonNode entries = JSON.readTree(send(MERCHANT, HttpRequest.newBuilder(uri("/api/v1/audit-logs?limit=100"))
        .header("authorization", "Bearer " + token)).body()).path("data");
    List<String> forThisLink = new ArrayList<>();
    entries.forEach(entry -> {
      if ("e2e-audited".equals(entry.path("details").path("slug").asText())) {
        forThisLink.add(entry.path("action").asText());
      }
    });
    assertThat(forThisLink).as("a repeated deactivation is not audited twice")
        .containsExactlyInAnyOrder("payment_link.created", "payment_link.deactivated");
  }

  private static void createLink(String slug, Integer usageLimit, Instant expiresAt) throws Exception {
    HttpResponse<String> created = merchant("POST", "/api/v1/links", shop.get("key"), "{\"slug\":\"" + slug
        + "\",\"amount\":1500,\"currency\":\"USD\",\"reference\":\"ref_" + slug + "\",\"expires_at\":\"" + expiresAt
        + "\"" + (usageLimit == null ? "" : ",\"usage_limit\":" + usageLimit) + "}", null);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
  }

  private static JsonNode find(JsonNode links, String slug) {
    for (JsonNode link : links) {
      if (slug.equals(link.path("slug").asText())) {
        return link;
      }
    }
    return null;
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** A payer's client whose connections come from {@code address}, one of the many loopback addresses. */
  private static HttpClient from(String address) throws Exception {
    return HttpClient.newBuilder().localAddress(InetAddress.getByName(address)).build();
  }

  private static HttpResponse<String> publicCall(HttpClient payer, String method, String path, String body)
      throws Exception {
    return send(payer, HttpRequest.newBuilder(uri(path)).header("content-type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)));
  }

  private static HttpResponse<String> merchant(String method, String path, String apiKey, String body,
      String idempotencyKey) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("content-type", "application/json")
        .header("x-api-key", apiKey)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (idempotencyKey != null) {
      request.header("idempotency-key", idempotencyKey);
    }
    return send(MERCHANT, request);
  }

  private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) throws Exception {
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static URI uri(String path) {
    return URI.create(gateway.baseUrl() + path);
  }

  /**
   * A merchant for these tests. Every test here creates its links in the same minute, more than
   * the 10 a minute a tenant may create, so the operator raises that one limit, as it would for a
   * merchant that asks.
   */
  private static Map<String, String> bootstrap(String name, String email) throws Exception {
    Invocation result = gateway.invoke("BootstrapTenantFunction", ("{\"tenantName\":\"" + name
        + "\",\"ownerEmail\":\"" + email + "\",\"approvedDomains\":[\"shop.test\"]}").getBytes(StandardCharsets.UTF_8));
    JsonNode answer = JSON.readTree(((Invocation.Succeeded) result).output());
    assertThat(answer.path("success").asBoolean()).as(answer.toString()).isTrue();
    Invocation raised = gateway.invoke("BootstrapTenantFunction", ("{\"action\":\"setRateLimits\",\"tenantId\":\""
        + answer.path("tenantId").asText() + "\",\"rateLimits\":{\"links.write\":100}}").getBytes(StandardCharsets.UTF_8));
    assertThat(JSON.readTree(((Invocation.Succeeded) raised).output()).path("success").asBoolean()).isTrue();
    return Map.of("key", answer.path("testApiKey").path("secret").asText(),
        "password", answer.path("ownerPassword").asText());
  }
}
