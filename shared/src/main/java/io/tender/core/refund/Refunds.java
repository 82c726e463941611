package io.tender.core.refund;

import io.tender.core.auth.Principal;
import io.tender.core.error.ApiException;
import io.tender.core.error.ErrorCode;
import io.tender.core.id.IdGenerator;
import io.tender.core.money.AmountPolicy;
import io.tender.core.money.Money;
import io.tender.core.payment.Payment;
import io.tender.core.payment.PaymentEvent;
import io.tender.core.payment.PaymentRepository;
import io.tender.core.payment.ProviderReference;
import io.tender.core.payment.RefundNotAllowedException;
import io.tender.core.provider.CheckoutConnector;
import io.tender.core.provider.ProviderRefusedException;
import io.tender.core.provider.ProviderUnavailableException;
import io.tender.core.provider.RefundRequest;
import io.tender.core.provider.RefundState;
import io.tender.core.settlement.Contention;
import io.tender.core.settlement.Settlement;
import java.time.Clock;
import java.util.Optional;

/**
 * Refunds. The amount is reserved on the payment with a conditional write BEFORE the provider is
 * called (refunded + reserved ≤ captured, so no race refunds more than was captured), confirmed
 * when the provider confirms, released when it refuses, and left reserved while its answer is
 * unknown (reconciliation settles it).
 */
public final class Refunds {
  static final int ATTEMPTS = 30;

  private final PaymentRepository payments;
  private final CheckoutConnector connector;
  private final Settlement settlement;
  private final AmountPolicy amounts;
  private final IdGenerator ids;
  private final Clock clock;

  /** What the merchant is told: {@code status} is succeeded, pending or failed. */
  public record Refunded(String refundId, String paymentId, String status, long amount,
      Optional<String> providerRefundId) {}

  public Refunds(PaymentRepository payments, CheckoutConnector connector, Settlement settlement, AmountPolicy amounts,
      IdGenerator ids, Clock clock) {
    this.payments = payments;
    this.connector = connector;
    this.settlement = settlement;
    this.amounts = amounts;
    this.ids = ids;
    this.clock = clock;
  }

  public Refunded refund(Principal caller, CreateRefund request) {
    if (!request.paymentId().matches("pay_[0-9a-z]{26}")) {
      throw ApiException.notFound("Payment");
    }
    Payment payment = load(caller, request.paymentId());
    Money money = amounts.requireMinor(request.amount(), payment.currency());
    String refundId = ids.next("re");
    reserve(caller, request.paymentId(), refundId, money.minor());
    ProviderReference provider = payment.provider()
        .orElseThrow(() -> ApiException.of(ErrorCode.REFUND_NOT_ALLOWED, "This payment was never sent to a provider"));

    RefundState state;
    try {
      state = connector.refund(new RefundRequest(payment.id(), refundId, provider.providerPaymentId(), money));
    } catch (ProviderUnavailableException unknown) {
      // The provider may or may not have refunded: keep the reservation; reconciliation decides.
      return new Refunded(refundId, payment.id(), "pending", money.minor(), Optional.empty());
    } catch (ProviderRefusedException refused) {
      settlement.apply(() -> payments.find(caller.tenantId(), caller.mode(), payment.id()),
          new PaymentEvent.RefundFailed(refundId, clock.instant()));
      throw ApiException.of(ErrorCode.REFUND_NOT_ALLOWED, "The payment provider refused the refund: "
          + refused.refusal().name().toLowerCase(java.util.Locale.ROOT));
    }
    settlement.apply(() -> payments.find(caller.tenantId(), caller.mode(), payment.id()), state.event());
    String status = switch (state.event()) {
      case PaymentEvent.RefundSucceeded succeeded -> "succeeded";
      case PaymentEvent.RefundFailed failed -> "failed";
      default -> "pending";
    };
    return new Refunded(refundId, payment.id(), status, money.minor(), Optional.of(state.providerRefundId()));
  }

  private void reserve(Principal caller, String paymentId, String refundId, long amount) {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Payment current = load(caller, paymentId);
      Payment reserved;
      try {
        reserved = current.reserveRefund(refundId, amount, clock.instant());
      } catch (RefundNotAllowedException refused) {
        throw ApiException.of(ErrorCode.REFUND_NOT_ALLOWED, switch (refused.reason()) {
          case EXCEEDS_REFUNDABLE -> "Refund amount exceeds the refundable amount of " + refused.refundable();
          case STATE -> "This payment cannot be refunded in its current state";
          case AMOUNT -> "Valid amount is required";
          case DUPLICATE_REFUND_ID -> "Duplicate refund";
        });
      }
      if (payments.replace(reserved)) {
        return;
      }
      Contention.pause(attempt);
    }
    throw ApiException.of(ErrorCode.CONFLICT, "The payment is changing; retry the refund");
  }

  /** Another tenant's payment answers exactly as a missing one. */
  private Payment load(Principal caller, String paymentId) {
    return payments.find(caller.tenantId(), caller.mode(), paymentId)
        .orElseThrow(() -> ApiException.notFound("Payment"));
  }
}
