package io.tender.core.error;

/**
 * The machine-readable codes merchants program against. Names and HTTP statuses follow the
 * merchant API's published error table; a code, once published, never changes meaning.
 */
public enum ErrorCode {
  INVALID_REQUEST(400),
  INVALID_AMOUNT(400),
  VALIDATION_FAILED(422),
  UNAUTHENTICATED(401),
  MFA_CHALLENGE_REQUIRED(401),
  INSUFFICIENT_PERMISSIONS(403),
  DOMAIN_NOT_APPROVED(403),
  TENANT_MISMATCH(403),
  RESOURCE_NOT_FOUND(404),
  CONFLICT(409),
  /** A payment link its merchant switched off: it takes no more payments. */
  PAYMENT_LINK_INACTIVE(409),
  /** A payment link past its expiry. */
  PAYMENT_LINK_EXPIRED(410),
  /** A payment link that has opened as many checkouts as its usage limit allows. */
  PAYMENT_LINK_USAGE_LIMIT_REACHED(410),
  REFUND_NOT_ALLOWED(422),
  /** A test webhook asked for an event type no enabled endpoint of the tenant receives. */
  NO_WEBHOOK_ENDPOINT(422),
  IDEMPOTENCY_KEY_IN_USE(409, "idempotency_key_in_use"),
  IDEMPOTENCY_ERROR(422, "idempotency_error"),
  PAYLOAD_TOO_LARGE(413),
  RATE_LIMIT_EXCEEDED(429),
  PROVIDER_ERROR(502),
  PROVIDER_UNAVAILABLE(503),
  INTERNAL_ERROR(500);

  private final int status;
  private final String wire;

  ErrorCode(int status) {
    this.status = status;
    this.wire = name();
  }

  /** The idempotency codes keep the lower-case names merchants know from Stripe's API. */
  ErrorCode(int status, String wire) {
    this.status = status;
    this.wire = wire;
  }

  public int status() {
    return status;
  }

  public String wire() {
    return wire;
  }
}
