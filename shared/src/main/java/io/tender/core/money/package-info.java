/**
 * Money as a {@code long} of minor units plus an ISO 4217 currency. Nothing here takes or returns
 * a {@code float} or {@code double}; major-unit input is parsed with {@code BigDecimal} and refused
 * unless it is exact for the currency.
 */
package io.tender.core.money;
