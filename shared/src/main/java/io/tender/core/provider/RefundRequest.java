package io.tender.core.provider;

import io.tender.core.money.Money;
import java.util.Objects;

/**
 * A refund of one of our payments, named by our refund id (reserved on the payment before the
 * call) and by the provider's checkout id stored on the payment.
 */
public record RefundRequest(String paymentId, String refundId, String checkoutId, Money amount) {

  public RefundRequest {
    ProviderIds.require(paymentId, "paymentId");
    ProviderIds.require(refundId, "refundId");
    ProviderIds.requireText(checkoutId, "checkoutId");
    Objects.requireNonNull(amount, "amount");
    if (!amount.isPositive()) {
      throw new IllegalArgumentException("a refund is a positive amount");
    }
  }

  /** Refund ids are unique per payment, so the key names both. */
  public String idempotencyKey() {
    return "tender:refund:" + paymentId + ":" + refundId;
  }
}
