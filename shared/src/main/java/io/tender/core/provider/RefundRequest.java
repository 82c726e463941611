package io.tender.core.provider;

import io.tender.core.money.Money;
import io.tender.core.tenant.Mode;
import java.util.Objects;

/**
 * A refund of one of our payments, named by our refund id (reserved on the payment before the
 * call) and by the provider's checkout id stored on the payment.
 *
 * @param tenantId the payment's tenant and {@code mode}: with {@code paymentId} its whole key, set
 *     on the provider's refund so that its webhooks name the payment without a lookup
 */
public record RefundRequest(String paymentId, String refundId, String checkoutId, Money amount, String tenantId,
    Mode mode) {

  public RefundRequest {
    ProviderIds.require(paymentId, "paymentId");
    ProviderIds.require(refundId, "refundId");
    ProviderIds.requireText(checkoutId, "checkoutId");
    Objects.requireNonNull(amount, "amount");
    ProviderIds.requireText(tenantId, "tenantId");
    Objects.requireNonNull(mode, "mode");
    if (!amount.isPositive()) {
      throw new IllegalArgumentException("a refund is a positive amount");
    }
  }

  /** Refund ids are unique per payment, so the key names both. */
  public String idempotencyKey() {
    return "tender:refund:" + paymentId + ":" + refundId;
  }
}
