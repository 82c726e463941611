package io.tender.core.ledger;

import java.util.Comparator;
import java.util.Objects;

/** One balance of a book: an account in one currency. */
public record BalanceKey(LedgerAccount account, String currency) implements Comparable<BalanceKey> {
  private static final Comparator<BalanceKey> ORDER =
      Comparator.comparing(BalanceKey::account).thenComparing(BalanceKey::currency);

  public BalanceKey {
    Objects.requireNonNull(account, "a balance needs an account");
    Amounts.requireCurrency(currency);
  }

  @Override
  public int compareTo(BalanceKey other) {
    return ORDER.compare(this, other);
  }
}
