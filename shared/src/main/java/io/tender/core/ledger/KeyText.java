package io.tender.core.ledger;

import java.util.regex.Pattern;

/** Ids that end up inside table keys: no '#' (the key separator), no spaces, bounded. */
final class KeyText {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.:-]{1,128}");

  private KeyText() {
  }

  static String require(String value, String what) {
    if (value == null || !ID.matcher(value).matches()) {
      throw new InvalidTransactionException(what + " must be 1 to 128 of [A-Za-z0-9_.:-], was " + value);
    }
    return value;
  }
}
