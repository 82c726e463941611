package io.tender.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {
  private static final Argon2idParameters CHEAP = new Argon2idParameters(64, 1, 1);
  private static final char[] PASSWORD = "correct horse battery staple".toCharArray();
  /** From the Argon2 reference implementation's tests: password "password", salt "somesalt". */
  private static final String REFERENCE_P1 =
      "$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4";
  private static final String REFERENCE_P2 =
      "$argon2id$v=19$m=256,t=2,p=2$c29tZXNhbHQ$bQk8UB/VmZZF4Oo79iDXuL5/0ttZwg2f/5U52iv1cDc";
  private static final String REFERENCE_64MIB =
      "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc";

  /** RFC 9106 section 5.3, which uses the secret and associated data inputs too. */
  @Test
  void generatorMatchesTheRfc9106Argon2idVector() {
    byte[] tag = Argon2id.derive(filled(32, 0x01), filled(16, 0x02),
        new Argon2idParameters(32, 3, 4), 32, filled(8, 0x03), filled(12, 0x04));

    assertThat(HexFormat.of().formatHex(tag))
        .isEqualTo("0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659");
  }

  @Test
  void generatorMatchesTheReferenceImplementationWithoutSecret() {
    byte[] hash = Argon2id.derive(ascii("password"), ascii("somesalt"),
        new Argon2idParameters(256, 2, 1), 32);

    assertThat(HexFormat.of().formatHex(hash))
        .isEqualTo("9dfeb910e80bad0311fee20f9c0e2b12c17987b4cac90c2ef54d5b3021c68bfe");
  }

  @Test
  void verifiesHashesMadeByTheReferenceImplementation() {
    PasswordHasher hasher = new PasswordHasher(new Random(1));

    assertThat(hasher.verify("password".toCharArray(), REFERENCE_P1)).isTrue();
    assertThat(hasher.verify("password".toCharArray(), REFERENCE_P2)).isTrue();
    assertThat(hasher.verify("password".toCharArray(), REFERENCE_64MIB)).isTrue();
    assertThat(hasher.verify("Password".toCharArray(), REFERENCE_P1)).isFalse();
    assertThat(hasher.verify("password".toCharArray(), REFERENCE_P1.replace("p=1", "p=2")))
        .isFalse();
  }

  @Test
  void hashesWithOwaspParametersInThePhcFormat() {
    PasswordHasher hasher = new PasswordHasher(new Random(1));

    String encoded = hasher.hash(PASSWORD);

    assertThat(encoded)
        .matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
    assertThat(hasher.verify(PASSWORD, encoded)).isTrue();
    assertThat(hasher.verify("correct horse battery stapler".toCharArray(), encoded)).isFalse();
    assertThat(hasher.needsRehash(encoded)).isFalse();
  }

  @Test
  void theEncodingCarriesTheSaltDrawnAndTheHashOfThatSalt() {
    String encoded = new PasswordHasher(new Random(5), CHEAP).hash(PASSWORD);
    byte[] expectedSalt = new byte[16];
    new Random(5).nextBytes(expectedSalt);

    Argon2idHash parsed = Argon2idHash.parse(encoded);

    assertThat(parsed.cost()).isEqualTo(CHEAP);
    assertThat(parsed.salt()).isEqualTo(expectedSalt);
    assertThat(parsed.hash())
        .isEqualTo(Argon2id.derive(ascii(new String(PASSWORD)), expectedSalt, CHEAP, 32));
    assertThat(parsed.encode()).isEqualTo(encoded);
  }

  @Test
  void eachHashHasItsOwnSalt() {
    PasswordHasher hasher = new PasswordHasher(new Random(5), CHEAP);

    String first = hasher.hash(PASSWORD);
    String second = hasher.hash(PASSWORD);

    assertThat(first).isNotEqualTo(second);
    assertThat(hasher.verify(PASSWORD, first)).isTrue();
    assertThat(hasher.verify(PASSWORD, second)).isTrue();
    assertThat(new PasswordHasher(new Random(5), CHEAP).hash(PASSWORD)).isEqualTo(first);
  }

  @Test
  void refusesPasswordsOutsideTheLengthPolicy() {
    PasswordHasher hasher = new PasswordHasher(new Random(1), CHEAP);

    assertThatThrownBy(() -> hasher.hash("a".repeat(11).toCharArray()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 12");
    assertThat(hasher.hash("a".repeat(12).toCharArray())).startsWith("$argon2id$");
    assertThat(hasher.hash("a".repeat(1024).toCharArray())).startsWith("$argon2id$");
    assertThatThrownBy(() -> hasher.hash("a".repeat(1025).toCharArray()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 1024");
  }

  @Test
  void lengthIsCountedInCharactersNotUtf16Units() {
    PasswordHasher hasher = new PasswordHasher(new Random(1), CHEAP);
    String emoji = "\uD83D\uDE00";

    assertThatThrownBy(() -> hasher.hash(emoji.repeat(11).toCharArray()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(hasher.verify(emoji.repeat(12).toCharArray(),
        hasher.hash(emoji.repeat(12).toCharArray()))).isTrue();
    assertThat(hasher.hash(emoji.repeat(1024).toCharArray())).startsWith("$argon2id$");
    assertThatThrownBy(() -> hasher.hash(emoji.repeat(1025).toCharArray()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void verifyDoesNotApplyTheMinimumSoItCanBeRaisedLater() {
    PasswordHasher hasher = new PasswordHasher(new Random(1), CHEAP);

    // "password" is 8 characters: hash() would refuse it, but a stored hash of it verifies.
    assertThat(hasher.verify("password".toCharArray(), REFERENCE_P1)).isTrue();
  }

  @Test
  void verifyRefusesWhatHashWouldRefuseAsTooLongOrNotUnicode() {
    PasswordHasher hasher = new PasswordHasher(new Random(1), CHEAP);
    String stored = hasher.hash(PASSWORD);

    assertThat(hasher.verify("a".repeat(1025).toCharArray(), stored)).isFalse();
    assertThat(hasher.verify("a".repeat(100_000).toCharArray(), stored)).isFalse();
    assertThat(hasher.verify("correct horse \uD800 staple".toCharArray(), stored)).isFalse();
    assertThatThrownBy(() -> hasher.hash("correct horse \uD800 staple".toCharArray()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Unicode");
  }

  @Test
  void equivalentUnicodeSpellingsOfAPasswordMatch() {
    PasswordHasher hasher = new PasswordHasher(new Random(1), CHEAP);
    String composed = "d\u00e9j\u00e0 vu, caf\u00e9 cr\u00e8me";
    String decomposed = "de\u0301ja\u0300 vu, cafe\u0301 cre\u0300me";
    String stored = hasher.hash(composed.toCharArray());

    assertThat(hasher.verify(decomposed.toCharArray(), stored)).isTrue();
    // Compatibility forms fold too: full-width letters are the ASCII ones.
    String ascii = hasher.hash("password12345".toCharArray());
    assertThat(hasher.verify("ｐａｓｓｗｏｒｄ１２３４５".toCharArray(), ascii)).isTrue();
    assertThat(hasher.verify("de ja vu, cafe creme".toCharArray(), stored)).isFalse();
  }

  @Test
  void leavesTheCallersPasswordForTheCallerToWipe() {
    char[] password = PASSWORD.clone();

    new PasswordHasher(new Random(1), CHEAP).hash(password);

    assertThat(password).isEqualTo(PASSWORD);
  }

  @Test
  void needsRehashWhenTheStoredParametersDifferFromTheHashers() {
    PasswordHasher cheap = new PasswordHasher(new Random(1), CHEAP);
    PasswordHasher owasp = new PasswordHasher(new Random(1));
    String cheapHash = cheap.hash(PASSWORD);

    assertThat(cheap.needsRehash(cheapHash)).isFalse();
    assertThat(owasp.needsRehash(cheapHash)).isTrue();
    assertThat(owasp.verify(PASSWORD, cheapHash)).isTrue();
    // Same parameters, but an 8-byte salt.
    assertThat(new PasswordHasher(new Random(1), new Argon2idParameters(256, 2, 1))
        .needsRehash(REFERENCE_P1)).isTrue();
  }

  @Test
  void aCorruptStoredHashIsAFaultNotAWrongPassword() {
    PasswordHasher hasher = new PasswordHasher(new Random(1), CHEAP);

    assertThatThrownBy(() -> hasher.verify(PASSWORD, "$2a$10$notargon"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("notargon");
    assertThatThrownBy(() -> hasher.needsRehash(""))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void verifyNothingTakesAnyPasswordAndLeavesTheSaltSequenceAlone() {
    PasswordHasher hasher = new PasswordHasher(new Random(5), CHEAP);

    hasher.verifyNothing(PASSWORD);
    hasher.verifyNothing("short".toCharArray());
    hasher.verifyNothing("a".repeat(5000).toCharArray());
    hasher.verifyNothing("\uD800".toCharArray());

    assertThat(hasher.hash(PASSWORD))
        .isEqualTo(new PasswordHasher(new Random(5), CHEAP).hash(PASSWORD));
  }

  @Test
  void parametersAreBounded() {
    assertThatThrownBy(() -> new Argon2idParameters(7, 1, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Argon2idParameters(15, 1, 2))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Argon2idParameters(262_145, 1, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Argon2idParameters(64, 0, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Argon2idParameters(64, 17, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Argon2idParameters(64, 1, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(Argon2idParameters.OWASP_MINIMUM).isEqualTo(new Argon2idParameters(19_456, 2, 1));
  }

  private static byte[] filled(int length, int value) {
    byte[] bytes = new byte[length];
    Arrays.fill(bytes, (byte) value);
    return bytes;
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
