package io.tender.core.money;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An amount of one currency, held as a whole number of its minor units (cents for USD, yen for
 * JPY, fils for KWD). Arithmetic is exact: it refuses to overflow and refuses to mix currencies.
 * Major-unit text is parsed with {@link BigDecimal} and refused unless it names a whole number of
 * minor units, so no rounding ever happens here.
 */
public record Money(long minor, CurrencyUnit currency) implements Comparable<Money> {
  /**
   * A JSON number without exponent, sign '+', grouping or surrounding space: what a merchant's
   * JSON encoder writes. ASCII digits only.
   */
  private static final Pattern PLAIN_DECIMAL = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?");

  /** Long enough for any long of minor units at any exponent; longer text is refused unread. */
  private static final int MAX_TEXT_LENGTH = 40;

  public Money {
    Objects.requireNonNull(currency, "currency");
  }

  public static Money ofMinor(long minor, CurrencyUnit currency) {
    return new Money(minor, currency);
  }

  /** @throws UnknownCurrencyException when the code is not an accepted ISO 4217 code */
  public static Money ofMinor(long minor, String currencyCode) {
    return new Money(minor, CurrencyUnit.of(currencyCode));
  }

  public static Money zero(CurrencyUnit currency) {
    return new Money(0, currency);
  }

  /**
   * Parses a major-unit amount such as {@code "10.00"} USD, {@code "1500"} JPY or
   * {@code "1.250"} KWD; also the text of a JSON number such as {@code 5000.00}.
   *
   * <p>Refused: blank text, exponent notation, a leading '+', leading zeros, grouping separators,
   * spaces, NaN or Infinity, more decimal places than the currency has (even zeros: "10.000" USD,
   * "1500.0" JPY), and amounts beyond a {@code long} of minor units.
   *
   * @throws AmountFormatException when the text does not denote an exact amount of the currency
   * @throws UnknownCurrencyException when the code is not an accepted ISO 4217 code
   */
  public static Money parseMajor(String text, String currencyCode) {
    return parseMajor(text, CurrencyUnit.of(currencyCode));
  }

  /** As {@link #parseMajor(String, String)}, for a currency already resolved. */
  public static Money parseMajor(String text, CurrencyUnit currency) {
    Objects.requireNonNull(currency, "currency");
    if (text == null || text.isBlank()) {
      throw new AmountFormatException("Amount is required");
    }
    if (text.length() > MAX_TEXT_LENGTH || !PLAIN_DECIMAL.matcher(text).matches()) {
      throw new AmountFormatException(
          "Amount must be a plain decimal number in major units, such as " + example(currency));
    }
    return fromMajor(new BigDecimal(text), currency, text);
  }

  /**
   * Converts an exact decimal amount in major units, e.g. a JSON number read as
   * {@link BigDecimal}. Its scale counts as written decimal places, so {@code 10.000} is refused
   * for USD just as the text is. A value with a negative scale ({@code 1E+3}) is a whole number
   * and accepted; only the text form can refuse exponent notation, so prefer
   * {@link #parseMajor(String, String)} with the raw token when the input is text.
   *
   * @throws AmountFormatException when the value is not an exact amount of the currency
   * @throws UnknownCurrencyException when the code is not an accepted ISO 4217 code
   */
  public static Money parseMajor(BigDecimal major, String currencyCode) {
    return parseMajor(major, CurrencyUnit.of(currencyCode));
  }

  /** As {@link #parseMajor(BigDecimal, String)}, for a currency already resolved. */
  public static Money parseMajor(BigDecimal major, CurrencyUnit currency) {
    Objects.requireNonNull(currency, "currency");
    if (major == null) {
      throw new AmountFormatException("Amount is required");
    }
    return fromMajor(major, currency, null);
  }

  private static Money fromMajor(BigDecimal major, CurrencyUnit currency, String shownAs) {
    if (major.scale() > currency.exponent()) {
      throw new AmountFormatException(describe(shownAs) + " has more decimal places than "
          + currency.code() + " allows (" + currency.exponent() + ")");
    }
    BigDecimal minor = major.movePointRight(currency.exponent());
    if (minor.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) < 0
        || minor.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
      throw new AmountFormatException(describe(shownAs) + " is out of range");
    }
    // The scale check above makes this exact; longValueExact would still refuse a fraction.
    return new Money(minor.longValueExact(), currency);
  }

  private static String describe(String shownAs) {
    return shownAs == null ? "Amount" : "Amount " + shownAs;
  }

  private static String example(CurrencyUnit currency) {
    return Money.ofMinor(10 * currency.minorPerMajor(), currency).toMajorString();
  }

  /** Exact major-unit text with the currency's full decimals: "10.00" USD, "1500" JPY, "1.250" KWD. */
  public String toMajorString() {
    return BigDecimal.valueOf(minor, currency.exponent()).toPlainString();
  }

  /** The same amount in major units, as an exact decimal with the currency's scale. */
  public BigDecimal toMajor() {
    return BigDecimal.valueOf(minor, currency.exponent());
  }

  public Money plus(Money other) {
    requireSameCurrency(other);
    try {
      return new Money(Math.addExact(minor, other.minor), currency);
    } catch (ArithmeticException overflow) {
      throw overflow(minor + " + " + other.minor);
    }
  }

  public Money minus(Money other) {
    requireSameCurrency(other);
    try {
      return new Money(Math.subtractExact(minor, other.minor), currency);
    } catch (ArithmeticException overflow) {
      throw overflow(minor + " - " + other.minor);
    }
  }

  /** This amount repeated {@code times} times, e.g. a unit price times a quantity. */
  public Money times(long times) {
    try {
      return new Money(Math.multiplyExact(minor, times), currency);
    } catch (ArithmeticException overflow) {
      throw overflow(minor + " * " + times);
    }
  }

  public Money negate() {
    try {
      return new Money(Math.negateExact(minor), currency);
    } catch (ArithmeticException overflow) {
      throw overflow("-(" + minor + ")");
    }
  }

  public boolean isPositive() {
    return minor > 0;
  }

  public boolean isZero() {
    return minor == 0;
  }

  public boolean isNegative() {
    return minor < 0;
  }

  public boolean isGreaterThan(Money other) {
    return compareTo(other) > 0;
  }

  /** Orders amounts of one currency. @throws CurrencyMismatchException across currencies */
  @Override
  public int compareTo(Money other) {
    requireSameCurrency(other);
    return Long.compare(minor, other.minor);
  }

  /** For logs and messages: "10.00 USD". */
  @Override
  public String toString() {
    return toMajorString() + " " + currency.code();
  }

  private void requireSameCurrency(Money other) {
    Objects.requireNonNull(other, "other");
    if (other.currency != currency) {
      throw new CurrencyMismatchException(
          "Cannot combine " + currency.code() + " with " + other.currency.code());
    }
  }

  private ArithmeticException overflow(String operation) {
    return new ArithmeticException(
        "Money overflow: " + operation + " minor units of " + currency.code() + " exceeds a long");
  }
}
