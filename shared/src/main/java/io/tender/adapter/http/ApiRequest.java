package io.tender.adapter.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.tender.core.error.ApiException;
import io.tender.core.error.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** An API Gateway HTTP API (payload 2.0) request, read the way every handler reads it. */
public final class ApiRequest {
  private final APIGatewayV2HTTPEvent event;
  private final int maxBodyBytes;
  private byte[] body;

  public ApiRequest(APIGatewayV2HTTPEvent event, int maxBodyBytes) {
    this.event = event;
    this.maxBodyBytes = maxBodyBytes;
  }

  /** API Gateway lower-cases header names; so does this lookup. */
  public Optional<String> header(String name) {
    Map<String, String> headers = event.getHeaders();
    return headers == null ? Optional.empty()
        : Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
  }

  public Optional<String> pathParameter(String name) {
    Map<String, String> parameters = event.getPathParameters();
    return parameters == null ? Optional.empty() : Optional.ofNullable(parameters.get(name));
  }

  public Optional<String> queryParameter(String name) {
    Map<String, String> parameters = event.getQueryStringParameters();
    return parameters == null ? Optional.empty() : Optional.ofNullable(parameters.get(name));
  }

  public String method() {
    return event.getRequestContext() == null || event.getRequestContext().getHttp() == null ? ""
        : event.getRequestContext().getHttp().getMethod();
  }

  public String sourceIp() {
    return event.getRequestContext() == null || event.getRequestContext().getHttp() == null ? "unknown"
        : event.getRequestContext().getHttp().getSourceIp();
  }

  /** The exact bytes the client sent (base64-decoded when API Gateway encoded them). */
  public byte[] body() {
    if (body == null) {
      String raw = event.getBody();
      if (raw == null) {
        body = new byte[0];
      } else if (event.getIsBase64Encoded()) {
        try {
          body = Base64.getDecoder().decode(raw);
        } catch (IllegalArgumentException e) {
          throw ApiException.invalidRequest("The request body is not valid base64");
        }
      } else {
        body = raw.getBytes(StandardCharsets.UTF_8);
      }
      if (body.length > maxBodyBytes) {
        throw ApiException.of(ErrorCode.PAYLOAD_TOO_LARGE,
            "The request body is larger than " + maxBodyBytes + " bytes");
      }
    }
    return body;
  }

  public APIGatewayV2HTTPEvent event() {
    return event;
  }
}
