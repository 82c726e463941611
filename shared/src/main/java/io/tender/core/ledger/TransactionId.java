package io.tender.core.ledger;

/**
 * A transaction's id, derived from the business event alone ({@code capture:pay_...}), so a
 * retried event produces the same id and the conditional put of its entries dedupes it.
 * One transaction per kind of event per business id: a payment is captured once and released
 * once; a refund is posted, then either settled or reversed.
 */
public record TransactionId(String value) {
  public TransactionId {
    value = KeyText.require(value, "transaction id");
  }

  public static TransactionId capture(String paymentId) {
    return of("capture", paymentId);
  }

  /**
   * A capture that raised the payment's captured total to {@code capturedTotal} after its first
   * one: each total is reached once, so each such capture has its own id.
   */
  public static TransactionId additionalCapture(String paymentId, long capturedTotal) {
    if (capturedTotal <= 0) {
      throw new InvalidTransactionException("a captured total is positive, was " + capturedTotal);
    }
    return of("capture_to_" + capturedTotal, paymentId);
  }

  public static TransactionId release(String paymentId) {
    return of("release", paymentId);
  }

  public static TransactionId refund(String refundId) {
    return of("refund", refundId);
  }

  public static TransactionId refundSettlement(String refundId) {
    return of("refund_settlement", refundId);
  }

  public static TransactionId refundReversal(String refundId) {
    return of("refund_reversal", refundId);
  }

  private static TransactionId of(String event, String businessId) {
    // ':' separates the event from the id, so business ids must not hold one of their own.
    if (businessId == null || businessId.indexOf(':') >= 0) {
      throw new InvalidTransactionException("a business id cannot contain ':', was " + businessId);
    }
    return new TransactionId(event + ":" + KeyText.require(businessId, "business id"));
  }

  @Override
  public String toString() {
    return value;
  }
}
