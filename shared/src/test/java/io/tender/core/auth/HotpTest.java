package io.tender.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HotpTest {
  private static final byte[] SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

  /** RFC 4226 Appendix D: counters 0 to 9. */
  @Test
  void rfc4226TestValues() {
    String[] expected = {"755224", "287082", "359152", "969429", "338314", "254676", "287922",
        "162583", "399871", "520489"};

    for (int counter = 0; counter < expected.length; counter++) {
      assertThat(Hotp.code(SECRET, counter, TotpAlgorithm.SHA1, 6))
          .as("counter %d", counter).isEqualTo(expected[counter]);
    }
  }

  @Test
  void refusesSecretsShorterThan128Bits() {
    assertThatThrownBy(() -> Hotp.code(new byte[15], 0, TotpAlgorithm.SHA1, 6))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("16 bytes");
  }

  @Test
  void refusesNegativeCounters() {
    assertThatThrownBy(() -> Hotp.code(SECRET, -1, TotpAlgorithm.SHA1, 6))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
