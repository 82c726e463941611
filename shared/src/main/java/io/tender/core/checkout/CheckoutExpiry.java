package io.tender.core.checkout;

import io.tender.core.payment.Payment;
import io.tender.core.payment.PaymentEvent;
import io.tender.core.provider.CheckoutConnector;
import io.tender.core.provider.CheckoutState;
import io.tender.core.settlement.Settlement;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Ends a checkout whose session's time is up and whose outcome is still open: the provider's
 * checkout is expired first and its answer applied, so a payment that arrived at the same moment
 * wins (it reads as captured) and one that did not loses (expired), never both. A payment that
 * never reached the provider is expired here: nobody was given a page to pay it on. The
 * reconciliation poller calls it when a checkout payment's poll finds its session over, which is
 * its first poll unless its create went unanswered.
 */
public final class CheckoutExpiry {
  private final CheckoutConnector connector;
  private final Settlement settlement;
  private final Clock clock;

  public CheckoutExpiry(CheckoutConnector connector, Settlement settlement, Clock clock) {
    this.connector = connector;
    this.settlement = settlement;
    this.clock = clock;
  }

  /** Expires {@code payment}'s checkout at the provider (if it has one) and applies the answer. */
  public Settlement.Outcome expire(Payment payment, Supplier<Optional<Payment>> reload) {
    PaymentEvent event = payment.provider()
        .map(provider -> connector.expireCheckout(provider.providerPaymentId()))
        .map(CheckoutState::event)
        .orElseGet(() -> new PaymentEvent.Expired(clock.instant()));
    return settlement.apply(Optional.of(payment), reload, event);
  }
}
