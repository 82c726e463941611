package io.tender.core.provider;

import java.util.Optional;

/**
 * A provider's hosted checkout, one method per flow. Every method may throw:
 * <ul>
 *   <li>{@link ProviderUnavailableException}: no answer in time, a 5xx, a 429 or an unreadable
 *       answer. The call may or may not have taken effect; nothing may be concluded about the
 *       payment. Retry the SAME request (creates and refunds carry idempotency keys derived from
 *       our ids, so a retry never charges or refunds twice), and let the poller fetch.
 *   <li>{@link ProviderRefusedException}: the provider answered no; nothing happened there.
 *   <li>{@link ProviderConfigurationException}: our credentials are wrong; no call will succeed
 *       until an operator fixes them.
 * </ul>
 *
 * <p>The create flow: persist the payment and the {@link CheckoutRequest} (with its expiry) first;
 * call {@link #createCheckout}; on {@link ProviderUnavailableException} call it again later with
 * the persisted request. The provider answers the checkout the first call made, if it made one, so
 * the repeat is a lookup, not a second checkout; then {@link #fetchCheckout} tells its state.
 */
public interface CheckoutConnector {

  /** The provider's name as stored in {@link io.tender.core.payment.ProviderReference}. */
  String provider();

  /** Opens a hosted checkout for one payment; safe to repeat with the same request. */
  CheckoutCreated createCheckout(CheckoutRequest request);

  /** The checkout's current state at the provider: the reconciliation primitive. */
  CheckoutState fetchCheckout(String checkoutId);

  /**
   * Stops an open checkout from being paid. When it can no longer be expired (the payer paid a
   * moment earlier, or it expired already) this answers its actual state rather than refusing, so
   * a payment made during the race is not lost.
   */
  CheckoutState expireCheckout(String checkoutId);

  /** Refunds part or all of a paid checkout; safe to repeat with the same request. */
  RefundState refund(RefundRequest request);

  /** A refund's current state, for refunds that answered pending. */
  RefundState fetchRefund(String providerRefundId);

  /**
   * Our payment id as the provider's payment object (Stripe's PaymentIntent) records it, for
   * provider events that name only that object; empty when it names none of ours, or when this
   * provider keeps no such record.
   */
  default Optional<String> paymentIdOf(String providerPaymentId) {
    return Optional.empty();
  }
}
