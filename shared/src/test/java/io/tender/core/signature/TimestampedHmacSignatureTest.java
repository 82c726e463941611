package io.tender.core.signature;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_16;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tender.core.signature.Verification.Reason;
import io.tender.core.signature.Verification.Rejected;
import io.tender.core.signature.Verification.Verified;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimestampedHmacSignatureTest {
  private static final String SECRET = "whsec_test_secret";
  private static final String OTHER_SECRET = "whsec_other_secret";
  private static final Instant SIGNED_AT = Instant.ofEpochSecond(1_700_000_000L);
  private static final byte[] BODY = "{\"id\":\"evt_1\"}".getBytes(UTF_8);
  /** HMAC-SHA256("whsec_test_secret", "1700000000.{\"id\":\"evt_1\"}"), computed outside Java. */
  private static final String KNOWN_V1 =
      "248a374f50f943a28b0f6ab50faf9a7e7e29b710fa26df9fb1618b9bf8ea9c9a";
  private static final String VALID_HEADER = "t=1700000000,v1=" + KNOWN_V1;
  private static final String HEX_64 = "0".repeat(64);

  private static Verification verify(byte[] body, String header, List<String> secrets) {
    return TimestampedHmacSignature.verify(body, header, secrets, SIGNED_AT);
  }

  private static Verification verifyAt(String header, Instant now) {
    return TimestampedHmacSignature.verify(BODY, header, List.of(SECRET), now);
  }

  private static Rejected rejected(Reason reason) {
    return new Rejected(reason);
  }

  @Test
  void signingMatchesAnIndependentlyComputedVector() {
    assertThat(TimestampedHmacSignature.sign(BODY, SIGNED_AT, List.of(SECRET)))
        .isEqualTo(VALID_HEADER);
  }

  @Test
  void aValidHeaderVerifiesAndReportsItsTimestamp() {
    assertThat(verify(BODY, VALID_HEADER, List.of(SECRET))).isEqualTo(new Verified(SIGNED_AT));
  }

  @Test
  void signingUsesWholeSecondsSoASubSecondInstantStillVerifies() {
    String header = TimestampedHmacSignature.sign(BODY, SIGNED_AT.plusMillis(999), List.of(SECRET));

    assertThat(header).isEqualTo(VALID_HEADER);
  }

  @Test
  void everySingleFlippedBitOfTheBodyIsAMismatch() {
    byte[] body = "{\"amount\":1000,\"currency\":\"usd\"}".getBytes(UTF_8);
    String header = TimestampedHmacSignature.sign(body, SIGNED_AT, List.of(SECRET));
    assertThat(verify(body, header, List.of(SECRET)).isVerified()).isTrue();

    for (int position = 0; position < body.length; position++) {
      for (int bit = 0; bit < 8; bit++) {
        byte[] tampered = body.clone();
        tampered[position] ^= (byte) (1 << bit);
        assertThat(verify(tampered, header, List.of(SECRET)))
            .as("byte %d bit %d", position, bit)
            .isEqualTo(rejected(Reason.SIGNATURE_MISMATCH));
      }
    }
  }

  @Test
  void aTruncatedOrExtendedBodyIsAMismatch() {
    assertThat(verify(Arrays.copyOf(BODY, BODY.length - 1), VALID_HEADER, List.of(SECRET)))
        .isEqualTo(rejected(Reason.SIGNATURE_MISMATCH));
    assertThat(verify(Arrays.copyOf(BODY, BODY.length + 1), VALID_HEADER, List.of(SECRET)))
        .isEqualTo(rejected(Reason.SIGNATURE_MISMATCH));
    assertThat(verify(new byte[0], VALID_HEADER, List.of(SECRET)))
        .isEqualTo(rejected(Reason.SIGNATURE_MISMATCH));
  }

  @Test
  void aChangedTimestampIsAMismatchEvenWithinTolerance() {
    String moved = "t=1700000001,v1=" + KNOWN_V1;

    assertThat(verify(BODY, moved, List.of(SECRET))).isEqualTo(rejected(Reason.SIGNATURE_MISMATCH));
  }

  @Test
  void theWrongSecretIsAMismatch() {
    assertThat(verify(BODY, VALID_HEADER, List.of(OTHER_SECRET)))
        .isEqualTo(rejected(Reason.SIGNATURE_MISMATCH));
    // The whole secret is the key: the bare suffix after "whsec_" is another key.
    assertThat(verify(BODY, VALID_HEADER, List.of("test_secret")))
        .isEqualTo(rejected(Reason.SIGNATURE_MISMATCH));
  }

  @Test
  void toleranceIsInclusiveAtExactly300SecondsInBothDirections() {
    assertThat(verifyAt(VALID_HEADER, SIGNED_AT.plusSeconds(300))).isEqualTo(new Verified(SIGNED_AT));
    assertThat(verifyAt(VALID_HEADER, SIGNED_AT.minusSeconds(300))).isEqualTo(new Verified(SIGNED_AT));
    // Whole seconds, as the timestamp is: 300.999 s is still second 300.
    assertThat(verifyAt(VALID_HEADER, SIGNED_AT.plusSeconds(300).plusMillis(999)).isVerified())
        .isTrue();
  }

  @Test
  void aTimestamp301SecondsOldIsRefused() {
    assertThat(verifyAt(VALID_HEADER, SIGNED_AT.plusSeconds(301)))
        .isEqualTo(rejected(Reason.TIMESTAMP_OUT_OF_TOLERANCE));
  }

  @Test
  void aTimestamp301SecondsInTheFutureIsRefused() {
    assertThat(verifyAt(VALID_HEADER, SIGNED_AT.minusSeconds(301)))
        .isEqualTo(rejected(Reason.TIMESTAMP_OUT_OF_TOLERANCE));
  }

  @Test
  void aCustomToleranceIsHonouredAndZeroMeansTheSameSecondOnly() {
    assertThat(TimestampedHmacSignature.verify(BODY, VALID_HEADER, List.of(SECRET),
        SIGNED_AT.plusSeconds(10), Duration.ofSeconds(10)).isVerified()).isTrue();
    assertThat(TimestampedHmacSignature.verify(BODY, VALID_HEADER, List.of(SECRET),
        SIGNED_AT.plusSeconds(11), Duration.ofSeconds(10)))
        .isEqualTo(rejected(Reason.TIMESTAMP_OUT_OF_TOLERANCE));
    assertThat(TimestampedHmacSignature.verify(BODY, VALID_HEADER, List.of(SECRET),
        SIGNED_AT, Duration.ZERO).isVerified()).isTrue();
    assertThat(TimestampedHmacSignature.verify(BODY, VALID_HEADER, List.of(SECRET),
        SIGNED_AT.plusSeconds(1), Duration.ZERO))
        .isEqualTo(rejected(Reason.TIMESTAMP_OUT_OF_TOLERANCE));
    assertThatThrownBy(() -> TimestampedHmacSignature.verify(BODY, VALID_HEADER, List.of(SECRET),
        SIGNED_AT, Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aForgedStaleHeaderIsReportedAsAMismatchNotAsStale() {
    String forged = "t=1700000000,v1=" + HEX_64;

    assertThat(verifyAt(forged, SIGNED_AT.plusSeconds(3600)))
        .isEqualTo(rejected(Reason.SIGNATURE_MISMATCH));
  }

  @Test
  void anyMatchingV1IsEnoughEvenWhenOnlyTheSecondMatches() {
    String header = "t=1700000000,v1=" + HEX_64 + ",v1=" + KNOWN_V1;

    assertThat(verify(BODY, header, List.of(SECRET))).isEqualTo(new Verified(SIGNED_AT));
  }

  @Test
  void duringRotationEitherSecretVerifiesAHeaderSignedWithBoth() {
    String header = TimestampedHmacSignature.sign(BODY, SIGNED_AT, List.of(OTHER_SECRET, SECRET));

    assertThat(header.split(",")).hasSize(3);
    assertThat(header).endsWith(",v1=" + KNOWN_V1);
    assertThat(verify(BODY, header, List.of(SECRET)).isVerified()).isTrue();
    assertThat(verify(BODY, header, List.of(OTHER_SECRET)).isVerified()).isTrue();
    assertThat(verify(BODY, header, List.of("whsec_third")))
        .isEqualTo(rejected(Reason.SIGNATURE_MISMATCH));
  }

  @Test
  void aReceiverWithTwoSecretsAcceptsAHeaderSignedWithEitherOne() {
    List<String> both = List.of(OTHER_SECRET, SECRET);

    assertThat(verify(BODY, VALID_HEADER, both).isVerified()).isTrue();
    String otherHeader = TimestampedHmacSignature.sign(BODY, SIGNED_AT, List.of(OTHER_SECRET));
    assertThat(verify(BODY, otherHeader, both).isVerified()).isTrue();
  }

  @Test
  void noUsableSecretFailsClosedWhateverTheHeader() {
    for (List<String> none : List.of(List.<String>of(), List.of(""), List.of("  ", "\t"))) {
      assertThat(verify(BODY, VALID_HEADER, none)).isEqualTo(rejected(Reason.NO_SECRET_CONFIGURED));
      assertThat(verify(BODY, null, none)).isEqualTo(rejected(Reason.NO_SECRET_CONFIGURED));
    }
    List<String> withNull = new ArrayList<>();
    withNull.add(null);
    assertThat(verify(BODY, VALID_HEADER, withNull))
        .isEqualTo(rejected(Reason.NO_SECRET_CONFIGURED));
  }

  @Test
  void blankSecretsAreSkippedWhenAUsableOneIsThere() {
    assertThat(verify(BODY, VALID_HEADER, List.of("", SECRET)).isVerified()).isTrue();
  }

  @Test
  void aMissingOrEmptyHeaderIsMissing() {
    assertThat(verify(BODY, null, List.of(SECRET))).isEqualTo(rejected(Reason.MISSING_HEADER));
    assertThat(verify(BODY, "", List.of(SECRET))).isEqualTo(rejected(Reason.MISSING_HEADER));
    assertThat(verify(BODY, " \t ", List.of(SECRET))).isEqualTo(rejected(Reason.MISSING_HEADER));
  }

  static Stream<String> malformedHeaders() {
    String v1 = "v1=" + KNOWN_V1;
    return Stream.of(
        "t", "=", ",", ",,", "t=", "=1700000000", "v1", "garbage", "{}", "\u0000",
        "t=1700000000,", ",t=1700000000," + v1, "t=1700000000,," + v1, "t=1700000000," + v1 + ",",
        "t=1700000000,v1", "t=1700000000,v1=", "t=1700000000,=" + KNOWN_V1,
        "t==1700000000," + v1, "t=-1700000000," + v1, "t=+1700000000," + v1,
        "t=17000000a0," + v1, "t=1.7e9," + v1, "t=0x6553f100," + v1,
        "t=\u0661\u0667\u0660\u0660\u0660\u0660\u0660\u0660\u0660\u0660," + v1,
        "t=1234567890123456789," + v1, "t=99999999999999999999999999," + v1,
        "t=1700000000,t=1700000000," + v1, "t=1700000000," + v1 + ",t=1700000001",
        v1, v1 + ",v0=" + KNOWN_V1,
        "t=1700000000,v1=" + KNOWN_V1.substring(1), "t=1700000000,v1=" + KNOWN_V1 + "0",
        "t=1700000000,v1=" + KNOWN_V1.toUpperCase(), "t=1700000000,v1=" + "g".repeat(64),
        "t=1700000000,v1=" + HEX_64 + "," + v1.replace('a', 'z'),
        "t = 1700000000," + v1, "t=1700000000 ,v1 =" + KNOWN_V1, "t=1700000000;" + v1,
        "t=1700000000 " + v1, "t=1700000000," + v1 + "\u0000",
        "\u00a0t=1700000000," + v1, "t=1700000000,v\u00f6=x," + v1, "t=1700000000,v0=a b," + v1,
        "t=1700000000,v0=\u00e9," + v1, "t=1700000000\n" + v1,
        "t=1700000000," + v1 + ",v0=" + "a".repeat(TimestampedHmacSignature.MAX_HEADER_LENGTH));
  }

  @ParameterizedTest
  @MethodSource("malformedHeaders")
  void malformedHeadersAreRefusedWithoutThrowing(String header) {
    assertThat(verify(BODY, header, List.of(SECRET))).isEqualTo(rejected(Reason.MALFORMED_HEADER));
  }

  @Test
  void randomHeadersNeverThrow() {
    Random random = new Random(7);
    String alphabet = "tv01=,. \t\u00e9-x9af";
    for (int i = 0; i < 5_000; i++) {
      StringBuilder header = new StringBuilder();
      int length = random.nextInt(40);
      for (int j = 0; j < length; j++) {
        header.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      assertThat(verify(BODY, header.toString(), List.of(SECRET)).isVerified()).isFalse();
    }
  }

  @Test
  void theLengthCapHoldsEvenForAnOtherwiseValidHeader() {
    String padding = ",v0=" + "a".repeat(60);
    StringBuilder header = new StringBuilder(VALID_HEADER);
    while (header.length() + padding.length() <= TimestampedHmacSignature.MAX_HEADER_LENGTH) {
      header.append(padding);
    }
    String atCap = header + ",v0=" + "b".repeat(
        TimestampedHmacSignature.MAX_HEADER_LENGTH - header.length() - 4);
    assertThat(atCap).hasSize(TimestampedHmacSignature.MAX_HEADER_LENGTH);
    assertThat(verify(BODY, atCap, List.of(SECRET)).isVerified()).isTrue();

    assertThat(verify(BODY, atCap + "b", List.of(SECRET)))
        .isEqualTo(rejected(Reason.MALFORMED_HEADER));
  }

  @Test
  void whitespaceAroundItemsIsTolerated() {
    String header = " t=1700000000 ,\tv1=" + KNOWN_V1 + " , v0=abc\t";

    assertThat(verify(BODY, header, List.of(SECRET))).isEqualTo(new Verified(SIGNED_AT));
  }

  @Test
  void v0AndUnknownSchemesAreIgnored() {
    String header = "t=1700000000,v0=" + HEX_64 + ",v1=" + KNOWN_V1 + ",v2=anything,X_y-z=1";

    assertThat(verify(BODY, header, List.of(SECRET))).isEqualTo(new Verified(SIGNED_AT));
  }

  @ParameterizedTest
  @ValueSource(strings = {"t=1700000000", "t=1700000000,v0=" + KNOWN_V1,
      "t=1700000000,v0=" + KNOWN_V1 + ",v2=" + KNOWN_V1})
  void aHeaderWithoutV1IsRefused(String header) {
    assertThat(verify(BODY, header, List.of(SECRET))).isEqualTo(rejected(Reason.NO_V1_SIGNATURE));
  }

  @Test
  void unicodeAndCrlfBodiesVerifyOnTheirRawBytesOnly() {
    byte[] body = "{\"name\":\"Zo\u00eb \ud83c\udf89 \u6771\u4eac\",\r\n  \"note\":\"a\\r\\nb\"}\r\n"
        .getBytes(UTF_8);
    String header = TimestampedHmacSignature.sign(body, SIGNED_AT, List.of(SECRET));

    assertThat(verify(body, header, List.of(SECRET)).isVerified()).isTrue();
    byte[] lineFeedsOnly = new String(body, UTF_8).replace("\r\n", "\n").getBytes(UTF_8);
    assertThat(verify(lineFeedsOnly, header, List.of(SECRET)))
        .isEqualTo(rejected(Reason.SIGNATURE_MISMATCH));
    byte[] reserialised = "{\"name\":\"Zo\u00eb \ud83c\udf89 \u6771\u4eac\",\"note\":\"a\\r\\nb\"}"
        .getBytes(UTF_8);
    assertThat(verify(reserialised, header, List.of(SECRET)))
        .isEqualTo(rejected(Reason.SIGNATURE_MISMATCH));
    byte[] otherCharset = new String(body, UTF_8).getBytes(UTF_16);
    assertThat(verify(otherCharset, header, List.of(SECRET)))
        .isEqualTo(rejected(Reason.SIGNATURE_MISMATCH));
  }

  @Test
  void binaryAndNonUtf8BodiesVerifyAsRawBytes() {
    byte[] binary = new byte[512];
    new Random(3).nextBytes(binary);
    binary[0] = (byte) 0xff;
    binary[1] = (byte) 0xc0;
    String header = TimestampedHmacSignature.sign(binary, SIGNED_AT, List.of(SECRET));

    assertThat(verify(binary, header, List.of(SECRET)).isVerified()).isTrue();
    // Decoding as text and encoding again changes invalid UTF-8, and so the signature.
    byte[] throughUtf8 = new String(binary, UTF_8).getBytes(UTF_8);
    assertThat(throughUtf8).isNotEqualTo(binary);
    assertThat(verify(throughUtf8, header, List.of(SECRET)))
        .isEqualTo(rejected(Reason.SIGNATURE_MISMATCH));

    byte[] latin1 = "caf\u00e9".getBytes(ISO_8859_1);
    assertThat(verify(latin1, TimestampedHmacSignature.sign(latin1, SIGNED_AT, List.of(SECRET)),
        List.of(SECRET)).isVerified()).isTrue();

    byte[] base64 = Base64.getEncoder().encode(binary);
    String base64Header = TimestampedHmacSignature.sign(base64, SIGNED_AT, List.of(SECRET));
    assertThat(verify(base64, base64Header, List.of(SECRET)).isVerified()).isTrue();
    assertThat(verify(binary, base64Header, List.of(SECRET)))
        .isEqualTo(rejected(Reason.SIGNATURE_MISMATCH));
  }

  @Test
  void noOutcomeNamesTheSecretOrTheExpectedSignature() {
    List<Verification> outcomes = new ArrayList<>();
    outcomes.add(verify(BODY, VALID_HEADER, List.of(SECRET)));
    outcomes.add(verify(BODY, "t=1700000000,v1=" + HEX_64, List.of(SECRET)));
    outcomes.add(verifyAt(VALID_HEADER, SIGNED_AT.plusSeconds(999)));
    outcomes.add(verify(BODY, "t=1700000000,v1=" + KNOWN_V1.substring(2), List.of(SECRET)));

    assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome.toString())
        .doesNotContain(SECRET).doesNotContain("test_secret").doesNotContain(KNOWN_V1)
        .doesNotContain(KNOWN_V1.substring(2)));
  }

  @Test
  void signingRefusesNoSecretsBlankSecretsAndPreEpochTimes() {
    assertThatThrownBy(() -> TimestampedHmacSignature.sign(BODY, SIGNED_AT, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TimestampedHmacSignature.sign(BODY, SIGNED_AT, List.of(SECRET, " ")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining(SECRET);
    assertThatThrownBy(() -> TimestampedHmacSignature.sign(
        BODY, Instant.ofEpochSecond(-1), List.of(SECRET)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
