package io.tender.local.sandbox.stripe;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One-shot faults for tests, each consumed by the next API call (or payment, or refund) that
 * meets it. Only {@code /v1} calls see the call faults; the hosted page never fails.
 */
public final class FailureSwitches {
  private final AtomicBoolean serverError = new AtomicBoolean();
  private final AtomicReference<Duration> slowResponse = new AtomicReference<>();
  private final AtomicBoolean decline = new AtomicBoolean();
  private final AtomicBoolean pendingRefund = new AtomicBoolean();

  /**
   * The next API call answers 500 {@code api_error} without executing, as when Stripe fails in
   * front of the API: nothing changes and nothing is saved under its Idempotency-Key, so a retry
   * with the same key executes.
   */
  public void failNextCall() {
    serverError.set(true);
  }

  /**
   * The next API call executes, then holds its response for {@code delay}: a client with a
   * shorter read timeout sees a timeout although the call took effect.
   */
  public void delayNextCall(Duration delay) {
    slowResponse.set(delay);
  }

  /** The next Pay on a hosted page is declined instead. */
  public void declineNextPayment() {
    decline.set(true);
  }

  /** The next refund is created {@code pending}, until {@link StripeSandbox#settleRefund}. */
  public void pendNextRefund() {
    pendingRefund.set(true);
  }

  boolean takeServerError() {
    return serverError.getAndSet(false);
  }

  Duration takeSlowResponse() {
    return slowResponse.getAndSet(null);
  }

  boolean takeDecline() {
    return decline.getAndSet(false);
  }

  boolean takePendingRefund() {
    return pendingRefund.getAndSet(false);
  }
}
