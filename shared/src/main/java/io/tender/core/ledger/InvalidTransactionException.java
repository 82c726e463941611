package io.tender.core.ledger;

/** A ledger transaction or entry that must not be written: unbalanced, empty, mixed books, bad amounts. */
public final class InvalidTransactionException extends IllegalArgumentException {
  public InvalidTransactionException(String message) {
    super(message);
  }
}
