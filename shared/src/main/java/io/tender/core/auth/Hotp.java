package io.tender.core.auth;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** RFC 4226 HOTP: an HMAC of a counter, dynamically truncated to a decimal code. */
final class Hotp {
  /** RFC 4226 requires a shared secret of at least 128 bits. */
  static final int MIN_SECRET_BYTES = 16;
  private static final int[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000,
      10_000_000, 100_000_000};

  private Hotp() {}

  static String code(byte[] secret, long counter, TotpAlgorithm algorithm, int digits) {
    if (secret.length < MIN_SECRET_BYTES) {
      throw new IllegalArgumentException(
          "an HOTP secret has at least " + MIN_SECRET_BYTES + " bytes");
    }
    if (counter < 0) {
      throw new IllegalArgumentException("an HOTP counter is not negative");
    }
    if (digits < 6 || digits > 8) {
      throw new IllegalArgumentException("HOTP codes have 6 to 8 digits");
    }
    byte[] hmac = hmac(algorithm, secret, ByteBuffer.allocate(Long.BYTES).putLong(counter).array());
    int offset = hmac[hmac.length - 1] & 0x0f;
    int truncated = (hmac[offset] & 0x7f) << 24
        | (hmac[offset + 1] & 0xff) << 16
        | (hmac[offset + 2] & 0xff) << 8
        | (hmac[offset + 3] & 0xff);
    int value = truncated % POWERS_OF_TEN[digits];
    char[] code = new char[digits];
    for (int i = digits - 1; i >= 0; i--) {
      code[i] = (char) ('0' + value % 10);
      value /= 10;
    }
    return new String(code);
  }

  private static byte[] hmac(TotpAlgorithm algorithm, byte[] secret, byte[] message) {
    try {
      Mac mac = Mac.getInstance(algorithm.macName());
      mac.init(new SecretKeySpec(secret, algorithm.macName()));
      return mac.doFinal(message);
    } catch (GeneralSecurityException e) {
      // Every Java runtime must provide these three HMACs.
      throw new IllegalStateException(algorithm.macName() + " is not available", e);
    }
  }
}
