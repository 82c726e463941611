package io.tender.adapter.stripe;

import io.tender.core.money.CurrencyUnit;
import io.tender.core.money.Money;
import io.tender.core.provider.ProviderRefusedException;
import io.tender.core.provider.ProviderRefusedException.Refusal;
import java.util.Locale;
import java.util.Set;

/**
 * Stripe's wire unit: integer minor units, as ISO 4217 counts them, with Stripe's exceptions.
 * Three-decimal currencies must end in 0 on the wire. ISK and UGX are refused: Stripe has
 * changed how many decimals it expects for them over time, and guessing wrong charges a hundred
 * times too much or too little.
 */
final class StripeAmounts {
  private static final Set<CurrencyUnit> UNSETTLED_UNITS = Set.of(CurrencyUnit.ISK, CurrencyUnit.UGX);

  private StripeAmounts() {}

  static long toWire(Money amount) {
    CurrencyUnit currency = amount.currency();
    if (UNSETTLED_UNITS.contains(currency)) {
      throw new ProviderRefusedException(StripeConnector.PROVIDER, Refusal.CURRENCY_NOT_SUPPORTED,
          null, "The Stripe connector does not take " + currency.code() + " payments");
    }
    if (currency.exponent() == 3 && amount.minor() % 10 != 0) {
      throw new ProviderRefusedException(StripeConnector.PROVIDER, Refusal.AMOUNT_NOT_SUPPORTED,
          null, "Stripe takes " + currency.code() + " amounts in whole hundredths only");
    }
    return amount.minor();
  }

  /** Our minor units for a wire amount; the inverse of {@link #toWire} where it is defined. */
  static long fromWire(long wire) {
    return wire;
  }

  static String wireCurrency(CurrencyUnit currency) {
    return currency.code().toLowerCase(Locale.ROOT);
  }
}
