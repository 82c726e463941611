package io.tender.core.idempotency;

import java.util.Map;
import java.util.Objects;

/**
 * The answer to a request, as it is stored and replayed: HTTP status, body text, and the few
 * headers worth replaying (content type, location). Per-request headers such as a request id do
 * not belong here: a replay gets fresh ones.
 */
public record StoredResponse(int status, String body, Map<String, String> headers) {

  public StoredResponse {
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("HTTP status out of range: " + status);
    }
    Objects.requireNonNull(body, "body (use \"\" for none)");
    headers = Map.copyOf(headers);
  }

  /** A server failure is never stored: the next request with the key runs afresh. */
  public boolean isServerError() {
    return status >= 500;
  }
}
