package io.tender.core.money;

import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The currencies Tender accepts, each with its minor-unit exponent: an amount of {@code minor}
 * units is {@code minor / 10^exponent} major units.
 *
 * <p>The authority is ISO 4217 (the "minor unit" column of the maintenance agency's list one
 * table). The table is written out here rather than read from {@link java.util.Currency}, whose
 * data ships with the JDK and has changed between releases; an exponent that silently changed
 * would rescale every stored amount. Where a provider rounds differently from ISO (some treat
 * ISK, UGX or HUF specially), the connector converts at its edge; the core stays ISO.
 */
public enum CurrencyUnit {
  // Exponent 0
  CLP(0), ISK(0), JPY(0), KRW(0), PYG(0), RWF(0), UGX(0), VND(0), XAF(0), XOF(0), XPF(0),
  // Exponent 2
  AED(2), AUD(2), BRL(2), CAD(2), CHF(2), CNY(2), CZK(2), DKK(2), EGP(2), EUR(2), GBP(2),
  GHS(2), HKD(2), HUF(2), IDR(2), ILS(2), INR(2), KES(2), MXN(2), MYR(2), NGN(2), NOK(2),
  NZD(2), PHP(2), PLN(2), RON(2), SAR(2), SEK(2), SGD(2), THB(2), TRY(2), USD(2), ZAR(2),
  // Exponent 3
  BHD(3), IQD(3), JOD(3), KWD(3), LYD(3), OMR(3), TND(3),
  // Exponent 4: the Chilean unit of account, listed so nothing assumes three is the most.
  CLF(4);

  private static final Map<String, CurrencyUnit> BY_CODE = Stream.of(values())
      .collect(Collectors.toUnmodifiableMap(CurrencyUnit::code, Function.identity()));

  private final int exponent;
  private final long minorPerMajor;

  CurrencyUnit(int exponent) {
    this.exponent = exponent;
    long scale = 1;
    for (int i = 0; i < exponent; i++) {
      scale *= 10;
    }
    this.minorPerMajor = scale;
  }

  /**
   * The currency for an upper-case ISO 4217 code, e.g. {@code "USD"}.
   *
   * @throws UnknownCurrencyException for null, lower-case, malformed or unsupported codes; the
   *     message is fit to show a merchant
   */
  public static CurrencyUnit of(String code) {
    if (code == null || code.isBlank()) {
      throw new UnknownCurrencyException("Currency is required");
    }
    CurrencyUnit found = BY_CODE.get(code);
    if (found != null) {
      return found;
    }
    if (code.matches("[A-Za-z]{3}")) {
      // Echoed back only once known to be three ASCII letters, so nothing odd reaches a response.
      String upper = code.toUpperCase(Locale.ROOT);
      if (!code.equals(upper) && BY_CODE.containsKey(upper)) {
        throw new UnknownCurrencyException(
            "Currency code must be upper case: " + upper + ", not " + code);
      }
      throw new UnknownCurrencyException("Unsupported currency: " + code);
    }
    throw new UnknownCurrencyException("Currency must be a three-letter ISO 4217 code such as USD");
  }

  /** The ISO 4217 alphabetic code, e.g. {@code "USD"}. */
  public String code() {
    return name();
  }

  /** Digits after the decimal point in major units: JPY 0, USD 2, KWD 3. */
  public int exponent() {
    return exponent;
  }

  /** {@code 10^exponent}: how many minor units make one major unit. */
  public long minorPerMajor() {
    return minorPerMajor;
  }
}
