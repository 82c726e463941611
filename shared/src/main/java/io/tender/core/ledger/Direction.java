package io.tender.core.ledger;

/** The side of an account an entry lands on. */
public enum Direction {
  DEBIT,
  CREDIT;

  /** Debits count positive and credits negative, so a balanced transaction sums to zero. */
  long signed(long amount) {
    return this == DEBIT ? amount : Amounts.negate(amount);
  }
}
