package io.tender.core.provider;

import io.tender.core.payment.PaymentEvent;
import java.util.Objects;
import java.util.Optional;

/**
 * What the provider says about a refund. {@code event} is a {@link PaymentEvent.RefundSucceeded}
 * or {@link PaymentEvent.RefundFailed} naming OUR refund id (or the provider's, for a refund
 * started in the provider's dashboard), or a {@link PaymentEvent.Pending} while the provider is
 * still working on it: the state machine ignores that on a paid payment, so the reservation stays
 * until {@link CheckoutConnector#fetchRefund} or a webhook reports the outcome.
 *
 * @param paymentId our payment id as the provider knows it (from the refund, else from the payment
 *     it refunds), for refund webhooks that name nothing else of ours
 * @param providerPaymentId the provider's payment object the refund is taken from (Stripe's
 *     PaymentIntent), to check a refund we did not start against the payment it claims
 */
public record RefundState(String providerRefundId, Optional<String> paymentId,
    Optional<String> providerPaymentId, PaymentEvent event) {

  public RefundState {
    ProviderIds.requireText(providerRefundId, "providerRefundId");
    Objects.requireNonNull(paymentId, "paymentId");
    Objects.requireNonNull(providerPaymentId, "providerPaymentId");
    Objects.requireNonNull(event, "event");
  }

  /** A refund's state without the ids of the payment it belongs to. */
  public RefundState(String providerRefundId, PaymentEvent event) {
    this(providerRefundId, Optional.empty(), Optional.empty(), event);
  }

  public RefundState withPaymentId(String id) {
    return new RefundState(providerRefundId, Optional.of(id), providerPaymentId, event);
  }
}
