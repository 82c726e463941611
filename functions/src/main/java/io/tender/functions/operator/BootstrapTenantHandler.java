package io.tender.functions.operator;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tender.adapter.json.Json;
import io.tender.adapter.platform.Platform;
import io.tender.core.error.ApiException;
import io.tender.core.tenant.TenantOnboarding;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;

/**
 * Operator-only: creates a tenant, its owner, its approved domains and a first test key. Not
 * behind API Gateway; invoked with {@code aws lambda invoke} (README, Operators) or by the local
 * runner to seed its demo tenant. The owner's password is generated unless given, and returned
 * once, like the key's secret.
 */
public final class BootstrapTenantHandler implements RequestStreamHandler {
  private static final String PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

  /**
   * {@code action} is {@code createTenant} (the default) or {@code approveDomains}, which adds
   * {@code approvedDomains} to the existing {@code tenantId}.
   */
  record Bootstrap(String action, String tenantId, String tenantName, String ownerEmail, String ownerPassword,
      List<String> approvedDomains) {}

  private final Platform platform;
  private final TenantOnboarding onboarding;

  public BootstrapTenantHandler() {
    this(Platform.fromEnvironment());
  }

  BootstrapTenantHandler(Platform platform) {
    this.platform = platform;
    this.onboarding = new TenantOnboarding(platform.tenants(), platform.users(), platform.apiKeys(),
        platform.audit(), platform.ids(), platform.clock());
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
    ObjectNode answer = Json.object();
    try {
      Bootstrap request = Json.strictReader().readValue(input, Bootstrap.class);
      if (request != null && "approveDomains".equals(request.action())) {
        approveDomains(request, answer);
        output.write(Json.mapper().writeValueAsBytes(answer));
        return;
      }
      if (request == null || (request.action() != null && !"createTenant".equals(request.action()))) {
        throw ApiException.invalidRequest("action is createTenant or approveDomains");
      }
      if (request.tenantName() == null || request.ownerEmail() == null) {
        throw ApiException.invalidRequest("tenantName and ownerEmail are required");
      }
      String password = request.ownerPassword() != null ? request.ownerPassword() : generatedPassword();
      TenantOnboarding.Onboarded onboarded = onboarding.onboard(request.tenantName(), request.ownerEmail(),
          password.toCharArray(), request.approvedDomains() == null ? List.of() : request.approvedDomains());
      answer.put("success", true);
      answer.put("tenantId", onboarded.tenant().id());
      answer.put("ownerUserId", onboarded.owner().id());
      answer.put("ownerEmail", onboarded.owner().email());
      if (request.ownerPassword() == null) {
        answer.put("ownerPassword", password);
      }
      answer.set("testApiKey", Json.mapper().valueToTree(Map.of(
          "id", onboarded.testKey().key().id(), "secret", onboarded.testKey().secret())));
      answer.set("approvedDomains", Json.mapper().valueToTree(onboarded.tenant().approvedDomains()));
      platform.log().info("tenant bootstrapped", Map.of("tenant", onboarded.tenant().id()));
    } catch (ApiException e) {
      answer.put("success", false);
      answer.put("error", e.getMessage());
      answer.set("errors", Json.mapper().valueToTree(e.fieldErrors()));
    } catch (IOException | IllegalArgumentException e) {
      answer.put("success", false);
      answer.put("error", "Invalid bootstrap request: " + e.getMessage());
    }
    output.write(Json.mapper().writeValueAsBytes(answer));
  }

  private void approveDomains(Bootstrap request, ObjectNode answer) {
    if (request.tenantId() == null || request.approvedDomains() == null || request.approvedDomains().isEmpty()) {
      throw ApiException.invalidRequest("tenantId and approvedDomains are required");
    }
    if (platform.tenants().find(request.tenantId()).isEmpty()) {
      throw ApiException.notFound("Tenant");
    }
    platform.tenants().approveDomains(request.tenantId(), request.approvedDomains());
    answer.put("success", true);
    answer.set("approvedDomains", Json.mapper().valueToTree(
        platform.tenants().find(request.tenantId()).orElseThrow().approvedDomains()));
  }

  private static String generatedPassword() {
    SecureRandom random = new SecureRandom();
    StringBuilder password = new StringBuilder();
    for (int i = 0; i < 24; i++) {
      password.append(PASSWORD_ALPHABET.charAt(random.nextInt(PASSWORD_ALPHABET.length())));
    }
    return password.toString();
  }
}
