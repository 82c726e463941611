package io.tender.core.settlement;

import io.tender.core.payment.Payment;
import io.tender.core.payment.PaymentEvent;
import io.tender.core.payment.PaymentState;
import io.tender.core.payment.Refund;
import java.util.Optional;

/**
 * Whether a payment already shows what a provider's webhook reported, so that settling the hint
 * could change nothing and the provider need not be asked. Only answers that stay answered count,
 * so the rule holds on a stale read too: what an older version already shows, every later one does.
 * <ul>
 *   <li>a capture: the payment is paid (captured, partly or fully refunded) with at least that
 *       total counted; captured totals never shrink, and a larger one is its own webhook;
 *   <li>a refund's success: that refund is counted as succeeded;
 *   <li>a refund's failure: that refund is failed or succeeded (a success is never undone).
 * </ul>
 * Anything else (pending, a payment still open or under review) is settled by fetching.
 */
final class Reflected {
  private Reflected() {}

  static boolean already(Payment payment, Optional<PaymentEvent> reported) {
    return reported.isPresent() && switch (reported.get()) {
      case PaymentEvent.Captured captured -> paid(payment.state()) && payment.amounts().captured() >= captured.amount();
      case PaymentEvent.RefundSucceeded refund -> payment.refund(refund.refundId())
          .filter(known -> known.status() == Refund.Status.SUCCEEDED).isPresent();
      case PaymentEvent.RefundFailed refund -> payment.refund(refund.refundId())
          .filter(known -> known.status() != Refund.Status.RESERVED).isPresent();
      default -> false;
    };
  }

  private static boolean paid(PaymentState state) {
    return state == PaymentState.CAPTURED || state == PaymentState.PARTIALLY_REFUNDED
        || state == PaymentState.REFUNDED;
  }
}
