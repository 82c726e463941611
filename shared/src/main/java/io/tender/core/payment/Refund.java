package io.tender.core.payment;

import java.util.Objects;

/**
 * One refund of a payment, kept on the payment so that a repeated refund report is recognised
 * by its id and counted once.
 */
public record Refund(String id, long amount, Status status) {

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
  }

  Refund withStatus(Status next) {
    return new Refund(id, amount, next);
  }
}
