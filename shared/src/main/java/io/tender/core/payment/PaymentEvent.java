package io.tender.core.payment;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a provider (or one of our scheduled jobs) reports about a payment, already mapped from the
 * provider's own statuses by that provider's mapper. Amounts are minor units of the payment's
 * currency. {@code Authorized} and {@code Captured} carry the provider's running TOTAL for the
 * payment, not an increment, so that a repeated report is recognisably a repeat.
 *
 * <p>{@code providerTime} is when the provider says it happened, when it says; null otherwise.
 */
public sealed interface PaymentEvent {

  /** When the provider says this happened, if it said. */
  default Optional<Instant> occurredAt() {
    return Optional.ofNullable(providerTime());
  }

  Instant providerTime();

  /** The provider has the payment and the outcome is awaited (session opened, customer acting). */
  record Pending(Instant providerTime) implements PaymentEvent {}

  /** Funds held; {@code amount} is the total authorized so far. */
  record Authorized(long amount, Instant providerTime) implements PaymentEvent {
    public Authorized {
      requirePositive(amount);
    }
  }

  /** Money taken; {@code amount} is the total captured so far. */
  record Captured(long amount, Instant providerTime) implements PaymentEvent {
    public Captured {
      requirePositive(amount);
    }
  }

  /** A definitive failure (declined, rejected); never a timeout, which is {@link Unknown}. */
  record PaymentFailed(String reason, Instant providerTime) implements PaymentEvent {
    public PaymentFailed {
      Objects.requireNonNull(reason, "reason");
    }
  }

  record Cancelled(Instant providerTime) implements PaymentEvent {}

  record Expired(Instant providerTime) implements PaymentEvent {}

  /** One refund of {@code amount} succeeded at the provider. */
  record RefundSucceeded(String refundId, long amount, Instant providerTime) implements PaymentEvent {
    public RefundSucceeded {
      requireRefundId(refundId);
      requirePositive(amount);
    }
  }

  /** One refund was refused or failed at the provider; no money moved. */
  record RefundFailed(String refundId, Instant providerTime) implements PaymentEvent {
    public RefundFailed {
      requireRefundId(refundId);
    }
  }

  /** The provider did not answer in time: the outcome is unknown, never a failure. */
  record Unknown(Instant providerTime) implements PaymentEvent {}

  /** The reconciliation poller gave up resolving the payment on its own. */
  record ReviewNeeded(String reason, Instant providerTime) implements PaymentEvent {
    public ReviewNeeded {
      Objects.requireNonNull(reason, "reason");
    }
  }

  private static void requirePositive(long amount) {
    if (amount <= 0) {
      throw new IllegalArgumentException("an event amount is a positive number of minor units");
    }
  }

  private static void requireRefundId(String refundId) {
    if (refundId == null || refundId.isBlank()) {
      throw new IllegalArgumentException("a refund event names its refund");
    }
  }
}
