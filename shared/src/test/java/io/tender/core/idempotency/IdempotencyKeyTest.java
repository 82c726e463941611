package io.tender.core.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdempotencyKeyTest {
  private static final String ROUTE = "POST /api/v1/refunds";

  @Test
  void acceptsOneTo255PrintableAsciiCharacters() {
    StringBuilder everyPrintable = new StringBuilder();
    for (char c = 0x21; c <= 0x7E; c++) {
      everyPrintable.append(c);
    }

    assertThat(key("k").key()).isEqualTo("k");
    assertThat(key("a".repeat(255)).key()).hasSize(255);
    assertThat(key(everyPrintable.toString()).key()).isEqualTo(everyPrintable.toString());
  }

  @Test
  void anEmptyKeyIsRefusedWithWhatToSendInstead() {
    assertThatThrownBy(() -> key(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Idempotency-Key must not be empty")
        .hasMessageContaining("1 to 255 printable ASCII characters");
    assertThatThrownBy(() -> key(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aKeyOf256CharactersIsRefusedWithTheLimit() {
    assertThatThrownBy(() -> key("a".repeat(256)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at most 255 characters")
        .hasMessageContaining("256");
  }

  @ParameterizedTest
  @ValueSource(strings = {"line\nbreak", "tab\tbed", "nul\u0000", "del\u007F", "with space",
      "caf\u00e9", "emoji\uD83D\uDE00"})
  void controlSpaceAndNonAsciiCharactersAreRefusedWithTheirPosition(String key) {
    assertThatThrownBy(() -> key(key))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("only printable ASCII characters")
        .hasMessageContaining("character " + (firstOutsidePrintable(key) + 1));
  }

  @Test
  void theScopeComesFromTheGatewayAndMustBeWellFormed() {
    assertThatThrownBy(() -> new IdempotencyKey("ten_1", "prod", ROUTE, "k"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new IdempotencyKey("ten#1", "test", ROUTE, "k"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new IdempotencyKey("ten_1", "test", "POST /a#b", "k"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new IdempotencyKey(" ", "test", ROUTE, "k"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theMerchantsKeyMayContainTheSeparator() {
    assertThat(key("order#42").key()).isEqualTo("order#42");
  }

  private static IdempotencyKey key(String key) {
    return new IdempotencyKey("ten_1", "test", ROUTE, key);
  }

  private static int firstOutsidePrintable(String key) {
    for (int i = 0; i < key.length(); i++) {
      if (key.charAt(i) < 0x21 || key.charAt(i) > 0x7E) {
        return i;
      }
    }
    throw new IllegalArgumentException("all printable: " + key);
  }
}
