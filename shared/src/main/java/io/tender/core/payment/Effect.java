package io.tender.core.payment;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What must be written together with a transition, once: intents only. The ledger and the
 * merchant webhook dispatcher carry them out.
 */
public sealed interface Effect {

  /**
   * Money to post for the payment. {@code reference} is unique per payment and per posting
   * ({@code capture:<new captured total>} or the refund id), for the ledger's own deduplication.
   */
  record LedgerPosting(Kind kind, long amount, String currency, String reference) implements Effect {
    public enum Kind { CAPTURE, REFUND }

    public LedgerPosting {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(currency, "currency");
      Objects.requireNonNull(reference, "reference");
      if (amount <= 0) {
        throw new IllegalArgumentException("a posting is a positive amount");
      }
    }
  }

  /**
   * A webhook the merchant is owed. {@code occurredAt} is the provider's time when it gave one,
   * else ours.
   */
  record MerchantNotification(NotificationType type, Optional<String> refundId, Instant occurredAt)
      implements Effect {
    public MerchantNotification {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(refundId, "refundId");
      Objects.requireNonNull(occurredAt, "occurredAt");
    }
  }

  enum NotificationType {
    PAYMENT_SUCCEEDED("payment.succeeded"),
    PAYMENT_FAILED("payment.failed"),
    PAYMENT_CANCELLED("payment.cancelled"),
    PAYMENT_EXPIRED("payment.expired"),
    PAYMENT_REFUNDED("payment.refunded"),
    REFUND_SUCCEEDED("refund.succeeded"),
    REFUND_FAILED("refund.failed");

    private final String wire;

    NotificationType(String wire) {
      this.wire = wire;
    }

    public String wire() {
      return wire;
    }
  }
}
