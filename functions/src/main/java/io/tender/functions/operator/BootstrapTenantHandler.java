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
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Operator-only, not behind API Gateway: {@code aws lambda invoke} (README, Operators), or the
 * local runner seeding its demo tenant. {@code action} is {@code createTenant} (the default),
 * {@code approveDomains} or {@code setRateLimits}. Secrets in the answer (the owner's generated password, the test key)
 * are shown this once.
 */
public final class BootstrapTenantHandler implements RequestStreamHandler {

  record Bootstrap(String action, String operator, String tenantId, String tenantName, String ownerEmail,
      String ownerPassword, List<String> approvedDomains, Map<String, Integer> rateLimits) {}

  private final Platform platform;

  public BootstrapTenantHandler() {
    this(Platform.fromEnvironment());
  }

  BootstrapTenantHandler(Platform platform) {
    this.platform = platform;
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
    ObjectNode answer = Json.object();
    try {
      Bootstrap request = Json.strictReader().readValue(input, Bootstrap.class);
      if (request == null) {
        throw ApiException.invalidRequest("A JSON object is required");
      }
      String operator = Optional.ofNullable(request.operator()).filter(o -> o.matches("[A-Za-z0-9._@-]{1,64}"))
          .orElse("bootstrap");
      List<String> domains = request.approvedDomains() == null ? List.of() : request.approvedDomains();
      switch (request.action() == null ? "createTenant" : request.action()) {
        case "createTenant" -> {
          if (request.tenantName() == null || request.ownerEmail() == null) {
            throw ApiException.invalidRequest("tenantName and ownerEmail are required");
          }
          TenantOnboarding.Onboarded onboarded = platform.onboarding().onboard(operator, request.tenantName(),
              request.ownerEmail(), Optional.ofNullable(request.ownerPassword()), domains);
          answer.put("success", true);
          answer.put("tenantId", onboarded.tenant().id());
          answer.put("ownerUserId", onboarded.owner().id());
          answer.put("ownerEmail", onboarded.owner().email());
          onboarded.generatedPassword().ifPresent(password -> answer.put("ownerPassword", password));
          answer.set("testApiKey", Json.mapper().valueToTree(Map.of(
              "id", onboarded.testKey().key().id(), "secret", onboarded.testKey().secret())));
          answer.set("approvedDomains", Json.mapper().valueToTree(onboarded.tenant().approvedDomains()));
          platform.log().info("tenant onboarded", Map.of("tenant", onboarded.tenant().id(), "operator", operator));
        }
        case "approveDomains" -> {
          if (request.tenantId() == null) {
            throw ApiException.invalidRequest("tenantId is required");
          }
          List<String> approved = platform.onboarding().approveDomains(operator, request.tenantId(), domains);
          answer.put("success", true);
          answer.set("approvedDomains", Json.mapper().valueToTree(approved));
        }
        case "setRateLimits" -> {
          if (request.tenantId() == null || request.rateLimits() == null) {
            throw ApiException.invalidRequest("tenantId and rateLimits are required");
          }
          answer.put("success", true);
          answer.set("rateLimits", Json.mapper().valueToTree(
              platform.onboarding().setRateLimits(operator, request.tenantId(), request.rateLimits())));
        }
        default -> throw ApiException.invalidRequest("action is createTenant, approveDomains or setRateLimits");
      }
    } catch (ApiException e) {
      answer.removeAll();
      answer.put("success", false);
      answer.put("error", e.getMessage());
      if (!e.fieldErrors().isEmpty()) {
        answer.set("errors", Json.mapper().valueToTree(e.fieldErrors()));
      }
    } catch (IOException e) {
      answer.removeAll();
      answer.put("success", false);
      answer.put("error", "The request is not a valid bootstrap request (JSON with known fields)");
    }
    output.write(Json.mapper().writeValueAsBytes(answer));
  }
}
