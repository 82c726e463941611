package io.tender.core.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Entries that are written together or not at all. Exists only if it is balanced: at least two
 * entries, all positive, all in one book, one time and one reference, indexed 0..n-1, and debits
 * equal to credits in every currency. {@link #builder} makes a new one; {@link #of} checks one
 * read back from storage.
 */
public final class LedgerTransaction {
  /**
   * Keeps a transaction, with one balance update per entry, its state change and its outbox
   * record, well inside one DynamoDB TransactWriteItems (100 items).
   */
  public static final int MAX_ENTRIES = 16;

  private final TransactionId id;
  private final List<LedgerEntry> entries;

  private LedgerTransaction(List<LedgerEntry> entries) {
    this.entries = List.copyOf(entries);
    this.id = this.entries.get(0).transactionId();
  }

  public static Builder builder(TransactionId id, LedgerBook book, Instant at, String reference) {
    return new Builder(id, book, at, reference);
  }

  /** Checks entries read back from storage (any order) and puts them in index order. */
  public static LedgerTransaction of(List<LedgerEntry> entries) {
    Objects.requireNonNull(entries, "entries");
    List<LedgerEntry> ordered = new ArrayList<>(entries);
    ordered.sort(Comparator.comparingInt(LedgerEntry::index));
    requireValid(ordered);
    return new LedgerTransaction(ordered);
  }

  public TransactionId id() {
    return id;
  }

  public LedgerBook book() {
    return entries.get(0).book();
  }

  public Instant at() {
    return entries.get(0).at();
  }

  public String reference() {
    return entries.get(0).reference();
  }

  public List<LedgerEntry> entries() {
    return entries;
  }

  /**
   * The natural-side change to each balance this transaction touches, one per (account,
   * currency) and none that net to zero: what the balance counters are ADD-ed (a DynamoDB
   * transaction may touch an item only once).
   */
  public Map<BalanceKey, Long> balanceChanges() {
    TreeMap<BalanceKey, Long> changes = new TreeMap<>();
    for (LedgerEntry entry : entries) {
      changes.merge(new BalanceKey(entry.account(), entry.currency()), entry.naturalAmount(), Amounts::add);
    }
    changes.values().removeIf(change -> change == 0L);
    return Collections.unmodifiableMap(changes);
  }

  private static void requireValid(List<LedgerEntry> entries) {
    if (entries.size() < 2) {
      throw new InvalidTransactionException("a transaction has at least two entries, had " + entries.size());
    }
    if (entries.size() > MAX_ENTRIES) {
      throw new InvalidTransactionException("a transaction has at most " + MAX_ENTRIES + " entries, had " + entries.size());
    }
    LedgerEntry first = entries.get(0);
    TreeMap<String, Long> sumByCurrency = new TreeMap<>();
    for (int i = 0; i < entries.size(); i++) {
      LedgerEntry entry = entries.get(i);
      if (entry.index() != i) {
        throw new InvalidTransactionException("entries are indexed 0.." + (entries.size() - 1) + ", found " + entry.index());
      }
      if (!entry.transactionId().equals(first.transactionId())) {
        throw new InvalidTransactionException("entries of two transactions: " + first.transactionId() + ", " + entry.transactionId());
      }
      if (!entry.book().equals(first.book())) {
        throw new InvalidTransactionException("a transaction belongs to one tenant and mode: " + first.book() + ", " + entry.book());
      }
      if (!entry.at().equals(first.at()) || !entry.reference().equals(first.reference())) {
        throw new InvalidTransactionException("entries of one transaction share its time and reference");
      }
      sumByCurrency.merge(entry.currency(), entry.signedAmount(), Amounts::add);
    }
    sumByCurrency.forEach((currency, sum) -> {
      if (sum != 0L) {
        throw new InvalidTransactionException("debits and credits differ by " + sum + " " + currency + " (debits minus credits)");
      }
    });
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof LedgerTransaction that && entries.equals(that.entries);
  }

  @Override
  public int hashCode() {
    return entries.hashCode();
  }

  @Override
  public String toString() {
    return "LedgerTransaction" + entries;
  }

  /** Collects lines in order; {@link #build()} refuses anything but a balanced transaction. */
  public static final class Builder {
    private final TransactionId id;
    private final LedgerBook book;
    private final Instant at;
    private final String reference;
    private final List<LedgerEntry> entries = new ArrayList<>();

    private Builder(TransactionId id, LedgerBook book, Instant at, String reference) {
      this.id = Objects.requireNonNull(id, "a transaction needs an id");
      this.book = Objects.requireNonNull(book, "a transaction needs a book");
      this.at = Objects.requireNonNull(at, "a transaction needs a time");
      this.reference = KeyText.require(reference, "reference");
    }

    public Builder debit(LedgerAccount account, long amount, String currency) {
      return add(account, Direction.DEBIT, amount, currency);
    }

    public Builder credit(LedgerAccount account, long amount, String currency) {
      return add(account, Direction.CREDIT, amount, currency);
    }

    public Builder add(LedgerAccount account, Direction direction, long amount, String currency) {
      entries.add(new LedgerEntry(id, entries.size(), account, direction, amount, currency,
          book.tenantId(), book.mode(), at, reference));
      return this;
    }

    public LedgerTransaction build() {
      requireValid(entries);
      return new LedgerTransaction(entries);
    }
  }
}
