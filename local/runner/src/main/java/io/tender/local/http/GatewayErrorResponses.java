package io.tender.local.http;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The answers the gateway gives itself, with API Gateway's JSON bodies. They never carry a stack
 * trace or exception message: those go to the runner's log, keyed by the request id.
 */
public final class GatewayErrorResponses {
  private static final Map.Entry<String, String> JSON_CONTENT_TYPE =
      Map.entry("content-type", "application/json");

  private GatewayErrorResponses() {}

  /** No route for the path and no {@code $default}: 404 {@code {"message":"Not Found"}}. */
  public static OutgoingResponse notFound() {
    return json(404, message("Not Found"), List.of());
  }

  /** 405 {@code {"message":"Method Not Allowed"}} with an {@code Allow} header. */
  public static OutgoingResponse methodNotAllowed(Set<String> allowedMethods) {
    return json(
        405,
        message("Method Not Allowed"),
        List.of(Map.entry("allow", String.join(", ", allowedMethods))));
  }

  /**
   * The handler threw or could not be invoked: 500 {@code {"message":"Internal Server
   * Error","requestId":"…"}}, the id pointing at the log entry with the details.
   */
  public static OutgoingResponse handlerFailure(String requestId) {
    return json(500, message("Internal Server Error").put("requestId", requestId), List.of());
  }

  /**
   * The handler answered with something API Gateway cannot turn into a response: 500 {@code
   * {"message":"Internal Server Error"}}, exactly as API Gateway words it.
   */
  public static OutgoingResponse malformedHandlerResponse() {
    return json(500, message("Internal Server Error"), List.of());
  }

  private static ObjectNode message(String text) {
    return JsonNodeFactory.instance.objectNode().put("message", text);
  }

  private static OutgoingResponse json(
      int status, ObjectNode body, List<Map.Entry<String, String>> extraHeaders) {
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    headers.add(JSON_CONTENT_TYPE);
    headers.addAll(extraHeaders);
    // JsonNode.toString() writes standard JSON (Jackson 2.10+), escaping the request id.
    return new OutgoingResponse(status, headers, body.toString().getBytes(StandardCharsets.UTF_8));
  }
}
