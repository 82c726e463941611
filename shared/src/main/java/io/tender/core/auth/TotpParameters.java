package io.tender.core.auth;

import java.util.Objects;

/**
 * How TOTP codes are made for one enrolment: the HMAC function, the number of digits and the
 * length of a time step. Stored with the secret, because changing any of them changes every code.
 */
public record TotpParameters(TotpAlgorithm algorithm, int digits, int periodSeconds) {

  /** What every common authenticator app supports: HMAC-SHA1, 6 digits, 30-second steps. */
  public static final TotpParameters DEFAULT = new TotpParameters(TotpAlgorithm.SHA1, 6, 30);

  public TotpParameters {
    Objects.requireNonNull(algorithm, "algorithm");
    if (digits < 6 || digits > 8) {
      throw new IllegalArgumentException("TOTP codes have 6 to 8 digits, not " + digits);
    }
    if (periodSeconds < 1 || periodSeconds > 300) {
      throw new IllegalArgumentException(
          "a TOTP time step is 1 to 300 seconds, not " + periodSeconds);
    }
  }
}
