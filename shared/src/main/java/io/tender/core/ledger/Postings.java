package io.tender.core.ledger;

import static io.tender.core.ledger.LedgerAccount.FEES;
import static io.tender.core.ledger.LedgerAccount.MERCHANT_AVAILABLE;
import static io.tender.core.ledger.LedgerAccount.MERCHANT_PENDING;
import static io.tender.core.ledger.LedgerAccount.PROVIDER_CLEARING;
import static io.tender.core.ledger.LedgerAccount.REFUNDS_PAYABLE;

import java.time.Instant;

/**
 * What each business event writes to the ledger. Amounts are positive minor units; the caller
 * has already applied the payment rules (a refund never exceeds what is left to refund).
 *
 * <p>Refunds always draw on {@code MERCHANT_AVAILABLE}, never on pending: a release then always
 * moves exactly what its capture put in pending, whenever refunds happen, and a refund that
 * comes before the release leaves available negative until it (the merchant owes us meanwhile;
 * payouts must look at available). The platform fee is kept on refund. A refund is owed to the
 * customer ({@code REFUNDS_PAYABLE}) until the provider confirms it, then comes off what the
 * provider owes us; if the provider fails it, the reversal gives the merchant the money back.
 */
public final class Postings {
  private Postings() {
  }

  /** Capture of {@code amount}: the provider owes it to us, and we owe it (less our fee) to the merchant, pending. */
  public static LedgerTransaction capture(LedgerBook book, String paymentId, long amount, long fee, String currency,
      Instant at) {
    return capture(TransactionId.capture(paymentId), book, paymentId, amount, fee, currency, at);
  }

  /** A later capture of {@code amount} on the same payment, bringing its captured total to {@code capturedTotal}. */
  public static LedgerTransaction additionalCapture(LedgerBook book, String paymentId, long capturedTotal, long amount,
      String currency, Instant at) {
    if (capturedTotal <= amount) {
      throw new InvalidTransactionException("an additional capture follows an earlier one: total " + capturedTotal
          + " must exceed " + amount);
    }
    return capture(TransactionId.additionalCapture(paymentId, capturedTotal), book, paymentId, amount, 0, currency, at);
  }

  private static LedgerTransaction capture(TransactionId id, LedgerBook book, String paymentId, long amount, long fee,
      String currency, Instant at) {
    Amounts.requirePositive(amount, "a captured amount");
    if (fee < 0 || fee >= amount) {
      throw new InvalidTransactionException("a fee is 0 or more and less than the captured amount, was " + fee + " of " + amount);
    }
    LedgerTransaction.Builder capture = LedgerTransaction.builder(id, book, at, paymentId)
        .debit(PROVIDER_CLEARING, amount, currency)
        .credit(MERCHANT_PENDING, Amounts.subtract(amount, fee), currency);
    if (fee > 0) {
      capture.credit(FEES, fee, currency);
    }
    return capture.build();
  }

  public static LedgerTransaction capture(LedgerBook book, String paymentId, long amount, String currency, Instant at) {
    return capture(book, paymentId, amount, 0, currency, at);
  }

  /** Release of a capture's pending amount (the captured amount less the fee) to available. */
  public static LedgerTransaction release(LedgerBook book, String paymentId, long amount, String currency, Instant at) {
    return LedgerTransaction.builder(TransactionId.release(paymentId), book, at, paymentId)
        .debit(MERCHANT_PENDING, amount, currency)
        .credit(MERCHANT_AVAILABLE, amount, currency)
        .build();
  }

  /** A refund is committed: the merchant's available balance pays it, and it is owed to the customer. */
  public static LedgerTransaction refund(LedgerBook book, String refundId, long amount, String currency, Instant at) {
    return LedgerTransaction.builder(TransactionId.refund(refundId), book, at, refundId)
        .debit(MERCHANT_AVAILABLE, amount, currency)
        .credit(REFUNDS_PAYABLE, amount, currency)
        .build();
  }

  /** The provider paid the refund out of what it owed us. */
  public static LedgerTransaction refundSettled(LedgerBook book, String refundId, long amount, String currency,
      Instant at) {
    return LedgerTransaction.builder(TransactionId.refundSettlement(refundId), book, at, refundId)
        .debit(REFUNDS_PAYABLE, amount, currency)
        .credit(PROVIDER_CLEARING, amount, currency)
        .build();
  }

  /** The provider failed the refund: the exact mirror of {@link #refund}, so the merchant has the money back. */
  public static LedgerTransaction refundFailed(LedgerBook book, String refundId, long amount, String currency,
      Instant at) {
    return LedgerTransaction.builder(TransactionId.refundReversal(refundId), book, at, refundId)
        .debit(REFUNDS_PAYABLE, amount, currency)
        .credit(MERCHANT_AVAILABLE, amount, currency)
        .build();
  }
}
