package io.tender.bench.sweep;

import io.tender.core.provider.CheckoutConnector;
import io.tender.core.provider.CheckoutCreated;
import io.tender.core.provider.CheckoutRequest;
import io.tender.core.provider.CheckoutState;
import io.tender.core.provider.RefundRequest;
import io.tender.core.provider.RefundState;

/** A connector for payments that never reached a provider: any call is a bug in the bench. */
final class NoProvider implements CheckoutConnector {
  @Override
  public String provider() {
    return "none";
  }

  @Override
  public CheckoutCreated createCheckout(CheckoutRequest request) {
    throw new UnsupportedOperationException("no provider in this benchmark");
  }

  @Override
  public CheckoutState fetchCheckout(String checkoutId) {
    throw new UnsupportedOperationException("no provider in this benchmark");
  }

  @Override
  public CheckoutState expireCheckout(String checkoutId) {
    throw new UnsupportedOperationException("no provider in this benchmark");
  }

  @Override
  public RefundState refund(RefundRequest request) {
    throw new UnsupportedOperationException("no provider in this benchmark");
  }

  @Override
  public RefundState fetchRefund(String providerRefundId) {
    throw new UnsupportedOperationException("no provider in this benchmark");
  }
}
