package io.tender.core.payment;

/** A refund the payment cannot take; nothing was reserved. */
public final class RefundNotAllowedException extends RuntimeException {

  public enum Reason {
    /** The payment is not paid, or is fully refunded, failed, cancelled, expired or under review. */
    STATE,
    /** The amount is not positive. */
    AMOUNT,
    /** More than captured minus refunded minus reserved. */
    EXCEEDS_REFUNDABLE,
    /** The refund id is already used on this payment. */
    DUPLICATE_REFUND_ID
  }

  private final Reason reason;
  private final long refundable;

  RefundNotAllowedException(Reason reason, long refundable, String message) {
    super(message, null, false, false);
    this.reason = reason;
    this.refundable = refundable;
  }

  public Reason reason() {
    return reason;
  }

  /** What the payment could still refund when this one was refused, in minor units. */
  public long refundable() {
    return refundable;
  }
}
