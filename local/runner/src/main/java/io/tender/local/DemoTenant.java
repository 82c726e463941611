package io.tender.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tender.local.function.Invocation;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Seeds the local gateway with a demo merchant through the same operator function an operator
 * invokes on AWS, and prints what a person needs to try the API: the test key and the owner's
 * sign-in. Local data only: it is gone when the runner stops.
 */
final class DemoTenant {
  static final String BOOTSTRAP_FUNCTION = "BootstrapTenantFunction";
  private static final ObjectMapper JSON = new ObjectMapper();

  private DemoTenant() {}

  static void seed(LocalGateway gateway, PrintStream out) {
    if (!gateway.template().functions().containsKey(BOOTSTRAP_FUNCTION)) {
      return;
    }
    byte[] request = """
        {"tenantName":"Demo Merchant","ownerEmail":"owner@demo.tender.test",
         "approvedDomains":["localhost","127.0.0.1"]}
        """.getBytes(StandardCharsets.UTF_8);
    Invocation result = gateway.invoke(BOOTSTRAP_FUNCTION, request);
    if (!(result instanceof Invocation.Succeeded succeeded)) {
      out.println("  (the demo tenant could not be created: " + result + ")");
      return;
    }
    try {
      JsonNode answer = JSON.readTree(succeeded.output());
      if (!answer.path("success").asBoolean()) {
        out.println("  (the demo tenant could not be created: " + answer.path("error").asText() + ")");
        return;
      }
      out.println("  Demo tenant " + answer.path("tenantId").asText());
      out.println("    test API key   " + answer.path("testApiKey").path("secret").asText());
      out.println("    owner sign-in  " + answer.path("ownerEmail").asText() + " / "
          + answer.path("ownerPassword").asText());
    } catch (IOException e) {
      out.println("  (the demo tenant answer was not JSON)");
    }
  }
}
