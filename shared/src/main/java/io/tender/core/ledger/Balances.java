package io.tender.core.ledger;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Every balance of one book, folded from its entries: the reference the sharded counters are
 * checked against, and what a replay of the ledger rebuilds them from.
 */
public final class Balances {
  private final LedgerBook book;
  private final Map<BalanceKey, Long> signed;

  private Balances(LedgerBook book, Map<BalanceKey, Long> signed) {
    this.book = book;
    this.signed = Collections.unmodifiableMap(signed);
  }

  /** Refuses entries of another book: a balance never mixes tenants or modes. */
  public static Balances fold(LedgerBook book, Iterable<LedgerEntry> entries) {
    Objects.requireNonNull(book, "book");
    TreeMap<BalanceKey, Long> signed = new TreeMap<>();
    for (LedgerEntry entry : entries) {
      if (!entry.book().equals(book)) {
        throw new InvalidTransactionException("entry of " + entry.book() + " folded into " + book);
      }
      signed.merge(new BalanceKey(entry.account(), entry.currency()), entry.signedAmount(), Amounts::add);
    }
    return new Balances(book, signed);
  }

  public LedgerBook book() {
    return book;
  }

  /** Debits minus credits. */
  public long signed(LedgerAccount account, String currency) {
    return signed.getOrDefault(new BalanceKey(account, currency), 0L);
  }

  /** Seen from the account's normal side: positive is what the account usually holds. */
  public long natural(LedgerAccount account, String currency) {
    return account.natural(signed(account, currency));
  }

  /** The sum over all accounts in one currency: zero whenever only whole transactions were folded. */
  public long total(String currency) {
    long total = 0;
    for (Map.Entry<BalanceKey, Long> balance : signed.entrySet()) {
      if (balance.getKey().currency().equals(currency)) {
        total = Amounts.add(total, balance.getValue());
      }
    }
    return total;
  }

  /** Signed balances of every (account, currency) an entry touched, in account then currency order. */
  public Map<BalanceKey, Long> signedBalances() {
    return signed;
  }
}
