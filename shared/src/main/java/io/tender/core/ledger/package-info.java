/**
 * Double-entry ledger rules: what a business event writes, and how entries fold into balances.
 *
 * <p>Sign convention. An entry is an account, a direction and a positive amount in minor units
 * of one currency. Its <em>signed</em> amount is {@code +amount} for a debit and {@code -amount}
 * for a credit, so the entries of every transaction, and of every whole ledger, sum to zero per
 * currency. Each account also has a normal side ({@link io.tender.core.ledger.LedgerAccount#normalSide()}):
 * its <em>natural</em> balance is the signed balance for a debit-normal account (an asset: what
 * is owed to us) and the negated signed balance for a credit-normal one (a liability or revenue:
 * what we owe or have earned). Natural balances are what people read, and what the sharded
 * balance counters hold.
 *
 * <p>Nothing here touches storage: a repository writes a {@link io.tender.core.ledger.LedgerTransaction}'s
 * entries with conditional puts keyed by its deterministic id, so a retried event writes nothing twice.
 */
package io.tender.core.ledger;
