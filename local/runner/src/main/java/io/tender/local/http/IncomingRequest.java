package io.tender.local.http;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An HTTP request as the server received it, before any API Gateway translation.
 *
 * @param rawPath the path as sent, still percent-encoded, without the query
 * @param rawQueryString the query as sent, without '?'; "" when there is none
 * @param headers (name, value) pairs in the order received; names keep their case and may repeat
 * @param protocol such as {@code HTTP/1.1}
 */
public record IncomingRequest(
    String method,
    String rawPath,
    String rawQueryString,
    List<Map.Entry<String, String>> headers,
    byte[] body,
    String sourceIp,
    String protocol) {

  public IncomingRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(rawPath, "rawPath");
    rawQueryString = rawQueryString == null ? "" : rawQueryString;
    headers = List.copyOf(headers);
    body = body == null ? new byte[0] : body;
    Objects.requireNonNull(sourceIp, "sourceIp");
    Objects.requireNonNull(protocol, "protocol");
  }

  /** The first value of a header, the name compared case-insensitively. */
  public Optional<String> firstHeader(String name) {
    return headers.stream()
        .filter(header -> header.getKey().equalsIgnoreCase(name))
        .map(Map.Entry::getValue)
        .findFirst();
  }
}
