package io.tender.local.http;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the runner writes back to the client.
 *
 * @param headers (name, value) pairs in the order to send; a name may repeat ({@code Set-Cookie})
 */
public record OutgoingResponse(int status, List<Map.Entry<String, String>> headers, byte[] body) {

  public OutgoingResponse {
    headers = List.copyOf(headers);
    Objects.requireNonNull(body, "body");
  }

  /** Every value of a header, the name compared case-insensitively. */
  public List<String> headerValues(String name) {
    return headers.stream()
        .filter(header -> header.getKey().equalsIgnoreCase(name))
        .map(Map.Entry::getValue)
        .toList();
  }

  /** The first value of a header, the name compared case-insensitively. */
  public Optional<String> firstHeader(String name) {
    return headerValues(name).stream().findFirst();
  }
}
