package io.tender.core.money;

/**
 * An amount that is not a whole number of the currency's minor units, is not written as a plain
 * decimal, or does not fit in a {@code long} of minor units. The message is fit to show a
 * merchant; it echoes the input only once the input is known to be a short plain number.
 */
public final class AmountFormatException extends IllegalArgumentException {
  AmountFormatException(String message) {
    super(message);
  }
}
