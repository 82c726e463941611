package io.tender.core.provider;

import io.tender.core.money.Money;
import io.tender.core.tenant.Mode;
import java.time.Instant;
import java.util.Objects;

/**
 * A hosted checkout for one of our payments. Persist it with the payment before calling the
 * provider: a retry after a timeout must send exactly the same request, expiry included, or the
 * provider treats it as a different request under the same key.
 *
 * @param description what the payer sees on the hosted page
 * @param successUrl where the payer lands after paying; may hold the provider's placeholder, such
 *     as Stripe's {@code {CHECKOUT_SESSION_ID}}, so it is text rather than a URI
 * @param expiresAt when the checkout stops taking payment (Stripe: 30 min to 24 h from creation)
 * @param tenantId the payment's tenant and {@code mode}: with {@code paymentId} its whole key,
 *     which the provider echoes in its webhooks so that settlement reads the payment directly
 */
public record CheckoutRequest(String paymentId, Money amount, String description,
    String successUrl, String cancelUrl, Instant expiresAt, String tenantId, Mode mode) {

  public CheckoutRequest {
    ProviderIds.require(paymentId, "paymentId");
    Objects.requireNonNull(amount, "amount");
    if (!amount.isPositive()) {
      throw new IllegalArgumentException("a checkout is for a positive amount");
    }
    ProviderIds.requireText(description, "description");
    ProviderIds.requireText(successUrl, "successUrl");
    ProviderIds.requireText(cancelUrl, "cancelUrl");
    Objects.requireNonNull(expiresAt, "expiresAt");
    ProviderIds.requireText(tenantId, "tenantId");
    Objects.requireNonNull(mode, "mode");
  }

  /** One checkout per payment: every attempt to create it for this payment is the same request. */
  public String idempotencyKey() {
    return "tender:checkout:" + paymentId;
  }
}
