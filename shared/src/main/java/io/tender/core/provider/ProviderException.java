package io.tender.core.provider;

/**
 * A provider call that did not produce an answer about the payment. Messages name the provider,
 * the call and the reason; they never hold a credential.
 */
public abstract sealed class ProviderException extends RuntimeException
    permits ProviderUnavailableException, ProviderRefusedException, ProviderConfigurationException {
  private final String provider;

  ProviderException(String provider, String message, Throwable cause) {
    super(message, cause);
    this.provider = provider;
  }

  public String provider() {
    return provider;
  }
}
