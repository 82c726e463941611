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
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Tenants made through the operator function, and their owners signed in over HTTP with a
 * second factor, as a merchant's dashboard would. Every secret handed out on the way (password,
 * API key, session tokens, TOTP secret, recovery codes) goes to the caller's {@code secrets}.
 */
final class Accounts {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /** An owner with the tenant's first test API key, an MFA-verified session token and its second factor. */
  record Owner(String tenantId, String apiKey, String email, String password, String token, byte[] totpSecret,
      List<String> recoveryCodes) {}

  /** A signed-in owner's session and second factor. */
  record SignedIn(String token, byte[] totpSecret, List<String> recoveryCodes) {}

  private Accounts() {}

  static Owner owner(LocalGateway gateway, String tenantName, String email, Consumer<String> secrets) throws Exception {
    return owner(gateway, Clock.systemUTC(), tenantName, email, secrets);
  }

  /** As above, for a gateway on {@code clock}: its second factor's codes are of that clock's time. */
  static Owner owner(LocalGateway gateway, Clock clock, String tenantName, String email, Consumer<String> secrets)
      throws Exception {
    String slug = email.substring(email.indexOf('@') + 1);
    // The e-mail's domain first (links send payers back there); 127.0.0.1 for local webhook receivers.
    Invocation result = gateway.invoke("BootstrapTenantFunction", ("{\"tenantName\":\"" + tenantName
        + "\",\"ownerEmail\":\"" + email + "\",\"approvedDomains\":[\"" + slug + "\",\"127.0.0.1\"]}")
        .getBytes(StandardCharsets.UTF_8));
    JsonNode answer = JSON.readTree(((Invocation.Succeeded) result).output());
    assertThat(answer.path("success").asBoolean()).as(answer.toString()).isTrue();
    String password = answer.path("ownerPassword").asText();
    String apiKey = answer.path("testApiKey").path("secret").asText();
    secrets.accept(password);
    secrets.accept(apiKey);
    SignedIn signedIn = signInWithMfa(gateway, clock, email, password, secrets);
    return new Owner(answer.path("tenantId").asText(), apiKey, email, password, signedIn.token(),
        signedIn.totpSecret(), signedIn.recoveryCodes());
  }

  /** Signs in, enrols TOTP, confirms it and steps up with the next time step's code (each code works once). */
  static SignedIn signInWithMfa(LocalGateway gateway, String email, String password, Consumer<String> secrets)
      throws Exception {
    return signInWithMfa(gateway, Clock.systemUTC(), email, password, secrets);
  }

  static SignedIn signInWithMfa(LocalGateway gateway, Clock clock, String email, String password,
      Consumer<String> secrets) throws Exception {
    JsonNode session = json(post(gateway, "/api/v1/auth/login", null,
        "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}"));
    String token = session.path("token").asText();
    assertThat(token).as(session.toString()).isNotBlank();
    secrets.accept(token);
    JsonNode enrollment = json(post(gateway, "/api/v1/auth/mfa/enroll", token, null));
    String totpSecret = enrollment.path("secret").asText();
    secrets.accept(totpSecret);
    byte[] secret = Base32.decode(totpSecret);
    Totp totp = new Totp(clock);
    Instant now = clock.instant();
    JsonNode confirmed = json(post(gateway, "/api/v1/auth/mfa/confirm", token,
        "{\"code\":\"" + totp.code(secret, now, TotpParameters.DEFAULT) + "\"}"));
    assertThat(confirmed.path("recoveryCodes")).as(confirmed.toString()).hasSize(10);
    List<String> recoveryCodes = new java.util.ArrayList<>();
    confirmed.path("recoveryCodes").forEach(code -> recoveryCodes.add(code.asText()));
    recoveryCodes.forEach(secrets);
    JsonNode verified = json(post(gateway, "/api/v1/auth/mfa/verify", token,
        "{\"code\":\"" + totp.code(secret, now.plusSeconds(30), TotpParameters.DEFAULT) + "\"}"));
    assertThat(verified.path("mfaVerified").asBoolean()).as(verified.toString()).isTrue();
    secrets.accept(verified.path("token").asText());
    return new SignedIn(verified.path("token").asText(), secret, List.copyOf(recoveryCodes));
  }

  /** Raises the tenant's own limits so that a test's volume is not refused for speed. */
  static void raiseLimits(LocalGateway gateway, String tenantId, Map<String, Integer> limits) throws Exception {
    String body = "{\"action\":\"setRateLimits\",\"tenantId\":\"" + tenantId + "\",\"rateLimits\":"
        + JSON.writeValueAsString(limits) + "}";
    JsonNode answer = JSON.readTree(((Invocation.Succeeded) gateway.invoke("BootstrapTenantFunction",
        body.getBytes(StandardCharsets.UTF_8))).output());
    assertThat(answer.path("success").asBoolean()).as(answer.toString()).isTrue();
  }

  static final List<String> TENANT_LIMITS = List.of("checkout-session.create", "checkout-session.get", "refund.create",
      "api-keys", "api-keys.read", "audit.read", "mfa", "webhooks.read", "webhooks.write", "webhook.test", "events.read");

  private static HttpResponse<String> post(LocalGateway gateway, String path, String token, String body)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway.baseUrl() + path))
        .header("content-type", "application/json")
        .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("authorization", "Bearer " + token);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }
}
