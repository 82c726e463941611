package io.tender.core.payment;

/** The provider that handles a payment and its id for the payment there. */
public record ProviderReference(String provider, String providerPaymentId) {

  public ProviderReference {
    if (provider == null || provider.isBlank()) {
      throw new IllegalArgumentException("a provider reference names the provider");
    }
    if (providerPaymentId == null || providerPaymentId.isBlank()) {
      throw new IllegalArgumentException("a provider reference holds the provider's payment id");
    }
  }
}
