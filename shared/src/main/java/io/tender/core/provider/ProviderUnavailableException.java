package io.tender.core.provider;

/**
 * The outcome is UNKNOWN: the provider timed out, failed (5xx), throttled us, or answered
 * something unreadable. The call may have taken effect. Never treat this as a failed payment:
 * the payment stays (or becomes) pending and the same request is retried or the state fetched.
 */
public final class ProviderUnavailableException extends ProviderException {

  public ProviderUnavailableException(String provider, String message, Throwable cause) {
    super(provider, message, cause);
  }

  public ProviderUnavailableException(String provider, String message) {
    this(provider, message, null);
  }
}
