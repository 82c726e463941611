package io.tender.core.webhook;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.net.Webhook;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Tender's signatures, checked by an independent verifier: stripe-java's {@code Webhook}. */
class WebhookSignerTest {
  private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");
  private static final String PAYLOAD = """
      {"id":"evt_01","type":"payment.succeeded","created":1740830400,"livemode":false,\
      "sequence":3,"data":{"object":{"id":"pay_01","amount":1250,"currency":"eur",\
      "note":"Zo\u00eb \ud83c\udf89"}}}""";
  private static final long TOLERANCE_SECONDS = 300;

  private final WebhookSecretGenerator secrets =
      new WebhookSecretGenerator(new SplittableRandom(7));
  private final String oldSecret = secrets.newSecret();
  private final String newSecret = secrets.newSecret();

  private static WebhookSigner signerAt(Instant instant) {
    return new WebhookSigner(Clock.fixed(instant, ZoneOffset.UTC));
  }

  private static boolean stripeAccepts(String payload, String header, String secret, Instant now) {
    try {
      return Webhook.Signature.verifyHeader(
          payload, header, secret, TOLERANCE_SECONDS, Clock.fixed(now, ZoneOffset.UTC));
    } catch (SignatureVerificationException e) {
      return false;
    }
  }

  @Test
  void aSignatureVerifiesWithStripeJavaAndCarriesTheSigningTime() {
    String header = signerAt(NOW).sign(PAYLOAD.getBytes(UTF_8),
        List.of(WebhookSigningSecret.current(newSecret)));

    assertThat(header).matches("t=" + NOW.getEpochSecond() + ",v1=[0-9a-f]{64}");
    assertThat(stripeAccepts(PAYLOAD, header, newSecret, NOW)).isTrue();
    assertThat(stripeAccepts(PAYLOAD, header, oldSecret, NOW)).isFalse();
  }

  @Test
  void duringARotationBothSecretsSignAndEitherVerifies() {
    List<WebhookSigningSecret> rotating = List.of(
        WebhookSigningSecret.current(newSecret),
        WebhookSigningSecret.current(oldSecret).retiringAt(NOW.plus(Duration.ofHours(24))));

    String header = signerAt(NOW).sign(PAYLOAD.getBytes(UTF_8), rotating);

    assertThat(header.split(",v1=")).hasSize(3);
    assertThat(stripeAccepts(PAYLOAD, header, newSecret, NOW)).isTrue();
    assertThat(stripeAccepts(PAYLOAD, header, oldSecret, NOW)).isTrue();
  }

  @Test
  void afterTheOverlapOnlyTheNewSecretSigns() {
    Instant end = NOW.plus(Duration.ofHours(24));
    List<WebhookSigningSecret> rotated = List.of(
        WebhookSigningSecret.current(newSecret),
        WebhookSigningSecret.current(oldSecret).retiringAt(end));

    String header = signerAt(end).sign(PAYLOAD.getBytes(UTF_8), rotated);

    assertThat(header.split(",v1=")).hasSize(2);
    assertThat(stripeAccepts(PAYLOAD, header, newSecret, end)).isTrue();
    assertThat(stripeAccepts(PAYLOAD, header, oldSecret, end)).isFalse();
  }

  @Test
  void anyOneTamperedByteFailsVerificationUnderEverySecret() {
    List<WebhookSigningSecret> rotating = List.of(
        WebhookSigningSecret.current(newSecret),
        WebhookSigningSecret.current(oldSecret).retiringAt(NOW.plusSeconds(60)));
    String header = signerAt(NOW).sign(PAYLOAD.getBytes(UTF_8), rotating);
    Random positions = new Random(11);

    for (int i = 0; i < 50; i++) {
      char[] tampered = PAYLOAD.toCharArray();
      int at = i == 0 ? 0 : i == 1 ? tampered.length - 1 : positions.nextInt(tampered.length);
      // Stays a single-byte ASCII change wherever the original is ASCII.
      tampered[at] = tampered[at] == 'x' ? 'y' : 'x';
      String altered = new String(tampered);
      assertThat(stripeAccepts(altered, header, newSecret, NOW)).as("position %d", at).isFalse();
      assertThat(stripeAccepts(altered, header, oldSecret, NOW)).as("position %d", at).isFalse();
    }
    assertThat(stripeAccepts(PAYLOAD, header, newSecret, NOW)).isTrue();
  }

  @Test
  void aTamperedTimestampFailsVerification() {
    String header = signerAt(NOW).sign(PAYLOAD.getBytes(UTF_8),
        List.of(WebhookSigningSecret.current(newSecret)));
    String shifted = header.replace("t=" + NOW.getEpochSecond(), "t=" + (NOW.getEpochSecond() + 1));

    assertThat(stripeAccepts(PAYLOAD, shifted, newSecret, NOW)).isFalse();
  }

  @Test
  void theExactBodyBytesAreSignedNotAReserialisation() {
    String compact = "{\"a\":1}";
    String spaced = "{ \"a\": 1 }";
    String header = signerAt(NOW).sign(compact.getBytes(UTF_8),
        List.of(WebhookSigningSecret.current(newSecret)));

    assertThat(stripeAccepts(compact, header, newSecret, NOW)).isTrue();
    assertThat(stripeAccepts(spaced, header, newSecret, NOW)).isFalse();
  }

  @Test
  void withNoActiveSecretNothingIsSigned() {
    List<WebhookSigningSecret> allRetired =
        List.of(WebhookSigningSecret.current(oldSecret).retiringAt(NOW));

    assertThatThrownBy(() -> signerAt(NOW).sign(PAYLOAD.getBytes(UTF_8), allRetired))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> signerAt(NOW).sign(PAYLOAD.getBytes(UTF_8), List.of()))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void secretsAreWhsecAnd32RandomBytesInHexFromTheInjectedGenerator() {
    assertThat(oldSecret).matches("whsec_[0-9a-f]{64}");
    assertThat(newSecret).matches("whsec_[0-9a-f]{64}").isNotEqualTo(oldSecret);
    WebhookSecretGenerator sameSeed = new WebhookSecretGenerator(new SplittableRandom(7));
    assertThat(sameSeed.newSecret()).isEqualTo(oldSecret);
  }

  @Test
  void aSigningSecretNeverShowsItsValueInToString() {
    WebhookSigningSecret secret = WebhookSigningSecret.current(newSecret);

    assertThat(secret.toString()).doesNotContain(newSecret.substring(6, 14));
    assertThat(secret.retiringAt(NOW).toString()).doesNotContain(newSecret.substring(6, 14));
  }
}
