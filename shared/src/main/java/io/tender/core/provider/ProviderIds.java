package io.tender.core.provider;

/** Checks on our ids before they become provider references and idempotency keys. */
final class ProviderIds {
  /** Keys are built from two ids and a prefix; providers cap keys at 255 characters (Stripe). */
  static final int MAX_ID_LENGTH = 100;

  private ProviderIds() {}

  /** Letters, digits, '_' and '-': a ':' inside an id could make two keys collide. */
  static String require(String id, String name) {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException(name + " is required");
    }
    if (id.length() > MAX_ID_LENGTH || !id.matches("[A-Za-z0-9_-]+")) {
      throw new IllegalArgumentException(
          name + " must be up to " + MAX_ID_LENGTH + " letters, digits, '_' or '-'");
    }
    return id;
  }

  static String requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " is required");
    }
    return value;
  }
}
