package io.tender.core.provider;

import io.tender.core.payment.PaymentEvent;
import java.util.Objects;

/**
 * What the provider says about a refund. {@code event} is a {@link PaymentEvent.RefundSucceeded}
 * or {@link PaymentEvent.RefundFailed} naming OUR refund id (or the provider's, for a refund
 * started in the provider's dashboard), or a {@link PaymentEvent.Pending} while the provider is
 * still working on it: the state machine ignores that on a paid payment, so the reservation stays
 * until {@link CheckoutConnector#fetchRefund} or a webhook reports the outcome.
 */
public record RefundState(String providerRefundId, PaymentEvent event) {

  public RefundState {
    ProviderIds.requireText(providerRefundId, "providerRefundId");
    Objects.requireNonNull(event, "event");
  }
}
