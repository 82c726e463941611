package io.tender.core.money;

/** A currency code Tender does not accept. The message is fit to show a merchant. */
public final class UnknownCurrencyException extends IllegalArgumentException {
  UnknownCurrencyException(String message) {
    super(message);
  }
}
