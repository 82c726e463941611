package io.tender.core.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalInt;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NumericIpv4HostTest {

  private static String dotted(OptionalInt address) {
    int a = address.orElseThrow();
    return (a >>> 24) + "." + ((a >>> 16) & 0xff) + "." + ((a >>> 8) & 0xff) + "." + (a & 0xff);
  }

  @ParameterizedTest
  @CsvSource({
      "127.0.0.1, 127.0.0.1",
      "2130706433, 127.0.0.1",
      "017700000001, 127.0.0.1",
      "0x7f000001, 127.0.0.1",
      "0X7F000001, 127.0.0.1",
      "0177.0.0.1, 127.0.0.1",
      "0x7f.0.0.1, 127.0.0.1",
      "0x7f.1, 127.0.0.1",
      "127.1, 127.0.0.1",
      "127.0.1, 127.0.0.1",
      "0x7f.0x0.0.01, 127.0.0.1",
      "2852039166, 169.254.169.254",
      "0xa9fea9fe, 169.254.169.254",
      "0251.0376.0251.0376, 169.254.169.254",
      "169.254.43518, 169.254.169.254",
      "169.16689662, 169.254.169.254",
      "0xa9.254.0251.0xfe, 169.254.169.254",
      "0, 0.0.0.0",
      "0x, 0.0.0.0",
      "4294967295, 255.255.255.255",
      "10.1, 10.0.0.1",
      "8.8.8.8, 8.8.8.8",
      "00000000000000000000010.0.0.1, 8.0.0.1"
  })
  void everyNumericFormReadsAsItsAddress(String host, String expected) {
    assertThat(NumericIpv4Host.endsInANumber(host)).isTrue();
    assertThat(dotted(NumericIpv4Host.parse(host))).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"256.0.0.1", "1.2.3.256", "1.2.3.4.5", "4294967296", "08.0.0.1",
      "0x1g.0.0.1", "1.16777216", "1.2.65536", "1..1", "99999999999999999999", "1.0x100.1.1",
      "a.1"})
  void numericLookingHostsThatAreNoAddressAreRejected(String host) {
    assertThat(NumericIpv4Host.endsInANumber(host)).isTrue();
    assertThat(NumericIpv4Host.parse(host)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"example.com", "1.2.3.4.nip.io", "0x7f.example", "hooks.0x1g", "1e3"})
  void namesDoNotEndInANumber(String host) {
    assertThat(NumericIpv4Host.endsInANumber(host)).isFalse();
  }
}
