package io.tender.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.OptionalLong;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TotpTest {
  private static final byte[] SHA1_SEED = ascii("12345678901234567890");
  private static final byte[] SHA256_SEED = ascii("12345678901234567890123456789012");
  private static final byte[] SHA512_SEED =
      ascii("1234567890123456789012345678901234567890123456789012345678901234");
  private static final Instant NOW = Instant.parse("2026-11-23T10:00:10Z");

  private final Totp totp = new Totp(Clock.fixed(NOW, ZoneOffset.UTC));

  /** RFC 6238 Appendix B: 8 digits, 30-second steps, each algorithm with its own seed. */
  @ParameterizedTest
  @CsvSource({
      "59, 94287082, SHA1",
      "59, 46119246, SHA256",
      "59, 90693936, SHA512",
      "1111111109, 07081804, SHA1",
      "1111111109, 68084774, SHA256",
      "1111111109, 25091201, SHA512",
      "1111111111, 14050471, SHA1",
      "1111111111, 67062674, SHA256",
      "1111111111, 99943326, SHA512",
      "1234567890, 89005924, SHA1",
      "1234567890, 91819424, SHA256",
      "1234567890, 93441116, SHA512",
      "2000000000, 69279037, SHA1",
      "2000000000, 90698825, SHA256",
      "2000000000, 38618901, SHA512",
      "20000000000, 65353130, SHA1",
      "20000000000, 77737706, SHA256",
      "20000000000, 47863826, SHA512"})
  void rfc6238TestVectors(long epochSecond, String expected, TotpAlgorithm algorithm) {
    TotpParameters parameters = new TotpParameters(algorithm, 8, 30);
    Instant at = Instant.ofEpochSecond(epochSecond);

    assertThat(totp.code(seedFor(algorithm), at, parameters)).isEqualTo(expected);
    assertThat(totp.verify(seedFor(algorithm), expected, at, parameters)).isTrue();
  }

  @Test
  void theDefaultIsWhatAuthenticatorAppsSupport() {
    assertThat(TotpParameters.DEFAULT).isEqualTo(new TotpParameters(TotpAlgorithm.SHA1, 6, 30));
    // RFC 6238's first SHA-1 value, cut to 6 digits by the same truncation.
    assertThat(totp.code(SHA1_SEED, Instant.ofEpochSecond(59), TotpParameters.DEFAULT))
        .isEqualTo("287082");
  }

  @Test
  void acceptsTheStepBeforeAndAfterButNoFurther() {
    TotpParameters p = TotpParameters.DEFAULT;
    long current = Totp.timeStep(NOW, p);

    for (int offset = -1; offset <= 1; offset++) {
      String code = codeAtStep(current + offset, p);
      assertThat(totp.verify(SHA1_SEED, code, NOW, p)).as("offset %d", offset).isTrue();
      assertThat(totp.matchingTimeStep(SHA1_SEED, code, NOW, p))
          .hasValue(current + offset);
    }
    for (int offset : new int[] {-3, -2, 2, 3}) {
      String code = codeAtStep(current + offset, p);
      assertThat(totp.verify(SHA1_SEED, code, NOW, p)).as("offset %d", offset).isFalse();
    }
  }

  @Test
  void stepBoundariesFollowThePeriod() {
    TotpParameters p = TotpParameters.DEFAULT;
    Instant stepStart = Instant.ofEpochSecond(30 * 59_000_000L);
    String code = totp.code(SHA1_SEED, stepStart, p);

    assertThat(totp.code(SHA1_SEED, stepStart.plusSeconds(29), p)).isEqualTo(code);
    assertThat(totp.verify(SHA1_SEED, code, stepStart.plusSeconds(59), p)).isTrue();
    assertThat(totp.verify(SHA1_SEED, code, stepStart.minusSeconds(30), p)).isTrue();
    assertThat(totp.verify(SHA1_SEED, code, stepStart.plusSeconds(60), p)).isFalse();
    assertThat(totp.verify(SHA1_SEED, code, stepStart.minusSeconds(31), p)).isFalse();
  }

  @Test
  void wrongCodesAndWrongSecretsAreRefused() {
    TotpParameters p = TotpParameters.DEFAULT;
    String right = totp.code(SHA1_SEED, NOW, p);
    String wrong = String.format("%06d", (Integer.parseInt(right) + 1) % 1_000_000);
    byte[] otherSecret = SHA1_SEED.clone();
    otherSecret[0] ^= 1;

    assertThat(totp.verify(SHA1_SEED, right, NOW, p)).isTrue();
    assertThat(totp.verify(SHA1_SEED, wrong, NOW, p)).isFalse();
    assertThat(totp.verify(otherSecret, right, NOW, p)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "12345", "1234567", "12345a", " 12345", "12 345", "-12345", "+12345",
      "１２３４５６", "٠١٢٣٤٥", "123456\n"})
  void refusesAnythingButExactlyTheDigitCount(String presented) {
    assertThat(totp.verify(SHA1_SEED, presented, NOW, TotpParameters.DEFAULT)).isFalse();
    assertThat(totp.matchingTimeStep(SHA1_SEED, presented, NOW, TotpParameters.DEFAULT)).isEmpty();
  }

  @Test
  void refusesTheRightCodeWrittenInOtherDigitsOrPadded() {
    String right = totp.code(SHA1_SEED, NOW, TotpParameters.DEFAULT);
    StringBuilder fullWidth = new StringBuilder();
    right.chars().forEach(c -> fullWidth.append((char) ('０' + (c - '0'))));

    assertThat(totp.verify(SHA1_SEED, fullWidth.toString(), NOW, TotpParameters.DEFAULT))
        .isFalse();
    assertThat(totp.verify(SHA1_SEED, " " + right, NOW, TotpParameters.DEFAULT)).isFalse();
    assertThat(totp.verify(SHA1_SEED, right + "0", NOW, TotpParameters.DEFAULT)).isFalse();
    assertThat(totp.verify(SHA1_SEED, null, NOW, TotpParameters.DEFAULT)).isFalse();
  }

  @Test
  void aUsedStepIsRefusedOnReplay() {
    TotpParameters p = TotpParameters.DEFAULT;
    String code = totp.code(SHA1_SEED, NOW, p);
    long step = totp.matchingTimeStep(SHA1_SEED, code, NOW, p).orElseThrow();

    assertThat(totp.matchingTimeStepAfter(SHA1_SEED, code, NOW, step - 1, p)).hasValue(step);
    assertThat(totp.matchingTimeStepAfter(SHA1_SEED, code, NOW, step, p)).isEmpty();
    // The same code thirty seconds later is still inside the window, and still refused.
    assertThat(totp.matchingTimeStepAfter(SHA1_SEED, code, NOW.plusSeconds(30), step, p))
        .isEmpty();
    assertThat(totp.matchingTimeStepAfter(SHA1_SEED, code, NOW.plusSeconds(30), step - 1, p))
        .hasValue(step);
    // The next step's code is accepted after the previous step was used.
    String next = codeAtStep(step + 1, p);
    assertThat(totp.matchingTimeStepAfter(SHA1_SEED, next, NOW.plusSeconds(30), step, p))
        .hasValue(step + 1);
  }

  @Test
  void clockOverloadsUseTheInjectedClock() {
    TotpParameters p = TotpParameters.DEFAULT;
    String code = totp.code(SHA1_SEED, p);
    long step = Totp.timeStep(NOW, p);

    assertThat(code).isEqualTo(totp.code(SHA1_SEED, NOW, p));
    assertThat(totp.verify(SHA1_SEED, code, p)).isTrue();
    assertThat(totp.matchingTimeStep(SHA1_SEED, code, p)).isEqualTo(OptionalLong.of(step));
    assertThat(totp.matchingTimeStepAfter(SHA1_SEED, code, step, p)).isEmpty();
    Totp later = new Totp(Clock.fixed(NOW.plusSeconds(120), ZoneOffset.UTC));
    assertThat(later.verify(SHA1_SEED, code, p)).isFalse();
  }

  @Test
  void noCodesBeforeTheEpoch() {
    TotpParameters p = TotpParameters.DEFAULT;
    String firstStep = totp.code(SHA1_SEED, Instant.EPOCH, p);

    assertThatThrownBy(() -> totp.code(SHA1_SEED, Instant.EPOCH.minusSeconds(1), p))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(totp.matchingTimeStep(SHA1_SEED, firstStep, Instant.EPOCH.minusSeconds(1), p))
        .hasValue(0);
  }

  @Test
  void parametersAreChecked() {
    assertThatThrownBy(() -> new TotpParameters(TotpAlgorithm.SHA1, 5, 30))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TotpParameters(TotpAlgorithm.SHA1, 9, 30))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TotpParameters(TotpAlgorithm.SHA1, 6, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TotpParameters(null, 6, 30))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> totp.code(new byte[10], NOW, TotpParameters.DEFAULT))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void newSecretsComeFromTheInjectedRandomAndMatchTheAlgorithm() {
    byte[] first = Totp.newSecret(new Random(9));

    assertThat(first).hasSize(20).isEqualTo(Totp.newSecret(new Random(9)));
    assertThat(first).isNotEqualTo(Totp.newSecret(new Random(10)));
    assertThat(Totp.newSecret(new Random(9), TotpAlgorithm.SHA256)).hasSize(32);
    assertThat(Totp.newSecret(new Random(9), TotpAlgorithm.SHA512)).hasSize(64);
  }

  @Test
  void otpauthUriForTheDefaults() {
    assertThat(Totp.otpauthUri("Tender", "alice@example.com", SHA1_SEED, TotpParameters.DEFAULT))
        .isEqualTo("otpauth://totp/Tender:alice%40example.com"
            + "?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Tender"
            + "&algorithm=SHA1&digits=6&period=30");
  }

  @Test
  void otpauthUriPercentEncodesIssuerAndAccount() {
    String uri = Totp.otpauthUri("ACME Co & Zoë", "a/b?c#d+e", SHA256_SEED,
        new TotpParameters(TotpAlgorithm.SHA256, 8, 60));

    assertThat(uri).isEqualTo("otpauth://totp/ACME%20Co%20%26%20Zo%C3%AB:a%2Fb%3Fc%23d%2Be"
        + "?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZA"
        + "&issuer=ACME%20Co%20%26%20Zo%C3%AB&algorithm=SHA256&digits=8&period=60");
  }

  @Test
  void otpauthUriRefusesColonsAndBlanks() {
    assertThatThrownBy(() -> Totp.otpauthUri("Ten:der", "alice", SHA1_SEED, TotpParameters.DEFAULT))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Totp.otpauthUri("Tender", "al:ice", SHA1_SEED, TotpParameters.DEFAULT))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Totp.otpauthUri(" ", "alice", SHA1_SEED, TotpParameters.DEFAULT))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Totp.otpauthUri("Tender", "", SHA1_SEED, TotpParameters.DEFAULT))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private String codeAtStep(long step, TotpParameters p) {
    return totp.code(SHA1_SEED, Instant.ofEpochSecond(step * p.periodSeconds()), p);
  }

  private static byte[] seedFor(TotpAlgorithm algorithm) {
    return switch (algorithm) {
      case SHA1 -> SHA1_SEED;
      case SHA256 -> SHA256_SEED;
      case SHA512 -> SHA512_SEED;
    };
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
