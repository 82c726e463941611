package io.tender.core.auth;

/** What a caller may do; the wire names are the ones the merchant API documents. */
public enum Permission {
  CHECKOUT_CREATE("checkout:create"),
  CHECKOUT_READ("checkout:read"),
  REFUNDS_CREATE("refunds:create"),
  LINKS_MANAGE("links.manage"),
  API_KEYS_MANAGE("api_keys.manage"),
  WEBHOOKS_MANAGE("webhooks.manage"),
  AUDIT_READ("audit:read"),
  USERS_MANAGE("users.manage");

  private final String wire;

  Permission(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }
}
