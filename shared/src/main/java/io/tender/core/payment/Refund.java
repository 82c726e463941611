package io.tender.core.payment;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One refund of a payment, kept on the payment so that a repeated refund report is recognised
 * by its id and counted once.
 *
 * @param providerRefundId the provider's id for it, once an answer named it: the poller then
 *     fetches it instead of re-sending the request
 * @param reservedAt when we reserved it, for refunds we started: a re-sent request is a lookup only
 *     within the provider's idempotency window, measured from here
 */
public record Refund(String id, long amount, Status status, Optional<String> providerRefundId,
    Optional<Instant> reservedAt) {

  public enum Status {
    /** Sent (or about to be sent) to the provider; its amount is held in {@code refundReserved}. */
    RESERVED,
    SUCCEEDED,
    FAILED
  }

  public Refund {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("a refund has an id");
    }
    if (amount <= 0) {
      throw new IllegalArgumentException("a refund is a positive amount");
    }
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(providerRefundId, "providerRefundId");
    Objects.requireNonNull(reservedAt, "reservedAt");
  }

  /** A refund as the provider reported it, with nothing of ours to remember about it. */
  public Refund(String id, long amount, Status status) {
    this(id, amount, status, Optional.empty(), Optional.empty());
  }

  Refund withStatus(Status next) {
    return new Refund(id, amount, next, providerRefundId, reservedAt);
  }

  Refund withProviderRefundId(String providerId) {
    return new Refund(id, amount, status, Optional.of(providerId), reservedAt);
  }
}
