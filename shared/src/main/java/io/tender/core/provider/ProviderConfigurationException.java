package io.tender.core.provider;

/**
 * Our side is misconfigured: the provider rejected our credentials (401/403) or none is set. No
 * retry helps until an operator fixes the configuration; the message never contains the secret.
 */
public final class ProviderConfigurationException extends ProviderException {

  public ProviderConfigurationException(String provider, String message) {
    super(provider, message, null);
  }
}
