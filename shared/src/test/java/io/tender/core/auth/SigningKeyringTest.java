package io.tender.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class SigningKeyringTest {
  static final String K1 = Base64.getEncoder().encodeToString(bytes(32, 1));
  static final String K2 = Base64.getEncoder().encodeToString(bytes(48, 2));

  @Test
  void theFirstKeySignsAndAllVerify() {
    SigningKeyring keyring = SigningKeyring.parse("k2:" + K2 + ",k1:" + K1);

    assertThat(keyring.current().keyId()).isEqualTo("k2");
    assertThat(keyring.keyIds()).containsExactly("k2", "k1");
    assertThat(keyring.find("k1")).contains(new SigningKey("k1", bytes(32, 1)));
    assertThat(keyring.find("k3")).isEmpty();
  }

  @Test
  void toleratesWhitespaceAroundEntriesAndATrailingNewline() {
    SigningKeyring keyring = SigningKeyring.parse(" k2:" + K2 + " ,\n k1:" + K1 + "\n");

    assertThat(keyring.keyIds()).containsExactly("k2", "k1");
  }

  @Test
  void aSingleKeyIsEnough() {
    assertThat(SigningKeyring.parse("only:" + K1).keyIds()).containsExactly("only");
  }

  @Test
  void refusesMalformedSecretsWithoutQuotingThem() {
    String shortKey = Base64.getEncoder().encodeToString(bytes(31, 3));
    List<String> malformed = List.of(
        "",
        "   ",
        "k1",
        K1,
        ":" + K1,
        "k.1:" + K1,
        "k1:" + shortKey,
        "k1:" + K1 + "!",
        "k1:" + K1 + ",",
        "k1:" + K1 + ",k1:" + K2,
        "k2:" + K2 + ";k1:" + K1,
        "k".repeat(33) + ":" + K1);

    for (String secret : malformed) {
      assertThatThrownBy(() -> SigningKeyring.parse(secret)).as(secret)
          .isInstanceOf(IllegalArgumentException.class)
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain(K1, K2, shortKey))
          .satisfies(e -> assertThat(e.getCause()).isNull());
    }
    assertThatThrownBy(() -> SigningKeyring.parse(null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void keysStayOutOfToString() {
    SigningKeyring keyring = SigningKeyring.parse("k2:" + K2 + ",k1:" + K1);

    assertThat(keyring.toString()).contains("k2", "k1").doesNotContain(K1, K2);
    assertThat(keyring.current().toString()).isEqualTo("SigningKey[k2]");
  }

  @Test
  void keyIdsAndLengthsAreCheckedWhenBuiltDirectly() {
    assertThatThrownBy(() -> new SigningKey("k1", bytes(31, 1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SigningKey("k 1", bytes(32, 1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SigningKeyring(new SigningKey("k1", bytes(32, 1)),
        List.of(new SigningKey("k1", bytes(32, 2)))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  static byte[] bytes(int length, int seed) {
    byte[] bytes = new byte[length];
    for (int i = 0; i < length; i++) {
      bytes[i] = (byte) (i * 31 + seed);
    }
    return bytes;
  }
}
