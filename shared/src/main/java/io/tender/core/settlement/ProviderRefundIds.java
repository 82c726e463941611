package io.tender.core.settlement;

import io.tender.core.payment.Payment;
import io.tender.core.payment.PaymentRepository;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Remembers the provider's id of a refund still awaiting its answer, so that the poller fetches
 * that refund from then on instead of re-sending the request (a re-sent request is a lookup only
 * while the provider still knows its idempotency key).
 */
public final class ProviderRefundIds {
  /** As many rounds as settlement allows itself: each lost round was won by another writer. */
  private static final int ATTEMPTS = 30;

  private final PaymentRepository payments;
  private final Clock clock;

  public ProviderRefundIds(PaymentRepository payments, Clock clock) {
    this.payments = payments;
    this.clock = clock;
  }

  /** Records {@code providerRefundId} for our {@code refundId}, unless it is known or settled. */
  public void remember(Supplier<Optional<Payment>> load, String refundId, String providerRefundId) {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Optional<Payment> next = load.get()
          .flatMap(payment -> payment.withProviderRefundId(refundId, providerRefundId, clock.instant()));
      if (next.isEmpty() || payments.replace(next.get())) {
        return;
      }
      Contention.pause(attempt);
    }
    // Only a convenience: the refund is still found by re-sending it while that is a lookup.
  }
}
