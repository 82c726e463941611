package io.tender.core.auth;

/** The actions that ask a signed-in user for a recent second factor (step-up MFA). */
public enum MfaAction {
  CREATE_PAYMENT("create-payment"),
  REFUND("refund"),
  API_KEYS("api-keys"),
  WEBHOOKS("webhooks");

  private final String wire;

  MfaAction(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }
}
