package io.tender.core.auth;

import java.util.List;

/**
 * A fresh set of recovery codes: {@code codes} to show the user once and never store, and, in the
 * same order, {@code hashes} to store in their place.
 */
public record IssuedRecoveryCodes(List<String> codes, List<String> hashes) {

  public IssuedRecoveryCodes {
    codes = List.copyOf(codes);
    hashes = List.copyOf(hashes);
    if (codes.size() != hashes.size()) {
      throw new IllegalArgumentException("one hash per recovery code");
    }
  }

  /** Withholds the codes, which must not reach a log. */
  @Override
  public String toString() {
    return "IssuedRecoveryCodes[" + codes.size() + " codes withheld]";
  }
}
