package io.tender.core.settlement;

import io.tender.core.payment.Payment;
import io.tender.core.payment.PaymentEvent;
import io.tender.core.payment.PaymentLookup;
import io.tender.core.payment.PaymentRepository;
import io.tender.core.payment.ProviderReference;
import io.tender.core.provider.CheckoutConnector;
import io.tender.core.provider.ProviderHint;
import io.tender.core.provider.ProviderRefusedException;
import io.tender.core.provider.RefundState;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Settles a verified provider webhook by what it points at, never by its payload: the object is
 * fetched from the provider and that answer goes through {@link Settlement}.
 * <ul>
 *   <li>a checkout: settled as it is;
 *   <li>the provider's payment object (Stripe's PaymentIntent): our payment is found by the id the
 *       object records for us, and its own checkout is settled;
 *   <li>a refund: fetched, its payment found by the id the provider records for us, and its
 *       answer applied. A refund we did not start (one made in the provider's dashboard) is first
 *       checked against the payment it claims: its provider payment must be that payment's.
 * </ul>
 * Objects that are not ours, or no longer exist, are answered {@link Settlement.Outcome.NotOurs}:
 * nothing to do, and nothing to retry.
 */
public final class HintSettlement {
  private final CheckoutConnector connector;
  private final PaymentLookup lookup;
  private final PaymentRepository payments;
  private final Settlement settlement;
  private final ProviderRefundIds refundIds;

  public HintSettlement(CheckoutConnector connector, PaymentLookup lookup, PaymentRepository payments,
      Settlement settlement, ProviderRefundIds refundIds) {
    this.connector = connector;
    this.lookup = lookup;
    this.payments = payments;
    this.settlement = settlement;
    this.refundIds = refundIds;
  }

  public Settlement.Outcome settle(ProviderHint hint) {
    if (!hint.provider().equals(connector.provider())) {
      return new Settlement.Outcome.Ignored("no connector for provider " + hint.provider());
    }
    return switch (hint.subject()) {
      case CHECKOUT -> settlement.settleCheckout(hint.providerObjectId());
      case PROVIDER_PAYMENT -> providerPayment(hint);
      case REFUND -> refund(hint);
    };
  }

  private Settlement.Outcome providerPayment(ProviderHint hint) {
    Optional<String> paymentId = hint.paymentId().or(() -> connector.paymentIdOf(hint.providerObjectId()));
    Optional<Payment> payment = paymentId.flatMap(lookup::byId);
    if (payment.isEmpty()) {
      return new Settlement.Outcome.NotOurs(hint.providerObjectId());
    }
    return payment.get().provider()
        .map(reference -> settlement.settleCheckout(reference.providerPaymentId()))
        .orElseGet(() -> new Settlement.Outcome.Ignored("payment " + payment.get().id()
            + " has no checkout at the provider yet"));
  }

  private Settlement.Outcome refund(ProviderHint hint) {
    RefundState state;
    try {
      state = connector.fetchRefund(hint.providerObjectId());
    } catch (ProviderRefusedException gone) {
      return new Settlement.Outcome.NotOurs(hint.providerObjectId());
    }
    Optional<Payment> found = state.paymentId().or(hint::paymentId).flatMap(lookup::byId);
    if (found.isEmpty()) {
      return new Settlement.Outcome.NotOurs(hint.providerObjectId());
    }
    Payment payment = found.get();
    Supplier<Optional<Payment>> reload = () -> payments.find(payment.tenantId(), payment.mode(), payment.id());
    Optional<String> ourRefund = refundNamed(state.event()).or(hint::refundId)
        .filter(id -> payment.refund(id).isPresent());
    if (ourRefund.isEmpty() && !takenFrom(payment, state)) {
      return new Settlement.Outcome.Ignored("refund " + state.providerRefundId()
          + " is not taken from payment " + payment.id() + "'s checkout");
    }
    Settlement.Outcome outcome = settlement.apply(Optional.of(payment), reload, state.event());
    if (state.event() instanceof PaymentEvent.Pending && ourRefund.isPresent()) {
      refundIds.remember(reload, ourRefund.get(), state.providerRefundId());
    }
    return outcome;
  }

  /** Whether the refund's provider payment is the one behind the payment's own checkout. */
  private boolean takenFrom(Payment payment, RefundState refund) {
    Optional<String> checkout = payment.provider().map(ProviderReference::providerPaymentId);
    return checkout.isPresent() && refund.providerPaymentId().isPresent()
        && connector.fetchCheckout(checkout.get()).providerPaymentId().equals(refund.providerPaymentId());
  }

  private static Optional<String> refundNamed(PaymentEvent event) {
    return switch (event) {
      case PaymentEvent.RefundSucceeded succeeded -> Optional.of(succeeded.refundId());
      case PaymentEvent.RefundFailed failed -> Optional.of(failed.refundId());
      default -> Optional.empty();
    };
  }
}
