package io.tender.core.ledger;

import java.util.regex.Pattern;

/** The one place ledger amounts and currencies are checked and added: overflow is an error, never a wrap. */
final class Amounts {
  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

  private Amounts() {
  }

  static long requirePositive(long amount, String what) {
    if (amount <= 0) {
      throw new InvalidTransactionException(what + " must be a positive amount in minor units, was " + amount);
    }
    return amount;
  }

  static String requireCurrency(String currency) {
    if (currency == null || !CURRENCY.matcher(currency).matches()) {
      throw new InvalidTransactionException("a currency is an ISO 4217 code such as EUR, was " + currency);
    }
    return currency;
  }

  static long add(long a, long b) {
    try {
      return Math.addExact(a, b);
    } catch (ArithmeticException overflow) {
      throw new InvalidTransactionException("amount overflows a long: " + a + " + " + b);
    }
  }

  static long subtract(long a, long b) {
    try {
      return Math.subtractExact(a, b);
    } catch (ArithmeticException overflow) {
      throw new InvalidTransactionException("amount overflows a long: " + a + " - " + b);
    }
  }

  static long negate(long amount) {
    try {
      return Math.negateExact(amount);
    } catch (ArithmeticException overflow) {
      throw new InvalidTransactionException("amount overflows a long: -" + amount);
    }
  }
}
