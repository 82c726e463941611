package io.tender.bench.hot;

import io.tender.core.payment.PaymentEvent;
import io.tender.core.provider.CheckoutConnector;
import io.tender.core.provider.CheckoutCreated;
import io.tender.core.provider.CheckoutRequest;
import io.tender.core.provider.CheckoutState;
import io.tender.core.provider.RefundRequest;
import io.tender.core.provider.RefundState;
import java.time.Clock;
import java.util.Optional;

/** A provider whose every checkout was paid in full: settlement's truth, without a network call. */
final class PaidEverywhere implements CheckoutConnector {
  static final String PROVIDER = "benchpaid";

  private final long amount;
  private final Clock clock;

  PaidEverywhere(long amount, Clock clock) {
    this.amount = amount;
    this.clock = clock;
  }

  @Override
  public String provider() {
    return PROVIDER;
  }

  @Override
  public CheckoutState fetchCheckout(String checkoutId) {
    return new CheckoutState(checkoutId, Optional.empty(), Optional.empty(),
        new PaymentEvent.Captured(amount, clock.instant()));
  }

  @Override
  public CheckoutCreated createCheckout(CheckoutRequest request) {
    throw new UnsupportedOperationException("settlement only");
  }

  @Override
  public CheckoutState expireCheckout(String checkoutId) {
    throw new UnsupportedOperationException("settlement only");
  }

  @Override
  public RefundState refund(RefundRequest request) {
    throw new UnsupportedOperationException("settlement only");
  }

  @Override
  public RefundState fetchRefund(String providerRefundId) {
    throw new UnsupportedOperationException("settlement only");
  }
}
