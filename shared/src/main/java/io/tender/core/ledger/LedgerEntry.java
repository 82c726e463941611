package io.tender.core.ledger;

import io.tender.core.tenant.Mode;
import java.time.Instant;
import java.util.Objects;

/**
 * One line of a ledger transaction; immutable once written. {@code reference} is the business
 * id the transaction is about (a payment or refund id). {@link #identity()} is what a write of
 * this entry is deduplicated on: the same business event always yields the same identities.
 */
public record LedgerEntry(TransactionId transactionId, int index, LedgerAccount account, Direction direction,
    long amount, String currency, String tenantId, Mode mode, Instant at, String reference) {

  public LedgerEntry {
    Objects.requireNonNull(transactionId, "an entry needs its transaction id");
    if (index < 0) {
      throw new InvalidTransactionException("an entry index is 0 or more, was " + index);
    }
    Objects.requireNonNull(account, "an entry needs an account");
    Objects.requireNonNull(direction, "an entry needs a direction");
    Amounts.requirePositive(amount, "an entry's amount");
    Amounts.requireCurrency(currency);
    tenantId = KeyText.require(tenantId, "tenant id");
    Objects.requireNonNull(mode, "an entry needs a mode");
    Objects.requireNonNull(at, "an entry needs a time");
    reference = KeyText.require(reference, "reference");
  }

  public LedgerBook book() {
    return new LedgerBook(tenantId, mode);
  }

  /** Debit-positive: the entries of a balanced transaction sum to zero per currency. */
  public long signedAmount() {
    return direction.signed(amount);
  }

  /** The change this entry makes to its account's balance, seen from the account's normal side. */
  public long naturalAmount() {
    return account.natural(signedAmount());
  }

  /** Unique per (tenant, mode, transaction, index): the key a conditional put dedupes on. */
  public String identity() {
    return tenantId + "#" + mode.wire() + "#" + transactionId.value() + "#" + index;
  }
}
