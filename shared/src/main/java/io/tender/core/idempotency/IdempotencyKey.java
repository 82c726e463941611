package io.tender.core.idempotency;

import java.util.Objects;

/**
 * An {@code Idempotency-Key} as a merchant sent it, scoped to the tenant, the mode ({@code test}
 * or {@code live}) and the route it was sent to: the same key on another route, tenant or mode is
 * another key.
 *
 * <p>The key must be 1 to 255 printable ASCII characters ({@code 0x21}–{@code 0x7E}, so no spaces
 * or control characters); otherwise the constructor throws {@link IllegalArgumentException} with a
 * message that can be shown to the merchant as it is. Tenant, mode and route come from the
 * gateway itself, so a bad one is a programming error, reported the same way.
 */
public record IdempotencyKey(String tenantId, String mode, String route, String key) {
  public static final String HEADER = "Idempotency-Key";
  public static final int MAX_LENGTH = 255;

  public IdempotencyKey {
    requireKeyPart("tenantId", tenantId);
    if (!"test".equals(mode) && !"live".equals(mode)) {
      throw new IllegalArgumentException("mode must be test or live, not " + mode);
    }
    requireKeyPart("route", route);
    validateKey(key);
  }

  private static void requireKeyPart(String name, String value) {
    Objects.requireNonNull(value, name);
    // '#' joins the parts of a storage key: keeping it out of every part but the last (the
    // merchant's key) keeps one key from ever reading as another.
    if (value.isBlank() || value.indexOf('#') >= 0) {
      throw new IllegalArgumentException(name + " must be non-blank and free of '#': " + value);
    }
  }

  private static void validateKey(String key) {
    if (key == null || key.isEmpty()) {
      throw new IllegalArgumentException(HEADER + " must not be empty; send 1 to "
          + MAX_LENGTH + " printable ASCII characters, such as a UUID");
    }
    if (key.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(HEADER + " must be at most " + MAX_LENGTH
          + " characters long; this one has " + key.length());
    }
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c < 0x21 || c > 0x7E) {
        throw new IllegalArgumentException(String.format(
            "%s must contain only printable ASCII characters, without spaces or control"
                + " characters; character %d is U+%04X", HEADER, i + 1, (int) c));
      }
    }
  }
}
