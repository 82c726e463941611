package io.tender.core.payment;

/**
 * Where a payment is in its lifecycle. The moves between states live in {@link
 * PaymentStateMachine}, and nowhere else.
 */
public enum PaymentState {
  /** Known to us; the provider has not been asked yet. */
  CREATED,
  /** The provider has it (or may have it, after a timeout); the outcome is awaited. */
  PENDING,
  /** Funds are held on the customer's account; nothing captured yet. */
  AUTHORIZED,
  /** Paid: money captured, nothing refunded yet. */
  CAPTURED,
  /** Paid, and part of the captured money refunded; further refunds allowed. */
  PARTIALLY_REFUNDED,
  /** Every captured unit refunded. */
  REFUNDED,
  FAILED,
  CANCELLED,
  EXPIRED,
  /**
   * Parked: the reconciliation poller could not resolve it, or the provider reported money we
   * could not place. It keeps counting money the provider reports; see {@link PaymentStateMachine}.
   */
  NEEDS_REVIEW;

  /**
   * Final for the lifecycle. The one exit, to {@link #NEEDS_REVIEW}, records a capture the provider
   * made that we had not counted; see {@link PaymentStateMachine}.
   */
  public boolean isTerminal() {
    return switch (this) {
      case FAILED, CANCELLED, EXPIRED, REFUNDED -> true;
      case CREATED, PENDING, AUTHORIZED, CAPTURED, PARTIALLY_REFUNDED, NEEDS_REVIEW -> false;
    };
  }

  /** Whether a merchant may start a refund (reserve refundable money) in this state. */
  public boolean acceptsRefunds() {
    return this == CAPTURED || this == PARTIALLY_REFUNDED;
  }
}
