package io.tender.core.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {

  @ParameterizedTest
  @CsvSource({
      "10.00, USD, 1000", "10, USD, 1000", "10.5, USD, 1050", "0.01, USD, 1", "0, USD, 0",
      "5000.00, NGN, 500000", "5000, ZAR, 500000", "10.0, EUR, 1000", "-2.50, GBP, -250",
      "1500, JPY, 1500", "0, KRW, 0", "1.250, KWD, 1250", "1.25, BHD, 1250", "0.001, OMR, 1",
      "92233720368547758.07, USD, 9223372036854775807",
      "-92233720368547758.08, USD, -9223372036854775808",
      "9223372036854775807, JPY, 9223372036854775807", "1.2345, CLF, 12345"})
  void parsesMajorUnitsExactly(String text, String code, long minor) {
    assertThat(Money.parseMajor(text, code)).isEqualTo(Money.ofMinor(minor, code));
  }

  @ParameterizedTest
  @CsvSource({"1000, USD, 10.00", "5, USD, 0.05", "-5, USD, -0.05", "0, USD, 0.00",
      "1500, JPY, 1500", "-1500, JPY, -1500", "1250, KWD, 1.250", "7, KWD, 0.007",
      "500000, NGN, 5000.00", "-9223372036854775808, USD, -92233720368547758.08",
      "9223372036854775807, KWD, 9223372036854775.807", "1, CLF, 0.0001"})
  void formatsMajorUnitsWithTheCurrencysFullDecimals(long minor, String code, String text) {
    assertThat(Money.ofMinor(minor, code).toMajorString()).isEqualTo(text);
  }

  @Test
  void toStringNamesTheCurrency() {
    assertThat(Money.ofMinor(1000, "USD")).hasToString("10.00 USD");
    assertThat(Money.ofMinor(1250, "KWD").toMajor()).isEqualTo(new BigDecimal("1.250"));
  }

  @ParameterizedTest
  @CsvSource({"10.001, USD", "0.005, USD", "10.000, USD", "1.5, JPY", "1500.0, JPY",
      "1.2345, KWD", "1.00000, CLF"})
  void refusesMoreDecimalPlacesThanTheCurrencyHas(String text, String code) {
    CurrencyUnit currency = CurrencyUnit.of(code);
    assertThatThrownBy(() -> Money.parseMajor(text, code))
        .isInstanceOf(AmountFormatException.class)
        .hasMessage("Amount " + text + " has more decimal places than " + code + " allows ("
            + currency.exponent() + ")");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1e3", "1E3", "1.5E+2", "+10.00", "1,000.00", "1 000.00", "1_000",
      "1000,00", "NaN", "Infinity", "-Infinity", "0x10", "10.", ".50", "-", "--1", "-.5",
      "007.50", "00", " 10.00", "10.00 ", "10.00\n", "١٠", "１０", "$10", "10USD", "10.0.0",
      "12345678901234567890123456789012345678901"})
  void refusesAnythingButAPlainDecimal(String text) {
    assertThatThrownBy(() -> Money.parseMajor(text, "USD"))
        .isInstanceOf(AmountFormatException.class)
        .hasMessage("Amount must be a plain decimal number in major units, such as 10.00");
  }

  @Test
  void exampleInTheMessageFitsTheCurrency() {
    assertThatThrownBy(() -> Money.parseMajor("1e3", "JPY"))
        .hasMessage("Amount must be a plain decimal number in major units, such as 10");
    assertThatThrownBy(() -> Money.parseMajor("1e3", "KWD"))
        .hasMessage("Amount must be a plain decimal number in major units, such as 10.000");
  }

  @Test
  void refusesBlankAmounts() {
    for (String blank : new String[] {null, "", "   ", "\t"}) {
      assertThatThrownBy(() -> Money.parseMajor(blank, "USD")).as(String.valueOf(blank))
          .isInstanceOf(AmountFormatException.class).hasMessage("Amount is required");
    }
    assertThatThrownBy(() -> Money.parseMajor((BigDecimal) null, "USD"))
        .isInstanceOf(AmountFormatException.class).hasMessage("Amount is required");
  }

  @Test
  void refusesAmountsBeyondALongOfMinorUnits() {
    assertThatThrownBy(() -> Money.parseMajor("92233720368547758.08", "USD"))
        .isInstanceOf(AmountFormatException.class)
        .hasMessage("Amount 92233720368547758.08 is out of range");
    assertThatThrownBy(() -> Money.parseMajor("-92233720368547758.09", "USD"))
        .isInstanceOf(AmountFormatException.class);
    assertThatThrownBy(() -> Money.parseMajor("9223372036854775808", "JPY"))
        .isInstanceOf(AmountFormatException.class);
    assertThatThrownBy(() -> Money.parseMajor(new BigDecimal("1E+30"), "USD"))
        .isInstanceOf(AmountFormatException.class).hasMessage("Amount is out of range");
  }

  @Test
  void parsingNeedsAKnownCurrency() {
    assertThatThrownBy(() -> Money.parseMajor("10.00", "usd"))
        .isInstanceOf(UnknownCurrencyException.class);
    assertThatThrownBy(() -> Money.parseMajor("10.00", "BTC"))
        .isInstanceOf(UnknownCurrencyException.class);
    assertThatThrownBy(() -> Money.ofMinor(1000, "XXX"))
        .isInstanceOf(UnknownCurrencyException.class);
  }

  @Test
  void parsesADecimalJudgingItsScaleAsWrittenDecimals() {
    assertThat(Money.parseMajor(new BigDecimal("5000.00"), "NGN")).isEqualTo(Money.ofMinor(500000, "NGN"));
    assertThat(Money.parseMajor(new BigDecimal("1E+3"), "JPY")).isEqualTo(Money.ofMinor(1000, "JPY"));
    assertThat(Money.parseMajor(BigDecimal.valueOf(1250, 3), "KWD")).isEqualTo(Money.ofMinor(1250, "KWD"));
    assertThatThrownBy(() -> Money.parseMajor(new BigDecimal("10.001"), "USD"))
        .isInstanceOf(AmountFormatException.class)
        .hasMessage("Amount has more decimal places than USD allows (2)");
    assertThatThrownBy(() -> Money.parseMajor(new BigDecimal("10.000"), "USD"))
        .isInstanceOf(AmountFormatException.class);
    assertThatThrownBy(() -> Money.parseMajor(new BigDecimal("1.5"), "JPY"))
        .isInstanceOf(AmountFormatException.class);
  }

  @Test
  void addsSubtractsMultipliesAndNegatesExactly() {
    Money ten = Money.ofMinor(1000, "USD");
    Money twoFifty = Money.ofMinor(250, "USD");
    assertThat(ten.plus(twoFifty)).isEqualTo(Money.ofMinor(1250, "USD"));
    assertThat(ten.minus(twoFifty)).isEqualTo(Money.ofMinor(750, "USD"));
    assertThat(twoFifty.minus(ten)).isEqualTo(Money.ofMinor(-750, "USD"));
    assertThat(twoFifty.times(3)).isEqualTo(Money.ofMinor(750, "USD"));
    assertThat(ten.negate()).isEqualTo(Money.ofMinor(-1000, "USD"));
    assertThat(Money.zero(CurrencyUnit.JPY)).isEqualTo(Money.ofMinor(0, "JPY"));
  }

  @Test
  void comparesWithinOneCurrency() {
    Money ten = Money.ofMinor(1000, "USD");
    assertThat(ten.isGreaterThan(Money.ofMinor(999, "USD"))).isTrue();
    assertThat(ten.isGreaterThan(ten)).isFalse();
    assertThat(ten.compareTo(Money.ofMinor(1001, "USD"))).isNegative();
    assertThat(ten.isPositive()).isTrue();
    assertThat(ten.negate().isNegative()).isTrue();
    assertThat(Money.zero(CurrencyUnit.USD).isZero()).isTrue();
    assertThat(Money.zero(CurrencyUnit.USD).isPositive()).isFalse();
  }

  @Test
  void equalityIncludesTheCurrency() {
    assertThat(Money.ofMinor(1000, "USD")).isNotEqualTo(Money.ofMinor(1000, "EUR"));
    assertThat(Money.ofMinor(1000, "USD")).isEqualTo(Money.ofMinor(1000, CurrencyUnit.USD));
  }

  @Test
  void refusesToMixCurrencies() {
    Money usd = Money.ofMinor(1000, "USD");
    Money eur = Money.ofMinor(1000, "EUR");
    assertThatThrownBy(() -> usd.plus(eur)).isInstanceOf(CurrencyMismatchException.class)
        .hasMessage("Cannot combine USD with EUR");
    assertThatThrownBy(() -> usd.minus(eur)).isInstanceOf(CurrencyMismatchException.class);
    assertThatThrownBy(() -> usd.compareTo(eur)).isInstanceOf(CurrencyMismatchException.class);
    assertThatThrownBy(() -> usd.isGreaterThan(eur)).isInstanceOf(CurrencyMismatchException.class);
    // Same digits, different exponent: still refused.
    assertThatThrownBy(() -> Money.ofMinor(1000, "JPY").plus(Money.ofMinor(1000, "KRW")))
        .isInstanceOf(CurrencyMismatchException.class);
  }

  @Test
  void refusesToOverflow() {
    Money max = Money.ofMinor(Long.MAX_VALUE, "USD");
    Money min = Money.ofMinor(Long.MIN_VALUE, "USD");
    Money cent = Money.ofMinor(1, "USD");
    assertThatThrownBy(() -> max.plus(cent)).isInstanceOf(ArithmeticException.class)
        .hasMessageContaining("Money overflow").hasMessageContaining("USD");
    assertThatThrownBy(() -> min.minus(cent)).isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> max.times(2)).isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> min.times(-1)).isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(min::negate).isInstanceOf(ArithmeticException.class);
    assertThat(max.minus(cent).plus(cent)).isEqualTo(max);
    assertThat(min.plus(max)).isEqualTo(Money.ofMinor(-1, "USD"));
  }

  @Test
  void requiresACurrency() {
    assertThatThrownBy(() -> new Money(1, null)).isInstanceOf(NullPointerException.class);
  }
}
