package io.tender.adapter.platform;

import io.tender.core.provider.CheckoutConnector;
import io.tender.core.provider.CheckoutCreated;
import io.tender.core.provider.CheckoutRequest;
import io.tender.core.provider.CheckoutState;
import io.tender.core.provider.RefundRequest;
import io.tender.core.provider.RefundState;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A connector built on its first call: its HTTP client builds a TLS context and loads classes, which
 * the many functions that never call the provider should not pay for on a cold start.
 */
final class LazyCheckoutConnector implements CheckoutConnector {
  private final String provider;
  private final Lazy<CheckoutConnector> connector;

  LazyCheckoutConnector(String provider, Supplier<CheckoutConnector> factory) {
    this.provider = provider;
    this.connector = new Lazy<>(factory);
  }

  @Override
  public String provider() {
    return provider;
  }

  @Override
  public CheckoutCreated createCheckout(CheckoutRequest request) {
    return connector.get().createCheckout(request);
  }

  @Override
  public CheckoutState fetchCheckout(String checkoutId) {
    return connector.get().fetchCheckout(checkoutId);
  }

  @Override
  public CheckoutState expireCheckout(String checkoutId) {
    return connector.get().expireCheckout(checkoutId);
  }

  @Override
  public RefundState refund(RefundRequest request) {
    return connector.get().refund(request);
  }

  @Override
  public RefundState fetchRefund(String providerRefundId) {
    return connector.get().fetchRefund(providerRefundId);
  }

  @Override
  public Optional<String> paymentIdOf(String providerPaymentId) {
    return connector.get().paymentIdOf(providerPaymentId);
  }
}
