package io.tender.core.money;

import io.tender.core.error.ApiException;
import io.tender.core.error.ErrorCode;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a merchant may ask to move in one payment: more than zero and at most a maximum per
 * currency. The maximum defaults to the same number of major units in every currency and can be
 * set per currency, which matters where a major unit is worth little (VND, IDR, UGX).
 *
 * <p>Refusals are {@link ApiException}s: amounts answer {@link ErrorCode#INVALID_AMOUNT}; an
 * unknown or malformed currency answers {@link ErrorCode#INVALID_REQUEST}, because the currency is
 * not an amount and every route family can render that code.
 */
public final class AmountPolicy {
  /** One million major units: 1000000.00 USD, 1000000 JPY, 1000000.000 KWD. */
  public static final long DEFAULT_MAXIMUM_MAJOR = 1_000_000;

  private final long defaultMaximumMajor;
  private final Map<CurrencyUnit, Money> maximums;

  private AmountPolicy(long defaultMaximumMajor, Map<CurrencyUnit, Money> maximums) {
    this.defaultMaximumMajor = defaultMaximumMajor;
    this.maximums = maximums;
  }

  /** At most {@link #DEFAULT_MAXIMUM_MAJOR} major units in every currency. */
  public static AmountPolicy standard() {
    return withDefaultMaximumMajor(DEFAULT_MAXIMUM_MAJOR);
  }

  /** At most {@code maximumMajor} whole major units in every currency not set otherwise. */
  public static AmountPolicy withDefaultMaximumMajor(long maximumMajor) {
    if (maximumMajor < 1) {
      throw new IllegalArgumentException("default maximum must be at least 1, was " + maximumMajor);
    }
    for (CurrencyUnit currency : CurrencyUnit.values()) {
      if (maximumMajor > Long.MAX_VALUE / currency.minorPerMajor()) {
        throw new IllegalArgumentException("default maximum " + maximumMajor
            + " major units does not fit in minor units of " + currency.code());
      }
    }
    return new AmountPolicy(maximumMajor, new EnumMap<>(CurrencyUnit.class));
  }

  /** A copy of this policy whose maximum for {@code maximum}'s currency is {@code maximum}. */
  public AmountPolicy withMaximum(Money maximum) {
    Objects.requireNonNull(maximum, "maximum");
    if (!maximum.isPositive()) {
      throw new IllegalArgumentException("maximum must be positive, was " + maximum);
    }
    Map<CurrencyUnit, Money> copy = new EnumMap<>(CurrencyUnit.class);
    copy.putAll(maximums);
    copy.put(maximum.currency(), maximum);
    return new AmountPolicy(defaultMaximumMajor, copy);
  }

  public Money maximumFor(CurrencyUnit currency) {
    Money set = maximums.get(Objects.requireNonNull(currency, "currency"));
    return set != null ? set
        : Money.ofMinor(defaultMaximumMajor * currency.minorPerMajor(), currency);
  }

  /**
   * The amount, if a merchant may move it.
   *
   * @throws ApiException {@code INVALID_AMOUNT} when zero, negative or above the maximum
   */
  public Money require(Money amount) {
    if (amount == null) {
      throw ApiException.of(ErrorCode.INVALID_AMOUNT, "Valid amount is required");
    }
    if (!amount.isPositive()) {
      throw ApiException.of(ErrorCode.INVALID_AMOUNT, "Amount must be greater than 0");
    }
    Money maximum = maximumFor(amount.currency());
    if (amount.isGreaterThan(maximum)) {
      throw ApiException.of(ErrorCode.INVALID_AMOUNT, "Amount exceeds the maximum of " + maximum);
    }
    return amount;
  }

  /**
   * A merchant's major-unit amount (text of a JSON number, e.g. {@code "5000.00"}) in the named
   * currency, parsed exactly and checked against this policy.
   *
   * @throws ApiException {@code INVALID_REQUEST} for an unknown currency; {@code INVALID_AMOUNT}
   *     for an amount that is malformed, inexact for the currency, not positive or too large
   */
  public Money requireMajor(String amountText, String currencyCode) {
    CurrencyUnit currency = currency(currencyCode);
    if (amountText == null || amountText.isBlank()) {
      throw ApiException.of(ErrorCode.INVALID_AMOUNT, "Valid amount is required");
    }
    try {
      return require(Money.parseMajor(amountText, currency));
    } catch (AmountFormatException malformed) {
      throw ApiException.of(ErrorCode.INVALID_AMOUNT, malformed.getMessage());
    }
  }

  /** As {@link #requireMajor(String, String)}, for an amount already given in minor units. */
  public Money requireMinor(long minor, String currencyCode) {
    return require(Money.ofMinor(minor, currency(currencyCode)));
  }

  private static CurrencyUnit currency(String code) {
    try {
      return CurrencyUnit.of(code);
    } catch (UnknownCurrencyException unknown) {
      throw ApiException.invalidRequest(unknown.getMessage());
    }
  }
}
