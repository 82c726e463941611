package io.tender.core.provider;

import java.util.Objects;
import java.util.Optional;

/**
 * The provider answered no (a 4xx other than authentication): nothing happened there, so the
 * caller may release what it reserved and tell the merchant {@link #refusal()}.
 *
 * @see Refusal
 */
public final class ProviderRefusedException extends ProviderException {

  /** Why, in terms a merchant can be told. */
  public enum Refusal {
    /** Over the provider's maximum, or a refund over what is left to refund. */
    AMOUNT_TOO_LARGE,
    AMOUNT_TOO_SMALL,
    /** The amount cannot be expressed in the provider's unit for the currency. */
    AMOUNT_NOT_SUPPORTED,
    CURRENCY_NOT_SUPPORTED,
    /** Everything captured has been refunded already. */
    ALREADY_REFUNDED,
    /** A refund of a checkout that was never paid. */
    NOT_PAID,
    /** The checkout is no longer open. */
    CHECKOUT_NOT_OPEN,
    /** The provider has no object with that id. */
    NOT_FOUND,
    /**
     * The idempotency key was first used with other parameters: a retry that was not the same
     * request. A defect on our side, never a reason to pick a new key.
     */
    IDEMPOTENCY_CONFLICT,
    /** Any other refusal; see {@link #providerCode()} and the message. */
    INVALID_REQUEST
  }

  private final Refusal refusal;
  private final String providerCode;

  /** {@code providerCode} is the provider's own error code, when it gave one. */
  public ProviderRefusedException(String provider, Refusal refusal, String providerCode,
      String message) {
    super(provider, message, null);
    this.refusal = Objects.requireNonNull(refusal, "refusal");
    this.providerCode = providerCode;
  }

  public Refusal refusal() {
    return refusal;
  }

  public Optional<String> providerCode() {
    return Optional.ofNullable(providerCode);
  }
}
