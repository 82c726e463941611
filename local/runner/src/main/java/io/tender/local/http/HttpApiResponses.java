package io.tender.local.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Turns what a handler returned into the HTTP response an API Gateway HTTP API would send, under
 * payload format version 2.0.
 *
 * <ul>
 *   <li>A JSON object with {@code statusCode} is a response: {@code statusCode}, {@code headers},
 *       {@code multiValueHeaders} (one header line per value), {@code cookies} (one {@code
 *       Set-Cookie} each) and {@code body}, base64-decoded when {@code isBase64Encoded}. Without a
 *       content type API Gateway sends {@code text/plain; charset=utf-8}, as AWS's Lambda test tool
 *       for .NET records it (the guide does not say).
 *   <li>Anything else, a string, a number, {@code null} or an object without {@code statusCode}, is
 *       inferred as 200 {@code application/json} with the output's JSON text as body. API Gateway
 *       uses the payload bytes verbatim; this sends the compact JSON text of the tree.
 *   <li>No output at all is inferred the same way, with an empty body.
 *   <li>A response it cannot read (a {@code statusCode} that is not a whole number from 100 to 599,
 *       invalid base64, a field of the wrong type) is API Gateway's 500 {@code {"message":"Internal
 *       Server Error"}}. A {@code body} that is not a string counts as malformed; AWS does not
 *       document that case.
 * </ul>
 */
public final class HttpApiResponses {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String CONTENT_TYPE = "content-type";

  private HttpApiResponses() {}

  /**
   * @param handlerOutput the handler's result as JSON; Java null or a missing node for none
   */
  public static OutgoingResponse toResponse(JsonNode handlerOutput) {
    if (handlerOutput == null || handlerOutput.isMissingNode()) {
      return inferred(new byte[0]);
    }
    if (!handlerOutput.isObject() || !handlerOutput.has("statusCode")) {
      return inferred(jsonText(handlerOutput));
    }
    try {
      return declared(handlerOutput);
    } catch (MalformedResponseException e) {
      return GatewayErrorResponses.malformedHandlerResponse();
    }
  }

  private static OutgoingResponse inferred(byte[] body) {
    return new OutgoingResponse(200, List.of(Map.entry(CONTENT_TYPE, "application/json")), body);
  }

  private static OutgoingResponse declared(JsonNode response) {
    int status = statusCode(response.get("statusCode"));
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    for (Map.Entry<String, JsonNode> header : fields(response, "headers")) {
      addHeader(headers, header.getKey(), header.getValue());
    }
    for (Map.Entry<String, JsonNode> header : fields(response, "multiValueHeaders")) {
      for (JsonNode value : elements(header.getValue())) {
        addHeader(headers, header.getKey(), value);
      }
    }
    for (JsonNode cookie : elements(response.get("cookies"))) {
      addHeader(headers, "set-cookie", cookie);
    }
    if (headers.stream().noneMatch(header -> header.getKey().equalsIgnoreCase(CONTENT_TYPE))) {
      headers.add(Map.entry(CONTENT_TYPE, "text/plain; charset=utf-8"));
    }
    return new OutgoingResponse(status, headers, body(response));
  }

  private static int statusCode(JsonNode node) {
    if (!node.isIntegralNumber() || !node.canConvertToInt()) {
      throw new MalformedResponseException();
    }
    int status = node.intValue();
    if (status < 100 || status > 599) {
      throw new MalformedResponseException();
    }
    return status;
  }

  private static byte[] body(JsonNode response) {
    JsonNode body = response.get("body");
    if (body == null || body.isNull()) {
      return new byte[0];
    }
    if (!body.isTextual()) {
      throw new MalformedResponseException();
    }
    if (!isBase64Encoded(response.get("isBase64Encoded"))) {
      return body.textValue().getBytes(StandardCharsets.UTF_8);
    }
    try {
      return Base64.getDecoder().decode(body.textValue());
    } catch (IllegalArgumentException e) {
      throw new MalformedResponseException();
    }
  }

  private static boolean isBase64Encoded(JsonNode flag) {
    if (flag == null || flag.isNull()) {
      return false;
    }
    if (!flag.isBoolean()) {
      throw new MalformedResponseException();
    }
    return flag.booleanValue();
  }

  /** The fields of an object member; none when it is absent or null. */
  private static Iterable<Map.Entry<String, JsonNode>> fields(JsonNode parent, String name) {
    JsonNode node = parent.get(name);
    if (node == null || node.isNull()) {
      return List.of();
    }
    if (!node.isObject()) {
      throw new MalformedResponseException();
    }
    return node.properties();
  }

  /** The elements of an array; none when it is absent or null. */
  private static Iterable<JsonNode> elements(JsonNode node) {
    if (node == null || node.isNull()) {
      return List.of();
    }
    if (!node.isArray()) {
      throw new MalformedResponseException();
    }
    return node;
  }

  /**
   * Header values may be strings, numbers or booleans; a null is skipped (serializers write unset
   * values as null); an object or array is malformed.
   */
  private static void addHeader(
      List<Map.Entry<String, String>> headers, String name, JsonNode value) {
    if (value.isNull()) {
      return;
    }
    if (!value.isValueNode()) {
      throw new MalformedResponseException();
    }
    headers.add(Map.entry(name, value.asText()));
  }

  private static byte[] jsonText(JsonNode output) {
    try {
      return MAPPER.writeValueAsBytes(output);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A JSON tree always serializes", e);
    }
  }

  /** Unwinds to the single place that answers 500; carries no detail on purpose. */
  private static final class MalformedResponseException extends RuntimeException {
    MalformedResponseException() {
      super(null, null, false, false);
    }
  }
}
