package io.tender.core.provider;

import java.time.Instant;
import java.util.Objects;

/**
 * A checkout the provider holds for our payment: store {@code checkoutId} as the payment's
 * provider reference and send the payer to {@code url}.
 */
public record CheckoutCreated(String checkoutId, String url, Instant expiresAt) {

  public CheckoutCreated {
    ProviderIds.requireText(checkoutId, "checkoutId");
    ProviderIds.requireText(url, "url");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }
}
