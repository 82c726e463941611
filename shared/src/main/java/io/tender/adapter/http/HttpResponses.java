package io.tender.adapter.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.tender.adapter.json.Json;
import java.util.Map;

/** API Gateway HTTP API (payload 2.0) responses with JSON bodies. */
public final class HttpResponses {
  private static final Map<String, String> JSON_HEADERS = Map.of(
      "content-type", "application/json",
      // Payment data must not sit in shared caches.
      "cache-control", "no-store");

  private HttpResponses() {}

  public static APIGatewayV2HTTPResponse json(int status, Object body) {
    return APIGatewayV2HTTPResponse.builder()
        .withStatusCode(status)
        .withHeaders(JSON_HEADERS)
        .withBody(Json.write(body))
        .withIsBase64Encoded(false)
        .build();
  }
}
