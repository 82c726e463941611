package io.tender.core.money;

/** Arithmetic or comparison across two currencies, which has no meaning without an exchange rate. */
public final class CurrencyMismatchException extends IllegalArgumentException {
  CurrencyMismatchException(String message) {
    super(message);
  }
}
