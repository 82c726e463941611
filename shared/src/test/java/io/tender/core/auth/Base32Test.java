package io.tender.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Base32Test {

  /** RFC 4648 section 10. */
  @ParameterizedTest
  @CsvSource(value = {
      "'',''",
      "f,MY======",
      "fo,MZXQ====",
      "foo,MZXW6===",
      "foob,MZXW6YQ=",
      "fooba,MZXW6YTB",
      "foobar,MZXW6YTBOI======"})
  void rfc4648TestVectors(String text, String base32) {
    byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);

    assertThat(Base32.encode(bytes)).isEqualTo(base32);
    assertThat(Base32.encodeUnpadded(bytes)).isEqualTo(base32.replace("=", ""));
    assertThat(Base32.decode(base32)).isEqualTo(bytes);
    assertThat(Base32.decode(base32.replace("=", ""))).isEqualTo(bytes);
    assertThat(Base32.decode(base32.toLowerCase())).isEqualTo(bytes);
  }

  @Test
  void roundTripsEveryLength() {
    Random random = new Random(3);
    for (int length = 0; length <= 70; length++) {
      byte[] bytes = new byte[length];
      random.nextBytes(bytes);

      assertThat(Base32.decode(Base32.encode(bytes))).isEqualTo(bytes);
      assertThat(Base32.decode(Base32.encodeUnpadded(bytes))).isEqualTo(bytes);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "MY=====",          // padded but not to a multiple of 8
      "MY=======",        // too much padding
      "MZXW6===A",        // text after padding
      "========",         // padding alone
      "M",                // no byte string has 1, 3 or 6 characters
      "MZX",
      "MZXW6Y",
      "MZ",               // non-zero trailing bits: "f" is MY
      "MZXW6YTBOI=====1",
      "MZXW 6YTB",        // space
      "MZXW6YT1",         // 1 is not in the alphabet
      "MZXW6YT8",
      "MZXW6YT0"})
  void refusesWhatIsNotCanonicalBase32(String text) {
    assertThatThrownBy(() -> Base32.decode(text)).isInstanceOf(IllegalArgumentException.class);
  }
}
