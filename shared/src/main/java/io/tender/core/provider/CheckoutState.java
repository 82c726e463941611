package io.tender.core.provider;

import io.tender.core.payment.PaymentEvent;
import java.util.Objects;
import java.util.Optional;

/**
 * What the provider says about a checkout, in domain terms. Apply {@code event} with
 * {@link io.tender.core.payment.PaymentStateMachine}; a repeat or late answer is ignored there.
 *
 * @param paymentId our payment id as the provider echoes it; compare it with the payment the
 *     checkout id was looked up for before applying anything
 * @param providerPaymentId the provider's payment object behind the checkout (Stripe's
 *     PaymentIntent), once the payer has tried to pay
 */
public record CheckoutState(String checkoutId, Optional<String> paymentId,
    Optional<String> providerPaymentId, PaymentEvent event) {

  public CheckoutState {
    ProviderIds.requireText(checkoutId, "checkoutId");
    Objects.requireNonNull(paymentId, "paymentId");
    Objects.requireNonNull(providerPaymentId, "providerPaymentId");
    Objects.requireNonNull(event, "event");
  }
}
