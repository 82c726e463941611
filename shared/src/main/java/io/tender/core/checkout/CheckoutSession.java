package io.tender.core.checkout;

import io.tender.core.tenant.Mode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A merchant's request for a hosted payment page: what the payer pays (the {@code paymentId}
 * holds the money and its state), where the payer goes afterwards, and the provider's page once
 * the provider has made it. Stored with its payment before any provider is called.
 *
 * @param redirectUrl the provider's hosted page; empty until the provider answered
 */
public record CheckoutSession(
    String id,
    String paymentId,
    String tenantId,
    Mode mode,
    String reference,
    List<String> methodTypes,
    String successUrl,
    String cancelUrl,
    Instant expiresAt,
    Optional<String> redirectUrl,
    Instant createdAt) {

  public CheckoutSession {
    methodTypes = List.copyOf(methodTypes);
  }

  public CheckoutSession withRedirect(String url) {
    return new CheckoutSession(id, paymentId, tenantId, mode, reference, methodTypes, successUrl, cancelUrl,
        expiresAt, Optional.of(url), createdAt);
  }
}
