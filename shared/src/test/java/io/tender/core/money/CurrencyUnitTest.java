package io.tender.core.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CurrencyUnitTest {

  /** ISO 4217 minor units for every currency the seeds and providers use, plus the edge cases. */
  private static final Map<String, Integer> ISO_4217_EXPONENTS = new LinkedHashMap<>();

  static {
    for (String code : "USD EUR GBP ZAR NGN THB MYR SGD AUD CAD CHF SEK NOK DKK PLN CZK HUF".split(" ")) {
      ISO_4217_EXPONENTS.put(code, 2);
    }
    for (String code : "JPY KRW VND CLP ISK UGX XAF XOF".split(" ")) {
      ISO_4217_EXPONENTS.put(code, 0);
    }
    for (String code : "KWD BHD OMR JOD TND LYD IQD".split(" ")) {
      ISO_4217_EXPONENTS.put(code, 3);
    }
    ISO_4217_EXPONENTS.put("CLF", 4);
  }

  @Test
  void exponentsFollowIso4217() {
    ISO_4217_EXPONENTS.forEach((code, exponent) -> {
      CurrencyUnit currency = CurrencyUnit.of(code);
      assertThat(currency.code()).isEqualTo(code);
      assertThat(currency.exponent()).as(code).isEqualTo(exponent);
    });
  }

  @Test
  void minorPerMajorIsTenToTheExponent() {
    assertThat(CurrencyUnit.JPY.minorPerMajor()).isEqualTo(1);
    assertThat(CurrencyUnit.USD.minorPerMajor()).isEqualTo(100);
    assertThat(CurrencyUnit.KWD.minorPerMajor()).isEqualTo(1000);
    assertThat(CurrencyUnit.CLF.minorPerMajor()).isEqualTo(10000);
    for (CurrencyUnit currency : CurrencyUnit.values()) {
      assertThat(currency.exponent()).as(currency.code()).isBetween(0, 4);
      assertThat(currency.minorPerMajor()).as(currency.code())
          .isEqualTo(BigInteger.TEN.pow(currency.exponent()).longValueExact());
    }
  }

  @Test
  void everyCodeIsThreeUpperCaseLettersAndResolvesToItself() {
    assertThat(Arrays.stream(CurrencyUnit.values()).map(CurrencyUnit::code))
        .allMatch(code -> code.matches("[A-Z]{3}"));
    for (CurrencyUnit currency : CurrencyUnit.values()) {
      assertThat(CurrencyUnit.of(currency.code())).isSameAs(currency);
    }
  }

  @Test
  void lowerCaseCodeIsRefusedWithTheCodeToUseInstead() {
    assertThatThrownBy(() -> CurrencyUnit.of("usd")).isInstanceOf(UnknownCurrencyException.class)
        .hasMessage("Currency code must be upper case: USD, not usd");
    assertThatThrownBy(() -> CurrencyUnit.of("Jpy")).isInstanceOf(UnknownCurrencyException.class)
        .hasMessage("Currency code must be upper case: JPY, not Jpy");
  }

  @ParameterizedTest
  @ValueSource(strings = {"BTC", "XBT", "XTS", "XXX", "ABC", "RUR", "xyz"})
  void lettersThatAreNotAnAcceptedIsoCodeAreRefused(String code) {
    assertThatThrownBy(() -> CurrencyUnit.of(code)).isInstanceOf(UnknownCurrencyException.class)
        .hasMessage("Unsupported currency: " + code);
  }

  @ParameterizedTest
  @ValueSource(strings = {"US", "USDT", "US$", "U5D", " USD", "USD ", "840", "ＵＳＤ", "US\nD",
      "<script>"})
  void malformedCodesAreRefusedWithoutBeingEchoed(String code) {
    assertThatThrownBy(() -> CurrencyUnit.of(code)).isInstanceOf(UnknownCurrencyException.class)
        .hasMessage("Currency must be a three-letter ISO 4217 code such as USD");
  }

  @Test
  void missingCodeIsRefused() {
    assertThatThrownBy(() -> CurrencyUnit.of(null)).isInstanceOf(UnknownCurrencyException.class)
        .hasMessage("Currency is required");
    assertThatThrownBy(() -> CurrencyUnit.of("  ")).isInstanceOf(UnknownCurrencyException.class)
        .hasMessage("Currency is required");
  }
}
