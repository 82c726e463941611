package io.tender.core.ledger;

/**
 * The accounts of one (tenant, mode) book. Each has a normal side: the side on which its
 * balance grows in everyday use (see the package documentation for the sign convention).
 */
public enum LedgerAccount {
  /** Asset: what the payment provider owes us for captured funds it has not paid out. */
  PROVIDER_CLEARING(Direction.DEBIT),
  /** Liability: captured for the merchant, not yet released to their available balance. */
  MERCHANT_PENDING(Direction.CREDIT),
  /** Liability: the merchant's to pay out. Refunds draw on it, so it may go negative (the merchant owes us). */
  MERCHANT_AVAILABLE(Direction.CREDIT),
  /** Liability: refunds we have committed to and the provider has not yet confirmed paying. */
  REFUNDS_PAYABLE(Direction.CREDIT),
  /** Revenue: the platform's fee withheld from captures. */
  FEES(Direction.CREDIT);

  private final Direction normalSide;

  LedgerAccount(Direction normalSide) {
    this.normalSide = normalSide;
  }

  public Direction normalSide() {
    return normalSide;
  }

  /** A signed (debit-positive) amount seen from this account's normal side. */
  public long natural(long signed) {
    return normalSide == Direction.DEBIT ? signed : Amounts.negate(signed);
  }
}
