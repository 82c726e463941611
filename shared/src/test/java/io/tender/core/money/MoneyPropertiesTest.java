package io.tender.core.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class MoneyPropertiesTest {
  private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

  @Property(tries = 500)
  void formattedAmountsParseBackToTheSameMinorUnits(@ForAll long minor, @ForAll CurrencyUnit currency) {
    Money money = Money.ofMinor(minor, currency);
    String text = money.toMajorString();

    assertThat(Money.parseMajor(text, currency.code())).isEqualTo(money);
    assertThat(Money.parseMajor(money.toMajor(), currency.code())).isEqualTo(money);
    int point = text.indexOf('.');
    assertThat(point < 0 ? 0 : text.length() - point - 1).isEqualTo(currency.exponent());
  }

  @Property(tries = 500)
  void oneDigitBeyondTheCurrencysDecimalsIsRefused(
      @ForAll long minor, @ForAll CurrencyUnit currency, @ForAll @IntRange(max = 9) int digit) {
    String text = Money.ofMinor(minor, currency).toMajorString();
    String longer = currency.exponent() == 0 ? text + "." + digit : text + digit;

    assertThatThrownBy(() -> Money.parseMajor(longer, currency.code()))
        .isInstanceOf(AmountFormatException.class);
  }

  @Property(tries = 500)
  void additionIsExactOrRefused(@ForAll long a, @ForAll long b, @ForAll CurrencyUnit currency) {
    Money left = Money.ofMinor(a, currency);
    Money right = Money.ofMinor(b, currency);
    BigInteger sum = BigInteger.valueOf(a).add(BigInteger.valueOf(b));
    BigInteger difference = BigInteger.valueOf(a).subtract(BigInteger.valueOf(b));

    if (fitsInLong(sum)) {
      assertThat(left.plus(right).minor()).isEqualTo(sum.longValueExact());
    } else {
      assertThatThrownBy(() -> left.plus(right)).isInstanceOf(ArithmeticException.class);
    }
    if (fitsInLong(difference)) {
      assertThat(left.minus(right).minor()).isEqualTo(difference.longValueExact());
    } else {
      assertThatThrownBy(() -> left.minus(right)).isInstanceOf(ArithmeticException.class);
    }
  }

  @Property(tries = 500)
  void multiplicationIsExactOrRefused(@ForAll long a, @ForAll long times, @ForAll CurrencyUnit currency) {
    Money money = Money.ofMinor(a, currency);
    BigInteger product = BigInteger.valueOf(a).multiply(BigInteger.valueOf(times));

    if (fitsInLong(product)) {
      assertThat(money.times(times).minor()).isEqualTo(product.longValueExact());
    } else {
      assertThatThrownBy(() -> money.times(times)).isInstanceOf(ArithmeticException.class);
    }
  }

  private static boolean fitsInLong(BigInteger value) {
    return value.compareTo(LONG_MIN) >= 0 && value.compareTo(LONG_MAX) <= 0;
  }
}
