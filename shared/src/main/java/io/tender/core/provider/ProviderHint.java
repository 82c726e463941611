package io.tender.core.provider;

import java.util.Objects;
import java.util.Optional;

/**
 * What a verified provider webhook points at. It is only a hint: record it, then fetch the object
 * it names and apply what the fetch says, never the webhook's own payload.
 *
 * @param paymentId our payment id when the webhook carries it (client reference or metadata)
 * @param refundId our refund id when the webhook carries it
 */
public record ProviderHint(String provider, String eventId, String eventType, Subject subject,
    String providerObjectId, Optional<String> paymentId, Optional<String> refundId) {

  /** Which fetch resolves the hint. */
  public enum Subject {
    /** {@link CheckoutConnector#fetchCheckout} with {@code providerObjectId}. */
    CHECKOUT,
    /**
     * The provider's payment object behind a checkout: find our payment by {@code paymentId} (or
     * by this id) and {@link CheckoutConnector#fetchCheckout} its checkout.
     */
    PROVIDER_PAYMENT,
    /** {@link CheckoutConnector#fetchRefund} with {@code providerObjectId}. */
    REFUND
  }

  public ProviderHint {
    ProviderIds.requireText(provider, "provider");
    ProviderIds.requireText(eventId, "eventId");
    ProviderIds.requireText(eventType, "eventType");
    Objects.requireNonNull(subject, "subject");
    ProviderIds.requireText(providerObjectId, "providerObjectId");
    Objects.requireNonNull(paymentId, "paymentId");
    Objects.requireNonNull(refundId, "refundId");
  }
}
