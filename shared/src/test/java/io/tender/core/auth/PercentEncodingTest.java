package io.tender.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PercentEncodingTest {

  @Test
  void unreservedCharactersStayAndEverythingElseIsEscapedInUpperCaseHex() {
    assertThat(PercentEncoding.encode("AZaz09-._~")).isEqualTo("AZaz09-._~");
    assertThat(PercentEncoding.encode("a b&c=d%e/f:g@h+i")).isEqualTo(
        "a%20b%26c%3Dd%25e%2Ff%3Ag%40h%2Bi");
    assertThat(PercentEncoding.encode("Zo\u00eb \uD83D\uDE00"))
        .isEqualTo("Zo%C3%AB%20%F0%9F%98%80");
  }

  @Test
  void decodesWhatItEncodes() {
    for (String text : new String[] {"", "plain", "a b&c=d%e/f", "Zo\u00eb \uD83D\uDE00", "%41"}) {
      assertThat(PercentEncoding.decode(PercentEncoding.encode(text))).contains(text);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"%41", "%2a", "%2", "%", "%G0", "a b", "a+b", "a&b", "%FF", "%C3",
      "\u00e9", "%ED%A0%80"})
  void refusesAnyOtherSpelling(String encoded) {
    assertThat(PercentEncoding.decode(encoded)).isEmpty();
  }
}
