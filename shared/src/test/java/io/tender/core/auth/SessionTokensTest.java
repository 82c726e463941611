package io.tender.core.auth;

import io.tender.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SessionTokensTest {
  private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
  private static final String K1 = "k1:" + SigningKeyringTest.K1;
  private static final String K2 = "k2:" + SigningKeyringTest.K2;
  private static final String B64URL =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

  private final MutableClock clock = new MutableClock(T0);
  private final SessionClaims claims = new SessionClaims("ten_01jd", "usr_01jd", "owner",
      T0, T0.plus(Duration.ofHours(1)), Optional.of(T0.minusSeconds(5)), "ses_01jd");

  @Test
  void roundTrip() {
    SessionTokens tokens = tokens(K1);

    String token = tokens.issue(claims);

    assertThat(token).matches("tst1\\.k1\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{43}");
    assertThat(tokens.verify(token)).contains(claims);
  }

  @Test
  void roundTripWithoutMfaAndWithCharactersThatNeedEscaping() {
    SessionClaims odd = new SessionClaims("t&=%~", "u@x.y", "role=admin&x", T0,
        T0.plusSeconds(60), Optional.empty(), "s%41");
    SessionTokens tokens = tokens(K1);

    assertThat(tokens.verify(tokens.issue(odd))).contains(odd);
  }

  @Test
  void payloadIsTheDocumentedKeyValueText() {
    String token = tokens(K1).issue(claims);
    String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[2]),
        StandardCharsets.US_ASCII);

    assertThat(payload).isEqualTo("t=ten_01jd&u=usr_01jd&r=owner&iat=" + T0.getEpochSecond()
        + "&exp=" + (T0.getEpochSecond() + 3600) + "&mfa=" + (T0.getEpochSecond() - 5)
        + "&sid=ses_01jd");
  }

  @Test
  void claimTimesAreWholeSeconds() {
    SessionClaims precise = new SessionClaims("t", "u", "r", T0.plusMillis(999),
        T0.plusSeconds(60).plusNanos(1), Optional.of(T0.plusNanos(5)), "s");
    SessionTokens tokens = tokens(K1);

    assertThat(precise.issuedAt()).isEqualTo(T0);
    assertThat(precise.expiresAt()).isEqualTo(T0.plusSeconds(60));
    assertThat(precise.mfaVerifiedAt()).contains(T0);
    assertThat(tokens.verify(tokens.issue(precise))).contains(precise);
  }

  @Test
  void everyChangedCharacterIsRefused() {
    SessionTokens tokens = tokens(K2 + "," + K1);
    String token = tokens.issue(claims);
    int tried = 0;

    for (int i = 0; i < token.length(); i++) {
      for (char replacement : (B64URL + ".=+/ ").toCharArray()) {
        if (replacement == token.charAt(i)) {
          continue;
        }
        String tampered = token.substring(0, i) + replacement + token.substring(i + 1);
        assertThat(tokens.verify(tampered)).as("position %d, %s", i, replacement).isEmpty();
        tried++;
      }
    }
    assertThat(tried).isGreaterThan(token.length() * 60);
  }

  @Test
  void everyFlippedBitOfTheDecodedPayloadOrSignatureIsRefused() {
    SessionTokens tokens = tokens(K1);
    String[] parts = tokens.issue(claims).split("\\.");

    for (int part : new int[] {2, 3}) {
      byte[] bytes = Base64.getUrlDecoder().decode(parts[part]);
      for (int bit = 0; bit < bytes.length * 8; bit++) {
        byte[] flipped = bytes.clone();
        flipped[bit / 8] ^= (byte) (1 << (bit % 8));
        String[] tampered = parts.clone();
        tampered[part] = Base64.getUrlEncoder().withoutPadding().encodeToString(flipped);
        assertThat(tokens.verify(String.join(".", tampered))).as("part %d bit %d", part, bit)
            .isEmpty();
      }
    }
  }

  @Test
  void aSignatureSpelledWithOtherUnusedBitsIsRefused() {
    SessionTokens tokens = tokens(K1);
    String token = tokens.issue(claims);
    char last = token.charAt(token.length() - 1);
    // The last of 43 characters carries 4 signature bits and 2 unused ones.
    int value = B64URL.indexOf(last);
    String respelled = token.substring(0, token.length() - 1) + B64URL.charAt(value ^ 1);

    assertThat(Base64.getUrlDecoder().decode(respelled.substring(respelled.lastIndexOf('.') + 1)))
        .isEqualTo(Base64.getUrlDecoder().decode(token.substring(token.lastIndexOf('.') + 1)));
    assertThat(tokens.verify(respelled)).isEmpty();
  }

  @Test
  void aTokenSignedWithAnotherKeyOfTheSameIdIsRefused() {
    String otherK1 = "k1:" + Base64.getEncoder().encodeToString(SigningKeyringTest.bytes(32, 9));
    String forged = tokens(otherK1).issue(claims);

    assertThat(tokens(K1).verify(forged)).isEmpty();
  }

  @Test
  void aTokenWhoseKeyIdIsSwappedForAnotherKnownKeyIsRefused() {
    SessionTokens tokens = tokens(K2 + "," + K1);
    String token = tokens(K1).issue(claims);

    assertThat(tokens.verify(token)).contains(claims);
    assertThat(tokens.verify(token.replaceFirst("\\.k1\\.", ".k2."))).isEmpty();
  }

  @Test
  void anUnknownKeyIdIsRefused() {
    String token = tokens("k3:" + SigningKeyringTest.K1).issue(claims);

    assertThat(tokens(K2 + "," + K1).verify(token)).isEmpty();
  }

  @Test
  void rotation() {
    String signedWithK1 = tokens(K1).issue(claims);

    SessionTokens afterRotation = tokens(K2 + "," + K1);
    assertThat(afterRotation.verify(signedWithK1)).contains(claims);
    String signedWithK2 = afterRotation.issue(claims);
    assertThat(signedWithK2).startsWith("tst1.k2.");
    assertThat(afterRotation.verify(signedWithK2)).contains(claims);

    SessionTokens afterRetirement = tokens(K2);
    assertThat(afterRetirement.verify(signedWithK1)).isEmpty();
    assertThat(afterRetirement.verify(signedWithK2)).contains(claims);
  }

  @Test
  void expiresAtExpiresAt() {
    SessionTokens tokens = tokens(K1);
    String token = tokens.issue(claims);

    clock.set(claims.expiresAt().minusMillis(1));
    assertThat(tokens.verify(token)).contains(claims);
    clock.set(claims.expiresAt());
    assertThat(tokens.verify(token)).isEmpty();
    clock.set(claims.expiresAt().plus(Duration.ofDays(1)));
    assertThat(tokens.verify(token)).isEmpty();
  }

  @Test
  void tokensFromUpTo30SecondsInTheFutureAreAcceptedForClockSkew() {
    SessionTokens tokens = tokens(K1);
    String token = tokens.issue(claims);

    clock.set(T0.minusSeconds(30));
    assertThat(tokens.verify(token)).contains(claims);
    clock.set(T0.minusSeconds(31));
    assertThat(tokens.verify(token)).isEmpty();
    clock.set(T0.minus(Duration.ofDays(1)));
    assertThat(tokens.verify(token)).isEmpty();
  }

  @Test
  void malformedTokensNeverThrowAndAreAlwaysRefused() {
    SessionTokens tokens = tokens(K2 + "," + K1);
    String good = tokens.issue(claims);
    String[] parts = good.split("\\.");
    String payload = parts[2];
    String signature = parts[3];
    List<String> malformed = new ArrayList<>(List.of(
        "", ".", "...", "....", "tst1", "tst1.", "tst1.k1", "tst1.k1.", "tst1.k1..",
        "tst1.k2.." + signature, "tst1..." + signature, "tst1.." + payload + "." + signature,
        "tst2.k2." + payload + "." + signature, "TST1.k2." + payload + "." + signature,
        "tst1.k2." + payload + "." + signature + ".", "." + good, good + ".", good + "=",
        good + "A", good.substring(0, good.length() - 1),
        "tst1.k2." + payload + "=." + signature,
        "tst1.k2." + payload + "." + signature + "=",
        "tst1.k2." + payload + "." + signature.substring(0, 42) + "==",
        "tst1.k2." + payload + payload + "." + signature,
        "tst1.k2.." + payload + "." + signature,
        "tst1.k2." + payload + ".." + signature,
        "tst1.k2 ." + payload + "." + signature,
        " " + good, good + " ", good + "\n", good.replace('.', ','),
        "tst1." + "k".repeat(33) + "." + payload + "." + signature,
        "tst1.k2." + "A".repeat(5000) + "." + signature,
        "tst1.k2.%%%%." + signature, "tst1.k2.\u00e9." + signature,
        "\u0000\u0000\u0000\u0000", "tst1.k2.\uD800." + signature));
    malformed.add(null);
    Random random = new Random(17);
    for (int i = 0; i < 2_000; i++) {
      malformed.add(randomToken(random));
      String mutated = mutate(good, random);
      if (!mutated.equals(good)) {
        malformed.add(mutated);
      }
    }

    for (String token : malformed) {
      assertThat(tokens.verify(token)).as(String.valueOf(token)).isEmpty();
    }
  }

  @Test
  void validlySignedPayloadsThatAreNotClaimsAreRefused() {
    SigningKey key = SigningKeyring.parse(K1).current();
    SessionTokens tokens = tokens(K1);
    long iat = T0.getEpochSecond();
    long exp = iat + 3600;
    String valid = "t=a&u=b&r=c&iat=" + iat + "&exp=" + exp + "&mfa=&sid=d";
    assertThat(tokens.verify(signedToken(key, valid))).isPresent();
    List<String> payloads = List.of(
        "",
        "t=a&u=b&r=c&iat=" + iat + "&exp=" + exp + "&mfa=&sid=d&x=1",
        "u=b&t=a&r=c&iat=" + iat + "&exp=" + exp + "&mfa=&sid=d",
        "t=a&u=b&r=c&iat=" + iat + "&exp=" + exp + "&sid=d",
        "t=&u=b&r=c&iat=" + iat + "&exp=" + exp + "&mfa=&sid=d",
        "t=a&u=b&r=c&iat=0" + iat + "&exp=" + exp + "&mfa=&sid=d",
        "t=a&u=b&r=c&iat=+" + iat + "&exp=" + exp + "&mfa=&sid=d",
        "t=a&u=b&r=c&iat=-1&exp=" + exp + "&mfa=&sid=d",
        "t=a&u=b&r=c&iat=" + iat + "&exp=" + iat + "&mfa=&sid=d",
        "t=a&u=b&r=c&iat=" + iat + "&exp=99999999999999999999&mfa=&sid=d",
        "t=a&u=b&r=c&iat=" + iat + "&exp=" + exp + "&mfa=x&sid=d",
        "t=%61&u=b&r=c&iat=" + iat + "&exp=" + exp + "&mfa=&sid=d",
        "t=%2a&u=b&r=c&iat=" + iat + "&exp=" + exp + "&mfa=&sid=d",
        "t=%2&u=b&r=c&iat=" + iat + "&exp=" + exp + "&mfa=&sid=d",
        "t=a%20b&u=b&r=c&iat=" + iat + "&exp=" + exp + "&mfa=&sid=d",
        "t=%C3%A9&u=b&r=c&iat=" + iat + "&exp=" + exp + "&mfa=&sid=d",
        "t=%FF&u=b&r=c&iat=" + iat + "&exp=" + exp + "&mfa=&sid=d",
        "t=a!&u=b&r=c&iat=" + iat + "&exp=" + exp + "&mfa=&sid=d",
        "T=a&u=b&r=c&iat=" + iat + "&exp=" + exp + "&mfa=&sid=d",
        "t=a&u=b&r=c&iat=" + iat + "&exp=" + exp + "&mfa=&sid=d&",
        "t=a&u=b&r=c&iat=" + iat + "&exp=" + exp + "&mfa=&sid=" + "d".repeat(129),
        "t=a&&u=b&r=c&iat=" + iat + "&exp=" + exp + "&mfa=&sid=d",
        "t=a&u=b&r=c&iat=" + iat + "&exp=" + exp + "&mfa=&sid=d ");

    for (String payload : payloads) {
      assertThat(tokens.verify(signedToken(key, payload))).as(payload).isEmpty();
    }
  }

  @Test
  void claimsAreChecked() {
    assertThatThrownBy(() -> new SessionClaims("", "u", "r", T0, T0.plusSeconds(1),
        Optional.empty(), "s")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SessionClaims("t", "u r", "r", T0, T0.plusSeconds(1),
        Optional.empty(), "s")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SessionClaims("t", "u", "r\u00e9", T0, T0.plusSeconds(1),
        Optional.empty(), "s")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SessionClaims("t", "u", "r", T0, T0, Optional.empty(), "s"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SessionClaims("t", "u", "r", T0, T0.plusSeconds(1), null, "s"))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new SessionClaims("t", "u", "r", Instant.EPOCH.minusSeconds(1),
        T0, Optional.empty(), "s")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SessionClaims("t", "u", "r", T0, T0.plusSeconds(1),
        Optional.empty(), "s".repeat(129))).isInstanceOf(IllegalArgumentException.class);
  }

  private SessionTokens tokens(String secret) {
    return new SessionTokens(SigningKeyring.parse(secret), clock);
  }

  private static String signedToken(SigningKey key, String payloadText) {
    Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
    String signed = "tst1." + key.keyId() + "."
        + encoder.encodeToString(payloadText.getBytes(StandardCharsets.UTF_8));
    return signed + "." + encoder.encodeToString(
        key.newMac().doFinal(signed.getBytes(StandardCharsets.US_ASCII)));
  }

  private static String randomToken(Random random) {
    String characters = B64URL + ".=+/ %&\u00e9\u0000";
    StringBuilder token = new StringBuilder(random.nextBoolean() ? "tst1." : "");
    int length = random.nextInt(200);
    for (int i = 0; i < length; i++) {
      token.append(characters.charAt(random.nextInt(characters.length())));
    }
    return token.toString();
  }

  private static String mutate(String token, Random random) {
    StringBuilder mutated = new StringBuilder(token);
    int edits = 1 + random.nextInt(4);
    for (int i = 0; i < edits; i++) {
      int at = random.nextInt(mutated.length());
      switch (random.nextInt(3)) {
        case 0 -> mutated.deleteCharAt(at);
        case 1 -> mutated.insert(at, B64URL.charAt(random.nextInt(B64URL.length())));
        default -> mutated.setCharAt(at, "._-=A".charAt(random.nextInt(5)));
      }
      if (mutated.isEmpty()) {
        break;
      }
    }
    return mutated.toString();
  }
}
