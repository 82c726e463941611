package io.tender.core.webhook;

import io.tender.core.tenant.Mode;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One POST of a webhook: the endpoint's URL and mode (which decides whether plain http is
 * allowed), the exact body bytes that were signed, and extra headers such as
 * {@code Tender-Signature}. The sender sets {@code Host}, {@code Content-Type: application/json},
 * {@code Content-Length}, {@code Connection} and {@code User-Agent} itself.
 */
public record WebhookRequest(String url, Mode mode, byte[] body, Map<String, String> headers) {
  private static final Set<String> SENDER_OWNED_HEADERS = Set.of("host", "content-type",
      "content-length", "transfer-encoding", "connection", "user-agent", "expect", "upgrade");

  public WebhookRequest {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(mode, "mode");
    body = Objects.requireNonNull(body, "body").clone();
    headers = Map.copyOf(headers);
    headers.forEach(WebhookRequest::requireSafeHeader);
  }

  /** A copy: the signed bytes cannot change under the sender. */
  @Override
  public byte[] body() {
    return body.clone();
  }

  /** Tokens only for names, visible ASCII and spaces for values: no header injection. */
  private static void requireSafeHeader(String name, String value) {
    if (name.isEmpty() || !name.chars().allMatch(WebhookRequest::isTokenChar)) {
      throw new IllegalArgumentException("not a header name: " + name);
    }
    if (SENDER_OWNED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
      throw new IllegalArgumentException("the sender sets " + name + " itself");
    }
    if (!value.chars().allMatch(c -> c == ' ' || c == '\t' || (c > ' ' && c < 0x7f))) {
      throw new IllegalArgumentException("header " + name + " has a character not allowed");
    }
  }

  private static boolean isTokenChar(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
  }
}
