package io.tender.local.http;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tender.local.http.RequestBodyEncoding.EncodedBody;
import io.tender.local.http.RouteMatch.Matched;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the event an API Gateway HTTP API sends a Lambda integration with payload format version
 * 2.0, field for field, from a request the runner received.
 *
 * <p>Left out, as a local API has none of them: {@code stageVariables}, {@code
 * requestContext.authorizer} and {@code authentication}, and the {@code x-forwarded-*} and {@code
 * x-amzn-trace-id} headers API Gateway adds.
 */
public final class HttpApiRequestEvents {
  /** The account id {@code sam local} puts in events too; there is no account locally. */
  public static final String LOCAL_ACCOUNT_ID = "123456789012";

  private static final String STAGE = "$default";
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private HttpApiRequestEvents() {}

  /**
   * @param requestId {@code requestContext.requestId}, also the id the runner logs and reports
   * @param now when the request arrived
   * @param domainName such as {@code localhost}; its first label becomes {@code domainPrefix}
   */
  public static ObjectNode toEvent(
      IncomingRequest request,
      Matched match,
      String requestId,
      Instant now,
      String apiId,
      String domainName) {
    String routeKey = match.route().routeKey();
    ObjectNode event = JSON.objectNode();
    event.put("version", "2.0");
    event.put("routeKey", routeKey);
    event.put("rawPath", request.rawPath());
    event.put("rawQueryString", request.rawQueryString());

    List<String> cookies = EventHeaders.cookies(request.headers());
    if (!cookies.isEmpty()) {
      cookies.forEach(event.putArray("cookies")::add);
    }
    putStrings(event.putObject("headers"), EventHeaders.fold(request.headers()));
    Map<String, String> query = QueryStringParameters.parse(request.rawQueryString());
    if (!query.isEmpty()) {
      putStrings(event.putObject("queryStringParameters"), query);
    }

    ObjectNode context = event.putObject("requestContext");
    context.put("accountId", LOCAL_ACCOUNT_ID);
    context.put("apiId", apiId);
    context.put("domainName", domainName);
    context.put("domainPrefix", domainName.split("\\.", 2)[0]);
    ObjectNode http = context.putObject("http");
    http.put("method", request.method());
    // The raw path, as in rawPath: AWS's examples show both the same and say no more.
    http.put("path", request.rawPath());
    http.put("protocol", request.protocol());
    http.put("sourceIp", request.sourceIp());
    // "" rather than absent when the client sent no User-Agent; AWS does not say which.
    http.put("userAgent", request.firstHeader("user-agent").orElse(""));
    context.put("requestId", requestId);
    context.put("routeKey", routeKey);
    context.put("stage", STAGE);
    context.put("time", RequestTime.format(now));
    context.put("timeEpoch", now.toEpochMilli());

    Optional<EncodedBody> body =
        RequestBodyEncoding.encode(request.body(), request.firstHeader("content-type"));
    body.ifPresent(encoded -> event.put("body", encoded.body()));
    if (!match.pathParameters().isEmpty()) {
      putStrings(event.putObject("pathParameters"), match.pathParameters());
    }
    event.put("isBase64Encoded", body.map(EncodedBody::base64Encoded).orElse(false));
    return event;
  }

  private static void putStrings(ObjectNode target, Map<String, String> values) {
    values.forEach(target::put);
  }
}
