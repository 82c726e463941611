package io.tender.core.payment;

/**
 * A payment's money, in minor units of one currency, and the only place that does arithmetic on
 * it (so that it can move to a money type in one step). What it always holds:
 * {@code refunded + refundReserved <= captured <= authorized}, all non-negative.
 *
 * @param requested what the merchant asked for
 * @param authorized held on the customer's account, in total
 * @param captured taken, in total
 * @param refunded given back by refunds that succeeded
 * @param refundReserved set aside for refunds sent to the provider and not yet answered, so that
 *     concurrent refunds can never together exceed what was captured
 */
public record PaymentAmounts(String currency, long requested, long authorized, long captured,
    long refunded, long refundReserved) {

  public PaymentAmounts {
    if (currency == null || !currency.matches("[A-Z]{3}")) {
      throw new IllegalArgumentException("a currency is a three-letter ISO 4217 code");
    }
    if (requested <= 0) {
      throw new IllegalArgumentException("a payment requests a positive amount");
    }
    if (authorized < 0 || captured < 0 || refunded < 0 || refundReserved < 0) {
      throw new IllegalArgumentException("amounts are never negative");
    }
    if (captured > authorized) {
      throw new IllegalArgumentException("captured " + captured + " exceeds authorized " + authorized);
    }
    if (Math.addExact(refunded, refundReserved) > captured) {
      throw new IllegalArgumentException("refunded " + refunded + " plus reserved " + refundReserved
          + " exceeds captured " + captured);
    }
  }

  public static PaymentAmounts requested(String currency, long amount) {
    return new PaymentAmounts(currency, amount, 0, 0, 0, 0);
  }

  /** What a new refund may still take. */
  public long refundable() {
    return captured - refunded - refundReserved;
  }

  public boolean fullyRefunded() {
    return captured > 0 && refunded == captured;
  }

  /** Raises the authorized total; a capture never outgrows it, so a larger capture raises it too. */
  PaymentAmounts authorizedTotal(long total) {
    return new PaymentAmounts(currency, requested, Math.max(authorized, total), captured, refunded,
        refundReserved);
  }

  /** The new captured total; it only grows. */
  PaymentAmounts capturedTotal(long total) {
    if (total < captured) {
      throw new IllegalArgumentException("a captured total never shrinks");
    }
    return new PaymentAmounts(currency, requested, Math.max(authorized, total), total, refunded,
        refundReserved);
  }

  PaymentAmounts reserveRefund(long amount) {
    return new PaymentAmounts(currency, requested, authorized, captured, refunded,
        Math.addExact(refundReserved, amount));
  }

  PaymentAmounts releaseRefund(long amount) {
    return new PaymentAmounts(currency, requested, authorized, captured, refunded,
        refundReserved - amount);
  }

  /** A refund that succeeded and was not reserved (or whose reservation is already released). */
  PaymentAmounts refund(long amount) {
    return new PaymentAmounts(currency, requested, authorized, captured,
        Math.addExact(refunded, amount), refundReserved);
  }
}
