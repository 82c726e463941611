package io.tender.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tender.core.auth.Base32;
import io.tender.core.auth.Totp;
import io.tender.core.auth.TotpParameters;
import io.tender.local.function.Invocation;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The platform layer over HTTP on the project's template: operator bootstrap, sign-in, MFA
 * enrolment and step-up, API keys shown once and refused once revoked, idempotency, rate-limit
 * headers, tenant isolation and the audit trail.
 */
class PlatformEndToEndTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /** Everything the in-process functions print while this class runs, checked for secrets at the end. */
  private static final java.io.ByteArrayOutputStream CONSOLE = new java.io.ByteArrayOutputStream();
  private static final List<String> SECRETS_HANDED_OUT = new java.util.concurrent.CopyOnWriteArrayList<>();
  private static java.io.PrintStream originalOut;

  private static LocalGateway gateway;
  private static Merchant alpha;
  private static Merchant beta;
  private static Merchant gamma;

  /** A bootstrapped tenant and its owner's MFA-verified session. */
  record Merchant(String tenantId, String testKey, String email, String password, String token) {}

  @BeforeAll
  static void start() throws Exception {
    originalOut = System.out;
    java.io.PrintStream console = originalOut;
    System.setOut(new java.io.PrintStream(new java.io.OutputStream() {
      @Override
      public void write(int b) {
        console.write(b);
        CONSOLE.write(b);
      }

      @Override
      public void write(byte[] bytes, int offset, int length) {
        console.write(bytes, offset, length);
        CONSOLE.write(bytes, offset, length);
      }
    }, true, StandardCharsets.UTF_8));
    gateway = LocalGateway.start(LocalGatewayOptions.defaults(Path.of("../../template.yaml")).withPort(0));
    alpha = signedInWithMfa(bootstrap("Alpha Shop", "owner@alpha.test"));
    beta = signedInWithMfa(bootstrap("Beta Shop", "owner@beta.test"));
    gamma = signedInWithMfa(bootstrap("Gamma Shop", "owner@gamma.test"));
  }

  @AfterAll
  static void stop() {
    gateway.close();
    System.setOut(originalOut);
    String console = CONSOLE.toString(StandardCharsets.UTF_8);
    assertThat(SECRETS_HANDED_OUT).isNotEmpty();
    for (String secret : SECRETS_HANDED_OUT) {
      assertThat(console).as("no API key, password, session token or TOTP secret reaches a log")
          .doesNotContain(secret);
    }
  }

  @Test
  void anApiKeyIsShownOnceWorksAndIsRefusedAfterRevocation() throws Exception {
    JsonNode created = json(send("POST", "/api/keys:create", alpha.token(), "{\"name\":\"Production Server\"}"));
    String secret = created.path("secret").asText();
    SECRETS_HANDED_OUT.add(secret);
    assertThat(secret).startsWith("sk_test_");
    assertThat(created.path("prefix").asText()).isEqualTo("sk_test");
    assertThat(created.path("created_at").asText()).isNotBlank();

    HttpResponse<String> listed = send("GET", "/api/keys", alpha.token(), null);
    assertThat(listed.statusCode()).isEqualTo(200);
    assertThat(listed.body()).contains(created.path("id").asText()).doesNotContain(secret);

    HttpResponse<String> revoked = send("POST", "/api/keys:revoke", alpha.token(),
        "{\"keyId\":\"" + created.path("id").asText() + "\"}");
    assertThat(revoked.statusCode()).isEqualTo(200);
    assertThat(json(revoked).path("success").asBoolean()).isTrue();
    assertThat(json(revoked).path("revokedAt").asText()).isNotBlank();

    HttpResponse<String> refused = sendWithApiKey("GET", "/api/keys", secret);
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(json(refused).path("error").asText()).isEqualTo("Invalid or inactive API key");
  }

  @Test
  void anApiKeyAuthenticatesButMayNotManageKeys() throws Exception {
    HttpResponse<String> response = sendWithApiKey("GET", "/api/keys", alpha.testKey());

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(json(response).path("code").asText()).isEqualTo("INSUFFICIENT_PERMISSIONS");
  }

  @Test
  void managingKeysWithoutARecentSecondFactorAsksForMfa() throws Exception {
    String unverified = json(send("POST", "/api/v1/auth/login", null,
        "{\"email\":\"" + alpha.email() + "\",\"password\":\"" + alpha.password() + "\"}")).path("token").asText();

    HttpResponse<String> response = send("POST", "/api/keys:create", unverified, "{\"name\":\"x\"}");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(json(response)).isEqualTo(JSON.readTree("{\"error\":\"MFA required\",\"code\":\"MFA_CHALLENGE_REQUIRED\"}"));
  }

  @Test
  void aWrongPasswordAndAnUnknownAccountAnswerAlike() throws Exception {
    HttpResponse<String> wrong = send("POST", "/api/v1/auth/login", null,
        "{\"email\":\"" + alpha.email() + "\",\"password\":\"not-the-password-at-all\"}");
    HttpResponse<String> unknown = send("POST", "/api/v1/auth/login", null,
        "{\"email\":\"nobody@nowhere.test\",\"password\":\"not-the-password-at-all\"}");

    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(unknown.statusCode()).isEqualTo(401);
    assertThat(wrong.body()).isEqualTo(unknown.body());
    assertThat(wrong.headers().firstValue("x-ratelimit-limit")).isPresent();
  }

  @Test
  void anApiKeySecretIsNeverKeptForReplay() throws Exception {
    String body = "{\"name\":\"Retried key\"}";
    HttpResponse<String> first = send("POST", "/api/keys:create", gamma.token(), body, "retry-1");
    HttpResponse<String> again = send("POST", "/api/keys:create", gamma.token(), body, "retry-1");

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(again.headers().firstValue("idempotent-replayed")).isEmpty();
    assertThat(json(again).path("secret").asText()).isNotEqualTo(json(first).path("secret").asText());
    String table = gateway.template().tables().get("TenderTable").tableName();
    String secret = json(first).path("secret").asText();
    SECRETS_HANDED_OUT.add(secret);
    assertThat(gateway.dynamoDb().scanPaginator(scan -> scan.tableName(table)).items().stream()
        .map(Object::toString)).as("no item holds the secret").noneMatch(item -> item.contains(secret));
  }

  @Test
  void limitedRoutesCarryRateLimitHeaders() throws Exception {
    HttpResponse<String> first = send("GET", "/api/keys", beta.token(), null);
    HttpResponse<String> second = send("GET", "/api/keys", beta.token(), null);

    assertThat(first.headers().firstValue("x-ratelimit-limit")).hasValue("60");
    long reset = Long.parseLong(first.headers().firstValue("x-ratelimit-reset").orElseThrow());
    assertThat(reset).isGreaterThan(Instant.now().getEpochSecond() - 1);
    int remainingFirst = Integer.parseInt(first.headers().firstValue("x-ratelimit-remaining").orElseThrow());
    int remainingSecond = Integer.parseInt(second.headers().firstValue("x-ratelimit-remaining").orElseThrow());
    long secondReset = Long.parseLong(second.headers().firstValue("x-ratelimit-reset").orElseThrow());
    assertThat(remainingFirst).isBetween(0, 59);
    assertThat(secondReset == reset ? remainingSecond == remainingFirst - 1 : secondReset > reset)
        .as("the second request counts in the same window, or a new window has begun").isTrue();
  }

  @Test
  void anOperatorSetLimitIsEnforcedWith429AndRetryAfter() throws Exception {
    Map<String, String> delta = bootstrap("Delta Shop", "owner@delta.test");
    JsonNode set = JSON.readTree(((Invocation.Succeeded) gateway.invoke("BootstrapTenantFunction",
        ("{\"action\":\"setRateLimits\",\"tenantId\":\"" + delta.get("tenantId")
            + "\",\"rateLimits\":{\"api-keys.read\":3}}").getBytes(StandardCharsets.UTF_8))).output());
    assertThat(set.path("rateLimits").path("api-keys.read").asInt()).as(set.toString()).isEqualTo(3);
    String token = json(send("POST", "/api/v1/auth/login", null,
        "{\"email\":\"owner@delta.test\",\"password\":\"" + delta.get("password") + "\"}")).path("token").asText();

    // Seven quick requests span at most two windows, so one window sees a fourth request.
    HttpResponse<String> limited = null;
    for (int i = 0; i < 7 && limited == null; i++) {
      HttpResponse<String> response = send("GET", "/api/keys", token, null);
      assertThat(response.headers().firstValue("x-ratelimit-limit")).hasValue("3");
      if (response.statusCode() == 429) {
        limited = response;
      }
    }

    assertThat(limited).as("a request over the tenant's limit").isNotNull();
    assertThat(limited.headers().firstValue("retry-after")).isPresent();
    assertThat(limited.headers().firstValue("x-ratelimit-remaining")).hasValue("0");
    assertThat(json(limited).path("code").asText()).isEqualTo("RATE_LIMIT_EXCEEDED");
    assertThat(json(limited).path("retryAfter").asInt()).isBetween(1, 60);
  }

  @Test
  void aBadOperatorRequestIsRefusedAndCreatesNothing() throws Exception {
    String[] requests = {
        "{\"tenantName\":\"No Owner\"}",
        "{\"tenantName\":\"Bad\",\"ownerEmail\":\"not-an-email\"}",
        "{\"tenantName\":\"Weak\",\"ownerEmail\":\"weak@shop.test\",\"ownerPassword\":\"short\"}",
        "{\"tenantName\":\"Bad domain\",\"ownerEmail\":\"dom@shop.test\",\"approvedDomains\":[\"https://x.test/\"]}",
        "{\"tenantName\":\"Typo\",\"ownerEmial\":\"typo@shop.test\"}",
        "{\"action\":\"deleteEverything\"}",
        "{\"action\":\"setRateLimits\",\"tenantId\":\"" + alpha.tenantId() + "\",\"rateLimits\":{\"refunds\":1}}",
        "not json"};
    String table = gateway.template().tables().get("TenderTable").tableName();
    long tenantsBefore = countTenants(table);

    for (String request : requests) {
      JsonNode answer = JSON.readTree(((Invocation.Succeeded) gateway.invoke("BootstrapTenantFunction",
          request.getBytes(StandardCharsets.UTF_8))).output());
      assertThat(answer.path("success").asBoolean()).as(request).isFalse();
      assertThat(answer.path("error").asText()).as(request).isNotBlank();
    }

    assertThat(countTenants(table)).isEqualTo(tenantsBefore);
  }

  private static long countTenants(String table) {
    return gateway.dynamoDb().scanPaginator(scan -> scan.tableName(table)).items().stream()
        .filter(item -> item.get("pk").s().startsWith("TENANT#")).count();
  }

  @Test
  void anotherTenantsKeyIdAnswersNotFoundAndNeverAppearsInItsList() throws Exception {
    String alphaKeyId = json(send("POST", "/api/keys:create", alpha.token(), "{\"name\":\"Alpha only\"}"))
        .path("id").asText();

    HttpResponse<String> revoke = send("POST", "/api/keys:revoke", beta.token(), "{\"keyId\":\"" + alphaKeyId + "\"}");
    assertThat(revoke.statusCode()).isEqualTo(404);
    assertThat(json(revoke).path("code").asText()).isEqualTo("RESOURCE_NOT_FOUND");
    assertThat(send("GET", "/api/keys", beta.token(), null).body()).doesNotContain(alphaKeyId);
    assertThat(send("GET", "/api/v1/audit-logs", beta.token(), null).body()).doesNotContain(alphaKeyId);
  }

  @Test
  void testAndLiveKeysNeverMix() throws Exception {
    HttpResponse<String> live = HTTP.send(request("GET", "/api/keys", null)
        .header("authorization", "Bearer " + beta.token()).header("tender-mode", "live").build(),
        HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> test = send("GET", "/api/keys", beta.token(), null);

    assertThat(live.statusCode()).isEqualTo(200);
    assertThat(json(live).path("data")).isEmpty();
    assertThat(json(test).path("data")).isNotEmpty();
    assertThat(json(test).path("data").findValuesAsText("prefix")).containsOnly("sk_test");
  }

  @Test
  void xTenantMustNameTheCredentialsTenant() throws Exception {
    HttpResponse<String> response = HTTP.send(request("GET", "/api/keys", null)
        .header("authorization", "Bearer " + alpha.token()).header("x-tenant", beta.tenantId()).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(json(response).path("code").asText()).isEqualTo("TENANT_MISMATCH");
  }

  @Test
  void noCredentialIs401InTheSeedShape() throws Exception {
    HttpResponse<String> response = send("GET", "/api/keys", null, null);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(json(response)).isEqualTo(JSON.readTree(
        "{\"error\":\"Invalid or inactive API key\",\"code\":\"UNAUTHENTICATED\"}"));
  }

  @Test
  void theAuditTrailRecordsKeyActionsAndItsChainVerifies() throws Exception {
    String keyId = json(send("POST", "/api/keys:create", alpha.token(), "{\"name\":\"Audited\"}")).path("id").asText();
    send("POST", "/api/keys:revoke", alpha.token(), "{\"keyId\":\"" + keyId + "\"}");

    JsonNode log = json(send("GET", "/api/v1/audit-logs?limit=100", alpha.token(), null));
    List<String> actions = log.path("data").findValuesAsText("action");
    assertThat(actions).contains("api_key.created", "api_key.revoked", "user.mfa.enabled", "tenant.created");
    JsonNode revoked = log.path("data").get(actions.indexOf("api_key.revoked"));
    assertThat(revoked.path("details").path("keyId").asText()).isEqualTo(keyId);
    assertThat(revoked.path("actor").path("type").asText()).isEqualTo("user");
    assertThat(revoked.path("requestId").asText()).isNotBlank();

    JsonNode verified = json(send("GET", "/api/v1/audit-logs/verify", alpha.token(), null));
    assertThat(verified.path("intact").asBoolean()).isTrue();
    assertThat(verified.path("entriesChecked").asLong()).isGreaterThanOrEqualTo(actions.size());
  }

  private static Map<String, String> bootstrap(String name, String email) throws Exception {
    Invocation result = gateway.invoke("BootstrapTenantFunction",
        ("{\"tenantName\":\"" + name + "\",\"ownerEmail\":\"" + email + "\",\"approvedDomains\":[\"shop.test\"]}")
            .getBytes(StandardCharsets.UTF_8));
    JsonNode answer = JSON.readTree(((Invocation.Succeeded) result).output());
    assertThat(answer.path("success").asBoolean()).as(answer.toString()).isTrue();
    SECRETS_HANDED_OUT.add(answer.path("ownerPassword").asText());
    SECRETS_HANDED_OUT.add(answer.path("testApiKey").path("secret").asText());
    return Map.of("tenantId", answer.path("tenantId").asText(), "email", email,
        "password", answer.path("ownerPassword").asText(), "key", answer.path("testApiKey").path("secret").asText());
  }

  /** Signs in, enrols TOTP, and steps up with the next time step's code (each code works once). */
  private static Merchant signedInWithMfa(Map<String, String> owner) throws Exception {
    JsonNode session = json(send("POST", "/api/v1/auth/login", null,
        "{\"email\":\"" + owner.get("email") + "\",\"password\":\"" + owner.get("password") + "\"}"));
    String token = session.path("token").asText();
    SECRETS_HANDED_OUT.add(token);
    assertThat(session.path("mfaEnabled").asBoolean()).isFalse();

    JsonNode enrollment = json(send("POST", "/api/v1/auth/mfa/enroll", token, null));
    assertThat(enrollment.path("otpauthUri").asText()).startsWith("otpauth://totp/");
    byte[] secret = Base32.decode(enrollment.path("secret").asText());
    SECRETS_HANDED_OUT.add(enrollment.path("secret").asText());
    Totp totp = new Totp(Clock.systemUTC());
    Instant now = Instant.now();
    JsonNode confirmed = json(send("POST", "/api/v1/auth/mfa/confirm", token,
        "{\"code\":\"" + totp.code(secret, now, TotpParameters.DEFAULT) + "\"}"));
    assertThat(confirmed.path("recoveryCodes")).hasSize(10);
    confirmed.path("recoveryCodes").forEach(code -> SECRETS_HANDED_OUT.add(code.asText()));

    JsonNode verified = json(send("POST", "/api/v1/auth/mfa/verify", token,
        "{\"code\":\"" + totp.code(secret, now.plusSeconds(30), TotpParameters.DEFAULT) + "\"}"));
    assertThat(verified.path("mfaVerified").asBoolean()).as(verified.toString()).isTrue();
    return new Merchant(owner.get("tenantId"), owner.get("key"), owner.get("email"), owner.get("password"),
        verified.path("token").asText());
  }

  private static HttpRequest.Builder request(String method, String path, String body) {
    return HttpRequest.newBuilder(URI.create(gateway.baseUrl() + path)).method(method,
        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .header("content-type", "application/json");
  }

  private static HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
    return send(method, path, token, body, null);
  }

  private static HttpResponse<String> send(String method, String path, String token, String body, String idempotencyKey)
      throws Exception {
    HttpRequest.Builder request = request(method, path, body);
    if (token != null) {
      request.header("authorization", "Bearer " + token);
    }
    if (idempotencyKey != null) {
      request.header("idempotency-key", idempotencyKey);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> sendWithApiKey(String method, String path, String key) throws Exception {
    return HTTP.send(request(method, path, null).header("x-api-key", key).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    return JSON.readTree(response.body());
  }
}
