package io.tender.core.checkout;

import io.tender.core.payment.PaymentState;

/** A session's status as merchants see it, from its payment's state. */
public final class CheckoutStatus {
  private CheckoutStatus() {}

  public static String of(PaymentState state) {
    return switch (state) {
      case CREATED, PENDING, AUTHORIZED -> "pending";
      case CAPTURED, PARTIALLY_REFUNDED, REFUNDED -> "completed";
      case FAILED -> "failed";
      case CANCELLED -> "cancelled";
      case EXPIRED -> "expired";
      case NEEDS_REVIEW -> "needs_review";
    };
  }
}
