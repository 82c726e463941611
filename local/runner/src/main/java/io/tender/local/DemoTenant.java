package io.tender.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tender.local.function.Invocation;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * Seeds the local gateway with a demo merchant through the same operator function an operator
 * invokes on AWS, registers the demo webhook receiver as its endpoint through the merchant API,
 * and prints what a person needs to try the API: the test key, the owner's sign-in and where the
 * merchant's webhooks go. Local data only: it is gone when the runner stops.
 */
final class DemoTenant {
  static final String BOOTSTRAP_FUNCTION = "BootstrapTenantFunction";
  static final String WEBHOOKS_PATH = "/api/v1/webhooks";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The demo merchant; {@code webhookEndpointId} when the receiver was registered. */
  record Seeded(String tenantId, String apiKey, Optional<String> webhookEndpointId) {}

  private DemoTenant() {}

  static Optional<Seeded> seed(LocalGateway gateway, DemoReceiver receiver, PrintStream out) {
    if (!gateway.template().functions().containsKey(BOOTSTRAP_FUNCTION)) {
      return Optional.empty();
    }
    // 127.0.0.1 is approved so that the demo receiver can be registered like any merchant URL.
    byte[] request = """
        {"tenantName":"Demo Merchant","ownerEmail":"owner@demo.tender.test",
         "approvedDomains":["localhost","127.0.0.1"]}
        """.getBytes(StandardCharsets.UTF_8);
    Invocation result = gateway.invoke(BOOTSTRAP_FUNCTION, request);
    if (!(result instanceof Invocation.Succeeded succeeded)) {
      out.println("  (the demo tenant could not be created: " + result + ")");
      return Optional.empty();
    }
    JsonNode answer;
    try {
      answer = JSON.readTree(succeeded.output());
    } catch (IOException e) {
      out.println("  (the demo tenant answer was not JSON)");
      return Optional.empty();
    }
    if (!answer.path("success").asBoolean()) {
      out.println("  (the demo tenant could not be created: " + answer.path("error").asText() + ")");
      return Optional.empty();
    }
    String tenantId = answer.path("tenantId").asText();
    String apiKey = answer.path("testApiKey").path("secret").asText();
    out.println("  Demo tenant " + tenantId);
    out.println("    test API key   " + apiKey);
    out.println("    owner sign-in  " + answer.path("ownerEmail").asText() + " / "
        + answer.path("ownerPassword").asText());
    return Optional.of(new Seeded(tenantId, apiKey, registerReceiver(gateway, receiver, apiKey, out)));
  }

  /** {@code POST /api/v1/webhooks} as the merchant would call it, every event type, in test mode. */
  private static Optional<String> registerReceiver(LocalGateway gateway, DemoReceiver receiver, String apiKey,
      PrintStream out) {
    boolean served = gateway.template().routes().stream()
        .anyMatch(route -> WEBHOOKS_PATH.equals(route.getValue().path()) && "POST".equals(route.getValue().method()));
    if (!served) {
      return Optional.empty();
    }
    try {
      HttpResponse<String> response = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create(gateway.baseUrl() + WEBHOOKS_PATH))
              .timeout(Duration.ofSeconds(30))
              .header("content-type", "application/json")
              .header("x-api-key", apiKey)
              .POST(HttpRequest.BodyPublishers.ofString(
                  "{\"url\":\"" + receiver.url() + "\",\"events\":[\"*\"]}"))
              .build(),
          HttpResponse.BodyHandlers.ofString());
      JsonNode endpoint = JSON.readTree(response.body());
      if (response.statusCode() != 200) {
        out.println("  (the demo webhook receiver could not be registered: " + endpoint.path("error").asText()
            + " " + endpoint.path("errors") + ")");
        return Optional.empty();
      }
      receiver.useSecret(endpoint.path("secret").asText());
      return Optional.of(endpoint.path("id").asText());
    } catch (IOException e) {
      out.println("  (the demo webhook receiver could not be registered: " + e.getMessage() + ")");
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
