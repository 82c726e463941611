package io.tender.local.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class GatewayErrorResponsesTest {
  private static final Map.Entry<String, String> JSON =
      Map.entry("content-type", "application/json");

  private static String text(OutgoingResponse response) {
    return new String(response.body(), StandardCharsets.UTF_8);
  }

  @Test
  void notFoundIs404WithApiGatewaysBody() {
    OutgoingResponse response = GatewayErrorResponses.notFound();

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.headers()).containsExactly(JSON);
    assertThat(text(response)).isEqualTo("{\"message\":\"Not Found\"}");
  }

  @Test
  void methodNotAllowedIs405ListingTheAllowedMethods() {
    OutgoingResponse response =
        GatewayErrorResponses.methodNotAllowed(new TreeSet<>(Set.of("PUT", "GET")));

    assertThat(response.status()).isEqualTo(405);
    assertThat(response.headers()).containsExactly(JSON, Map.entry("allow", "GET, PUT"));
    assertThat(text(response)).isEqualTo("{\"message\":\"Method Not Allowed\"}");
  }

  @Test
  void methodNotAllowedTakesTheSetARouteMatchCarries() {
    RouteMatch.MethodNotAllowed match =
        new RouteMatch.MethodNotAllowed(Set.of("POST", "DELETE", "GET"));

    assertThat(GatewayErrorResponses.methodNotAllowed(match.allowedMethods()).firstHeader("Allow"))
        .contains("DELETE, GET, POST");
  }

  @Test
  void handlerFailureIs500WithTheRequestIdAndNothingElse() throws Exception {
    OutgoingResponse response = GatewayErrorResponses.handlerFailure("req-\"42\"");

    assertThat(response.status()).isEqualTo(500);
    assertThat(response.headers()).containsExactly(JSON);
    assertThat(text(response))
        .isEqualTo("{\"message\":\"Internal Server Error\",\"requestId\":\"req-\\\"42\\\"\"}");
    assertThat(new ObjectMapper().readTree(response.body()).get("requestId").textValue())
        .isEqualTo("req-\"42\"");
  }

  @Test
  void aMalformedHandlerResponseIsApiGateways500() {
    OutgoingResponse response = GatewayErrorResponses.malformedHandlerResponse();

    assertThat(response.status()).isEqualTo(500);
    assertThat(response.headers()).containsExactly(JSON);
    assertThat(text(response)).isEqualTo("{\"message\":\"Internal Server Error\"}");
  }
}
