package io.tender.core.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tender.core.error.ApiException;
import io.tender.core.error.ErrorCode;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class AmountPolicyTest {
  private final AmountPolicy policy = AmountPolicy.standard();

  @Test
  void acceptsPositiveAmountsUpToTheMaximum() {
    assertThat(policy.requireMajor("5000.00", "NGN")).isEqualTo(Money.ofMinor(500000, "NGN"));
    assertThat(policy.requireMajor("0.01", "USD")).isEqualTo(Money.ofMinor(1, "USD"));
    assertThat(policy.requireMajor("1000000.00", "USD")).isEqualTo(Money.ofMinor(100_000_000, "USD"));
    assertThat(policy.requireMinor(1500, "JPY")).isEqualTo(Money.ofMinor(1500, "JPY"));
    assertThat(policy.require(Money.ofMinor(1, "KWD"))).isEqualTo(Money.ofMinor(1, "KWD"));
  }

  @Test
  void defaultMaximumIsAMillionMajorUnitsInEachCurrency() {
    assertThat(policy.maximumFor(CurrencyUnit.USD)).isEqualTo(Money.ofMinor(100_000_000, "USD"));
    assertThat(policy.maximumFor(CurrencyUnit.JPY)).isEqualTo(Money.ofMinor(1_000_000, "JPY"));
    assertThat(policy.maximumFor(CurrencyUnit.KWD)).isEqualTo(Money.ofMinor(1_000_000_000, "KWD"));
  }

  @Test
  void refusesZeroAndNegativeAmounts() {
    for (ThrowingCallable call : new ThrowingCallable[] {
        () -> policy.requireMajor("0", "USD"), () -> policy.requireMajor("0.00", "USD"),
        () -> policy.requireMajor("-0.01", "USD"), () -> policy.requireMinor(0, "JPY"),
        () -> policy.requireMinor(Long.MIN_VALUE, "USD")}) {
      assertInvalidAmount(call, "Amount must be greater than 0");
    }
  }

  @Test
  void refusesAmountsAboveTheMaximumNamingIt() {
    assertInvalidAmount(() -> policy.requireMajor("1000000.01", "USD"),
        "Amount exceeds the maximum of 1000000.00 USD");
    assertInvalidAmount(() -> policy.requireMinor(1_000_001, "JPY"),
        "Amount exceeds the maximum of 1000000 JPY");
    assertInvalidAmount(() -> policy.requireMinor(1_000_000_001, "KWD"),
        "Amount exceeds the maximum of 1000000.000 KWD");
    assertInvalidAmount(() -> policy.requireMinor(Long.MAX_VALUE, "USD"),
        "Amount exceeds the maximum of 1000000.00 USD");
  }

  @Test
  void maximumIsConfigurableByDefaultAndPerCurrency() {
    AmountPolicy configured = AmountPolicy.withDefaultMaximumMajor(500)
        .withMaximum(Money.parseMajor("50000000", "VND"))
        .withMaximum(Money.parseMajor("2500.50", "EUR"));

    assertThat(configured.requireMajor("500.00", "USD")).isEqualTo(Money.ofMinor(50_000, "USD"));
    assertInvalidAmount(() -> configured.requireMajor("500.01", "USD"),
        "Amount exceeds the maximum of 500.00 USD");
    assertThat(configured.requireMajor("2500.50", "EUR")).isEqualTo(Money.ofMinor(250_050, "EUR"));
    assertInvalidAmount(() -> configured.requireMajor("2500.51", "EUR"),
        "Amount exceeds the maximum of 2500.50 EUR");
    assertThat(configured.requireMinor(50_000_000, "VND").minor()).isEqualTo(50_000_000);
    assertInvalidAmount(() -> configured.requireMinor(50_000_001, "VND"),
        "Amount exceeds the maximum of 50000000 VND");
    // The original policy is unchanged.
    assertThat(policy.maximumFor(CurrencyUnit.VND)).isEqualTo(Money.ofMinor(1_000_000, "VND"));
  }

  @Test
  void refusesMaximumsThatCannotBeHeld() {
    assertThatThrownBy(() -> AmountPolicy.withDefaultMaximumMajor(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AmountPolicy.withDefaultMaximumMajor(Long.MAX_VALUE / 100))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not fit");
    assertThatThrownBy(() -> policy.withMaximum(Money.zero(CurrencyUnit.USD)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void missingOrMalformedAmountsAreInvalidAmounts() {
    assertInvalidAmount(() -> policy.requireMajor(null, "USD"), "Valid amount is required");
    assertInvalidAmount(() -> policy.requireMajor(" ", "USD"), "Valid amount is required");
    assertInvalidAmount(() -> policy.require(null), "Valid amount is required");
    assertInvalidAmount(() -> policy.requireMajor("10.001", "USD"),
        "Amount 10.001 has more decimal places than USD allows (2)");
    assertInvalidAmount(() -> policy.requireMajor("1.5", "JPY"),
        "Amount 1.5 has more decimal places than JPY allows (0)");
    assertInvalidAmount(() -> policy.requireMajor("1e3", "USD"),
        "Amount must be a plain decimal number in major units, such as 10.00");
    assertInvalidAmount(() -> policy.requireMajor("99999999999999999999", "USD"),
        "Amount 99999999999999999999 is out of range");
  }

  @Test
  void unknownCurrencyIsAnInvalidRequest() {
    for (String code : new String[] {"usd", "BTC", "US$", null}) {
      assertThatThrownBy(() -> policy.requireMajor("10.00", code)).as(String.valueOf(code))
          .isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
            assertThat(e.status()).isEqualTo(400);
          });
      assertThatThrownBy(() -> policy.requireMinor(1000, code))
          .isInstanceOfSatisfying(ApiException.class,
              e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST));
    }
    assertThatThrownBy(() -> policy.requireMajor("10.00", "usd"))
        .hasMessage("Currency code must be upper case: USD, not usd");
    // The currency is judged first, so a bad amount in a bad currency names the currency.
    assertThatThrownBy(() -> policy.requireMajor("1e3", "BTC"))
        .hasMessage("Unsupported currency: BTC");
  }

  private static void assertInvalidAmount(ThrowingCallable call, String message) {
    assertThatThrownBy(call).isInstanceOfSatisfying(ApiException.class, e -> {
      assertThat(e.code()).isEqualTo(ErrorCode.INVALID_AMOUNT);
      assertThat(e.status()).isEqualTo(400);
      assertThat(e.fieldErrors()).isEmpty();
    }).hasMessage(message);
  }
}
