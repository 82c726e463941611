package io.tender.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tender.core.auth.Totp;
import io.tender.core.auth.TotpParameters;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Tenant isolation, route by route, over HTTP: tenant B's credentials (its owner's MFA-verified
 * session and its API key) against tenant A's ids answer exactly as ids that do not exist (404),
 * and nothing B is answered or listed ever holds A's data. The routes are read from the template
 * the gateway serves, so a new route fails here until it is given its case below.
 */
class TenantIsolationMatrixTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static ProviderSandboxes sandboxes;
  private static LocalGateway gateway;
  private static Accounts.Owner a;
  private static Accounts.Owner b;
  private static String aKeyId;
  private static String aSessionId;
  private static String aPaymentId;
  private static String aSlug;
  private static String aLinkSessionId;
  private static MerchantReceiver aHook;
  private static MerchantReceiver bHook;
  private static String aEndpointId;
  private static String aDeliveryId;
  private static String aEventId;

  /** Checks one route, given B's two credentials. */
  @FunctionalInterface
  private interface Case {
    void check(List<String> bCredentials) throws Exception;
  }

  @BeforeAll
  static void start() throws Exception {
    sandboxes = ProviderSandboxes.start(Clock.systemUTC());
    gateway = LocalGateway.start(sandboxes.wire(LocalGatewayOptions.defaults(Path.of("../../template.yaml")).withPort(0)));
    sandboxes.connect(gateway);
    a = Accounts.owner(gateway, "Isolation A", "owner@a-isolation.test", secret -> { });
    b = Accounts.owner(gateway, "Isolation B", "owner@b-isolation.test", secret -> { });

    aKeyId = json(ok(send("POST", "/api/keys:create", a.token(), "{\"name\":\"A only\"}"))).path("id").asText();
    aHook = MerchantReceiver.answering(200);
    bHook = MerchantReceiver.answering(200);
    aEndpointId = json(ok(send("POST", "/api/v1/webhooks", a.apiKey(), "{\"url\":\"" + aHook.url()
        + "\",\"events\":[\"*\"]}"))).path("id").asText();
    JsonNode session = json(ok(send("POST", "/api/v1/checkout/sessions", a.apiKey(), "{\"amount\":2500,"
        + "\"currency\":\"USD\",\"reference\":\"a-order\",\"successUrl\":\"https://a-isolation.test/ok\","
        + "\"cancelUrl\":\"https://a-isolation.test/cancel\"}")));
    aSessionId = session.path("id").asText();
    aPaymentId = session.path("payment_id").asText();
    String stripeSession = URI.create(session.path("redirect_url").asText()).getPath().replaceAll(".*/", "");
    sandboxes.stripe().hostedPagePay(stripeSession);
    Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(json(ok(send("GET",
        "/api/v1/checkout/sessions/" + aSessionId, a.apiKey(), null))).path("status").asText()).isEqualTo("completed"));
    // The payment's events reach A's endpoint: A has events and deliveries of its own.
    Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> json(ok(send("GET", "/api/v1/webhooks/deliveries",
        a.apiKey(), null))).path("data").size() > 0);
    aDeliveryId = json(send("GET", "/api/v1/webhooks/deliveries", a.apiKey(), null)).path("data").get(0).path("id").asText();
    aEventId = json(ok(send("GET", "/api/v1/events", a.apiKey(), null))).path("data").get(0).path("id").asText();
    aSlug = json(ok(send("POST", "/api/v1/links", a.apiKey(), "{\"amount\":700,\"currency\":\"USD\",\"reference\":"
        + "\"a-link\",\"expires_at\":\"" + Instant.now().plus(Duration.ofDays(1)) + "\"}"))).path("slug").asText();
    aLinkSessionId = json(ok(publicCall("POST", "/api/v1/links/" + aSlug + "/checkout", "{\"methodTypes\":[\"card\"]}")))
        .path("sessionId").asText();
  }

  @AfterAll
  static void stop() {
    aHook.close();
    bHook.close();
    gateway.close();
    sandboxes.close();
  }

  @TestFactory
  Stream<DynamicTest> everyRouteKeepsTenantsApart() {
    Map<String, Case> cases = cases();
    Set<String> served = new TreeSet<>();
    gateway.template().routes().forEach(route -> served.add(route.getValue().routeKey()));
    List<DynamicTest> tests = new ArrayList<>();
    for (String route : served) {
      Case check = cases.get(route);
      tests.add(DynamicTest.dynamicTest(route, () -> {
        assertThat(check).as("template.yaml serves " + route + " but this matrix has no case for it: add one").isNotNull();
        check.check(List.of(b.token(), b.apiKey()));
      }));
    }
    tests.add(DynamicTest.dynamicTest("every case is a route the template serves", () ->
        assertThat(served).containsAll(cases.keySet())));
    return tests.stream();
  }

  private static Map<String, Case> cases() {
    Map<String, Case> cases = new LinkedHashMap<>();
    cases.put("GET /api/health", credentials -> {
      for (String credential : credentials) {
        assertThat(noneOfA(send("GET", "/api/health", credential, null)).statusCode()).isEqualTo(200);
      }
    });

    // --- ids of A's, with B's credentials: not found, and A's resource untouched ---
    cases.put("GET /api/v1/checkout/sessions/{id}", credentials -> {
      for (String credential : credentials) {
        notFound(send("GET", "/api/v1/checkout/sessions/" + aSessionId, credential, null));
        notFound(send("GET", "/api/v1/checkout/sessions/" + aLinkSessionId, credential, null));
      }
      assertThat(json(ok(send("GET", "/api/v1/checkout/sessions/" + aSessionId, a.apiKey(), null))).path("status")
          .asText()).isEqualTo("completed");
    });
    cases.put("POST /api/v1/refunds", credentials -> {
      for (String credential : credentials) {
        notFound(send("POST", "/api/v1/refunds", credential, "{\"paymentId\":\"" + aPaymentId + "\",\"amount\":100}"));
      }
      assertThat(json(ok(send("GET", "/api/v1/checkout/sessions/" + aSessionId, a.apiKey(), null))).path("status")
          .asText()).as("nothing refunded").isEqualTo("completed");
    });
    cases.put("POST /api/keys:revoke", credentials -> {
      notFound(send("POST", "/api/keys:revoke", b.token(), "{\"keyId\":\"" + aKeyId + "\"}"));
      refusedBeforeLookup(send("POST", "/api/keys:revoke", b.apiKey(), "{\"keyId\":\"" + aKeyId + "\"}"));
      JsonNode aKey = null;
      for (JsonNode key : json(ok(send("GET", "/api/keys", a.token(), null))).path("data")) {
        aKey = aKeyId.equals(key.path("id").asText()) ? key : aKey;
      }
      assertThat(aKey).as("A's key is still listed").isNotNull();
      assertThat(aKey.path("revoked_at").isNull()).as("A's key is still active").isTrue();
    });
    cases.put("POST /api/v1/links/{slug}/deactivate", credentials -> {
      for (String credential : credentials) {
        notFound(send("POST", "/api/v1/links/" + aSlug + "/deactivate", credential, null));
      }
      assertThat(json(ok(publicCall("GET", "/api/v1/links/" + aSlug, null))).path("status").asText()).isEqualTo("active");
    });
    cases.put("GET /api/v1/links/{slug}/sessions", credentials -> {
      for (String credential : credentials) {
        notFound(send("GET", "/api/v1/links/" + aSlug + "/sessions", credential, null));
      }
    });

    // --- B's lists: never anything of A's ---
    cases.put("GET /api/keys", credentials -> {
      assertThat(noneOfA(ok(send("GET", "/api/keys", b.token(), null))).body()).contains("\"data\"");
      refusedBeforeLookup(send("GET", "/api/keys", b.apiKey(), null));
    });
    cases.put("GET /api/v1/links", credentials -> {
      String mine = json(ok(send("POST", "/api/v1/links", b.apiKey(), "{\"amount\":300,\"currency\":\"USD\","
          + "\"reference\":\"b-link\",\"expires_at\":\"" + Instant.now().plus(Duration.ofDays(1)) + "\"}"))).path("slug").asText();
      for (String credential : credentials) {
        assertThat(noneOfA(ok(send("GET", "/api/v1/links?limit=100", credential, null))).body()).contains(mine)
            .doesNotContain(aSlug);
      }
    });
    cases.put("GET /api/v1/audit-logs", credentials -> {
      assertThat(noneOfA(ok(send("GET", "/api/v1/audit-logs?limit=100", b.token(), null))).body())
          .contains("tenant.created").doesNotContain(aSlug);
    });
    cases.put("GET /api/v1/audit-logs/verify", credentials -> {
      assertThat(json(noneOfA(ok(send("GET", "/api/v1/audit-logs/verify", b.token(), null)))).path("intact").asBoolean())
          .isTrue();
    });

    // --- routes that act on the caller alone: B's call lands in B's tenant, and A's never changes ---
    cases.put("POST /api/keys:create", credentials -> {
      String made = json(noneOfA(ok(send("POST", "/api/keys:create", b.token(), "{\"name\":\"B only\"}")))).path("id").asText();
      assertThat(send("GET", "/api/keys", a.token(), null).body()).doesNotContain(made);
      refusedBeforeLookup(send("POST", "/api/keys:create", b.apiKey(), "{\"name\":\"B by key\"}"));
    });
    cases.put("POST /api/v1/checkout/sessions", credentials -> {
      for (String credential : credentials) {
        String made = json(noneOfA(ok(send("POST", "/api/v1/checkout/sessions", credential, "{\"amount\":900,"
            + "\"currency\":\"USD\",\"reference\":\"b-order\",\"successUrl\":\"https://b-isolation.test/ok\","
            + "\"cancelUrl\":\"https://b-isolation.test/cancel\"}")))).path("id").asText();
        notFound(send("GET", "/api/v1/checkout/sessions/" + made, a.apiKey(), null));
      }
    });
    cases.put("POST /api/v1/links", credentials -> {
      // Slugs are one link's across all tenants: A's is taken, and taking it fails without touching A's link.
      for (String credential : credentials) {
        HttpResponse<String> taken = send("POST", "/api/v1/links", credential, "{\"slug\":\"" + aSlug + "\","
            + "\"amount\":1,\"currency\":\"USD\",\"reference\":\"steal\",\"expires_at\":\""
            + Instant.now().plus(Duration.ofDays(1)) + "\"}");
        assertThat(taken.statusCode()).as(taken.body()).isEqualTo(409);
        assertThat(taken.body()).doesNotContain(a.tenantId(), aPaymentId, aSessionId);
      }
      JsonNode view = json(ok(publicCall("GET", "/api/v1/links/" + aSlug, null)));
      assertThat(view.path("amount").asLong()).isEqualTo(700);
      assertThat(view.path("reference").asText()).isEqualTo("a-link");
    });
    cases.put("POST /api/v1/auth/login", credentials -> {
      for (String[] attempt : List.of(new String[] {a.email(), b.password()}, new String[] {b.email(), a.password()})) {
        HttpResponse<String> refused = send("POST", "/api/v1/auth/login", null,
            "{\"email\":\"" + attempt[0] + "\",\"password\":\"" + attempt[1] + "\"}");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(401);
      }
    });
    cases.put("POST /api/v1/auth/mfa/verify", credentials -> {
      String aCode = new Totp(Clock.systemUTC()).code(a.totpSecret(), Instant.now().plusSeconds(60), TotpParameters.DEFAULT);
      assertThat(noneOfA(send("POST", "/api/v1/auth/mfa/verify", b.token(), "{\"code\":\"" + aCode + "\"}"))
          .statusCode()).as("A's code does not verify B").isBetween(400, 499);
      assertThat(noneOfA(send("POST", "/api/v1/auth/mfa/verify", b.token(),
          "{\"recoveryCode\":\"" + a.recoveryCodes().get(9) + "\"}")).statusCode()).isBetween(400, 499);
    });
    cases.put("POST /api/v1/auth/mfa/confirm", credentials -> {
      String aCode = new Totp(Clock.systemUTC()).code(a.totpSecret(), Instant.now().plusSeconds(90), TotpParameters.DEFAULT);
      assertThat(noneOfA(send("POST", "/api/v1/auth/mfa/confirm", b.token(), "{\"code\":\"" + aCode + "\"}"))
          .statusCode()).isBetween(400, 499);
    });
    cases.put("POST /api/v1/auth/mfa/enroll", credentials -> {
      HttpResponse<String> enroll = noneOfA(send("POST", "/api/v1/auth/mfa/enroll", b.token(), null));
      assertThat(enroll.statusCode()).as(enroll.body()).isLessThan(500);
      assertThat(enroll.body()).doesNotContain(a.email());
    });

    // --- public routes: known by slug alone, by design; they show only the link's public view ---
    cases.put("GET /api/v1/links/{slug}", credentials -> {
      HttpResponse<String> anonymous = ok(publicCall("GET", "/api/v1/links/" + aSlug, null));
      assertThat(anonymous.body()).doesNotContain(a.tenantId(), a.email(), aPaymentId, aSessionId, aLinkSessionId);
      for (String credential : credentials) {
        assertThat(json(send("GET", "/api/v1/links/" + aSlug, credential, null))).as("credentials change nothing")
            .isEqualTo(json(anonymous));
      }
    });
    cases.put("POST /api/v1/links/{slug}/checkout", credentials -> {
      JsonNode opened = json(ok(publicCall("POST", "/api/v1/links/" + aSlug + "/checkout", "{\"methodTypes\":[\"card\"]}")));
      assertThat(opened.toString()).doesNotContain(a.tenantId(), a.email(), aPaymentId);
      for (String credential : credentials) {
        notFound(send("GET", "/api/v1/checkout/sessions/" + opened.path("sessionId").asText(), credential, null));
      }
    });

    // --- merchant webhooks: endpoints, deliveries and events are the tenant's own ---
    cases.put("DELETE /api/v1/webhooks/{id}", credentials -> {
      for (String credential : credentials) {
        notFound(send("DELETE", "/api/v1/webhooks/" + aEndpointId, credential, null));
      }
      assertThat(send("GET", "/api/v1/webhooks", a.apiKey(), null).body()).as("A's endpoint stays")
          .contains(aEndpointId).doesNotContain("\"deleted\"");
    });
    cases.put("POST /api/v1/webhooks/{id}/rotate-secret", credentials -> {
      for (String credential : credentials) {
        notFound(send("POST", "/api/v1/webhooks/" + aEndpointId + "/rotate-secret", credential, null));
      }
      assertThat(json(ok(send("GET", "/api/v1/webhooks", a.apiKey(), null))).path("data").get(0)
          .path("previous_secret_signs_until").isNull()).as("A's secret was not rotated").isTrue();
    });
    cases.put("POST /api/v1/webhooks/deliveries/{id}/redeliver", credentials -> {
      int received = aHook.requests().size();
      for (String credential : credentials) {
        notFound(send("POST", "/api/v1/webhooks/deliveries/" + aDeliveryId + "/redeliver", credential, null));
      }
      Thread.sleep(500);
      assertThat(aHook.requests()).as("nothing sent again to A").hasSize(received);
    });
    cases.put("POST /api/v1/webhooks", credentials -> {
      String made = json(noneOfA(ok(send("POST", "/api/v1/webhooks", b.apiKey(), "{\"url\":\"" + bHook.url()
          + "\",\"events\":[\"*\"]}")))).path("id").asText();
      assertThat(send("GET", "/api/v1/webhooks", a.apiKey(), null).body()).doesNotContain(made);
    });
    cases.put("GET /api/v1/webhooks", credentials -> {
      for (String credential : credentials) {
        assertThat(noneOfA(ok(send("GET", "/api/v1/webhooks", credential, null))).body()).doesNotContain(aHook.url());
      }
    });
    cases.put("GET /api/v1/webhooks/deliveries", credentials -> {
      for (String credential : credentials) {
        noneOfA(ok(send("GET", "/api/v1/webhooks/deliveries?limit=100", credential, null)));
        HttpResponse<String> filtered = noneOfA(send("GET", "/api/v1/webhooks/deliveries?endpoint=" + aEndpointId,
            credential, null));
        assertThat(filtered.statusCode()).as(filtered.body()).isLessThan(500);
      }
    });
    cases.put("GET /api/v1/events", credentials -> {
      for (String credential : credentials) {
        noneOfA(ok(send("GET", "/api/v1/events?limit=100", credential, null)));
        // The feed echoes the cursor it was given (A's event id, sent by B) and nothing else of A's.
        HttpResponse<String> after = send("GET", "/api/v1/events?after=" + aEventId, credential, null);
        assertThat(after.statusCode()).as(after.body()).isLessThan(500);
        assertThat(json(after).path("data").size()).as(after.body()).isZero();
        assertThat(after.body().replace("\"next_after\":\"" + aEventId + "\"", ""))
            .doesNotContain(a.tenantId(), aEventId, aPaymentId, aSessionId, aEndpointId, aDeliveryId);
      }
    });
    cases.put("POST /api/webhooks/test", credentials -> {
      int received = aHook.requests().size();
      for (String credential : credentials) {
        HttpResponse<String> sent = noneOfA(send("POST", "/api/webhooks/test", credential,
            "{\"eventType\":\"payment.succeeded\",\"data\":{\"id\":\"pay_test\"}}"));
        assertThat(sent.statusCode()).as(sent.body()).isIn(200, 422);
        assertThat(sent.body()).doesNotContain(aHook.url());
      }
      assertThat(aHook.requests()).as("B's test event never goes to A's endpoint").hasSize(received);
    });

    // --- the provider's route: no tenant credential opens it; an unsigned event naming A's payment is refused ---
    cases.put("POST /api/webhooks/stripe", credentials -> {
      for (String credential : credentials) {
        HttpResponse<String> refused = send("POST", "/api/webhooks/stripe", credential, "{\"id\":\"evt_isolation\","
            + "\"type\":\"checkout.session.expired\",\"data\":{\"object\":{\"client_reference_id\":\"" + aPaymentId + "\"}}}");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
      }
      assertThat(json(ok(send("GET", "/api/v1/checkout/sessions/" + aSessionId, a.apiKey(), null))).path("status")
          .asText()).isEqualTo("completed");
    });
    return cases;
  }

  // --- checks ---

  /** Exactly as an id that does not exist: 404 in the route's error shape. */
  private static void notFound(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.request().uri() + " " + response.body()).isEqualTo(404);
    assertThat(json(response).path("code").asText()).isEqualTo("RESOURCE_NOT_FOUND");
    noneOfA(response);
  }

  /** Refused for the credential's kind (an API key may not manage keys) before any id is looked at. */
  private static void refusedBeforeLookup(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
    noneOfA(response);
  }

  /** Nothing of A's in what B was answered. */
  private static HttpResponse<String> noneOfA(HttpResponse<String> response) {
    assertThat(response.body()).as("B's answer from " + response.request().uri())
        .doesNotContain(a.tenantId(), a.email(), aKeyId, aSessionId, aPaymentId, aLinkSessionId, aEndpointId,
            aDeliveryId, aEventId, aHook.url());
    return response;
  }

  private static HttpResponse<String> ok(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.request().uri() + " " + response.body()).isEqualTo(200);
    return response;
  }

  // --- HTTP ---

  /** {@code credential}: a session token (sent as a bearer token), an API key ({@code sk_}), or none. */
  private static HttpResponse<String> send(String method, String path, String credential, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway.baseUrl() + path))
        .header("content-type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (credential != null) {
      request.header(credential.startsWith("sk_") ? "x-api-key" : "authorization",
          credential.startsWith("sk_") ? credential : "Bearer " + credential);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A payer's call from an address of its own, so the per-IP public limits are this test's alone. */
  private static HttpResponse<String> publicCall(String method, String path, String body) throws Exception {
    HttpClient payer = HttpClient.newBuilder().localAddress(InetAddress.getByName("127.0.0.31")).build();
    return payer.send(HttpRequest.newBuilder(URI.create(gateway.baseUrl() + path)).header("content-type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    return JSON.readTree(response.body());
  }
}
