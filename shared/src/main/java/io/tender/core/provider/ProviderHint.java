package io.tender.core.provider;

import io.tender.core.payment.PaymentEvent;
import io.tender.core.tenant.Mode;
import java.util.Objects;
import java.util.Optional;

/**
 * What a verified provider webhook points at. It is only a hint: record it, then fetch the object
 * it names and apply what the fetch says, never the webhook's own payload.
 *
 * @param paymentId our payment id when the webhook carries it (client reference or metadata)
 * @param refundId our refund id when the webhook carries it
 * @param owner the tenant and mode of {@code paymentId}, when the webhook carries them (metadata set
 *     on checkouts and refunds created since it was added): with the id, the payment's whole key
 * @param reported what the webhook's own snapshot says happened, when that is a definitive answer;
 *     never applied, only compared with the payment to drop a hint it already reflects
 */
public record ProviderHint(String provider, String eventId, String eventType, Subject subject,
    String providerObjectId, Optional<String> paymentId, Optional<String> refundId, Optional<Owner> owner,
    Optional<PaymentEvent> reported) {

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

  /** The tenant and mode a payment is kept under; the tenant id is one of ours, never a key fragment. */
  public record Owner(String tenantId, Mode mode) {
    public Owner {
      ProviderIds.require(tenantId, "tenantId");
      Objects.requireNonNull(mode, "mode");
    }

    /**
     * The owner a message names, when it names both parts and the tenant is one of our ids; empty
     * otherwise, so that the payment is found through the provider pointer instead.
     */
    public static Optional<Owner> of(Optional<String> tenantId, Optional<Mode> mode) {
      if (tenantId.isEmpty() || mode.isEmpty()) {
        return Optional.empty();
      }
      try {
        return Optional.of(new Owner(tenantId.get(), mode.get()));
      } catch (IllegalArgumentException notOurs) {
        return Optional.empty();
      }
    }
  }

  public ProviderHint {
    ProviderIds.requireText(provider, "provider");
    ProviderIds.requireText(eventId, "eventId");
    ProviderIds.requireText(eventType, "eventType");
    Objects.requireNonNull(subject, "subject");
    ProviderIds.requireText(providerObjectId, "providerObjectId");
    Objects.requireNonNull(paymentId, "paymentId");
    Objects.requireNonNull(refundId, "refundId");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(reported, "reported");
    if (owner.isPresent() && paymentId.isEmpty()) {
      throw new IllegalArgumentException("an owner is only known with the payment id");
    }
  }

  /** A hint that carries ids only: the payment is found through the provider's pointer. */
  public ProviderHint(String provider, String eventId, String eventType, Subject subject,
      String providerObjectId, Optional<String> paymentId, Optional<String> refundId) {
    this(provider, eventId, eventType, subject, providerObjectId, paymentId, refundId, Optional.empty(),
        Optional.empty());
  }
}
