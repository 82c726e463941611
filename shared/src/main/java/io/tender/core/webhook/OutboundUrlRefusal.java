package io.tender.core.webhook;

/** Why a merchant URL may not be called; {@link #message()} can be shown to the merchant as is. */
public enum OutboundUrlRefusal {
  MALFORMED("Webhook URL must be an absolute http(s) URL with a host and no fragment."),
  SCHEME_NOT_ALLOWED("Webhook URL must use https."),
  CREDENTIALS_IN_URL("Webhook URL must not contain a username or password."),
  PORT_NOT_ALLOWED("Webhook URL port must be 80, 443 or between 1024 and 65535."),
  HOST_NOT_ALLOWED("Webhook URL host must be a public DNS name or a public IP address."),
  UNRESOLVABLE("Webhook URL host could not be resolved."),
  FORBIDDEN_ADDRESS("Webhook URL must point only at public internet addresses.");

  private final String message;

  OutboundUrlRefusal(String message) {
    this.message = message;
  }

  public String message() {
    return message;
  }
}
