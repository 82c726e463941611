package io.tender.core.signature;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.net.Webhook;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * stripe-java's {@code Webhook} as an independent peer: what it signs we verify, what we sign it
 * verifies, and where both judge the same header they agree, except for the disagreements
 * spelled out at the end of this class, each of which is deliberate.
 *
 * <p>The peer takes the payload as a String and hashes its UTF-8 encoding, so only UTF-8 bodies
 * can be compared; raw non-UTF-8 bodies are covered by {@link TimestampedHmacSignatureTest}.
 */
class StripePeerAgreementTest {
  private static final String SECRET = "whsec_peer_secret";
  private static final String ROLLED_SECRET = "whsec_rolled_secret";
  private static final long T = 1_700_000_000L;
  private static final Instant SIGNED_AT = Instant.ofEpochSecond(T);
  private static final long TOLERANCE = 300;
  private static final String EVENT = """
      {"id":"evt_1","object":"event","type":"checkout.session.completed","api_version":"2025-01-27",\r
       "data":{"object":{"id":"cs_test_1","object":"checkout.session","payment_status":"paid",\
      "metadata":{"note":"Zo\u00eb \ud83c\udf89"}}}}
      """;
  private static final List<String> PAYLOADS = List.of(EVENT, "", "{}", "a.b.c",
      "line one\r\nline two\r\n", "\u6771\u4eac \u00e9\u00e8 \ud83d\ude00", "t=1,v1=x");

  private static boolean peerAccepts(String payload, String header, String secret, Instant now) {
    try {
      return Webhook.Signature.verifyHeader(
          payload, header, secret, TOLERANCE, Clock.fixed(now, ZoneOffset.UTC));
    } catch (SignatureVerificationException e) {
      return false;
    } catch (RuntimeException e) {
      // The peer lets NumberFormatException or NullPointerException escape on some malformed
      // headers; ours never throws on header content. Both still refuse.
      return false;
    }
  }

  private static boolean weAccept(String payload, String header, String secret, Instant now) {
    return TimestampedHmacSignature.verify(payload.getBytes(UTF_8), header, List.of(secret), now)
        .isVerified();
  }

  private static String peerHmac(String secret, long t, String payload) throws Exception {
    return Webhook.Util.computeHmacSha256(secret, t + "." + payload);
  }

  @Test
  void headersWeSignVerifyWithThePeer() {
    for (String payload : PAYLOADS) {
      String header = TimestampedHmacSignature.sign(payload.getBytes(UTF_8), SIGNED_AT,
          List.of(SECRET));
      assertThat(peerAccepts(payload, header, SECRET, SIGNED_AT)).as(payload).isTrue();
    }
  }

  @Test
  void headersWeSignWithTwoSecretsVerifyWithThePeerUnderEither() {
    String header = TimestampedHmacSignature.sign(EVENT.getBytes(UTF_8), SIGNED_AT,
        List.of(ROLLED_SECRET, SECRET));

    assertThat(peerAccepts(EVENT, header, SECRET, SIGNED_AT)).isTrue();
    assertThat(peerAccepts(EVENT, header, ROLLED_SECRET, SIGNED_AT)).isTrue();
    assertThat(peerAccepts(EVENT, header, "whsec_unrelated", SIGNED_AT)).isFalse();
  }

  @Test
  void thePeerBuildsAnEventFromAHeaderWeSigned() throws Exception {
    String header = TimestampedHmacSignature.sign(EVENT.getBytes(UTF_8), SIGNED_AT,
        List.of(SECRET));

    Event event = Webhook.constructEvent(EVENT, header, SECRET, TOLERANCE,
        Clock.fixed(SIGNED_AT.plusSeconds(TOLERANCE), ZoneOffset.UTC));

    assertThat(event.getId()).isEqualTo("evt_1");
    assertThat(event.getType()).isEqualTo("checkout.session.completed");
  }

  @Test
  void headersThePeerSignsVerifyWithOurs() throws Exception {
    for (String payload : PAYLOADS) {
      String generated = Webhook.Signature.generateSignatureHeader(payload, SECRET, T);
      String manual = "t=" + T + ",v1=" + peerHmac(SECRET, T, payload)
          + ",v0=" + peerHmac("whsec_legacy", T, payload);

      assertThat(TimestampedHmacSignature.verify(payload.getBytes(UTF_8), generated,
          List.of(SECRET), SIGNED_AT)).as(payload).isEqualTo(new Verification.Verified(SIGNED_AT));
      assertThat(weAccept(payload, manual, SECRET, SIGNED_AT)).as(payload).isTrue();
    }
  }

  @Test
  void peerSignedRotationHeadersVerifyWithOursUnderEitherSecret() throws Exception {
    String header = "t=" + T + ",v1=" + peerHmac(ROLLED_SECRET, T, EVENT)
        + ",v1=" + peerHmac(SECRET, T, EVENT);

    assertThat(weAccept(EVENT, header, SECRET, SIGNED_AT)).isTrue();
    assertThat(weAccept(EVENT, header, ROLLED_SECRET, SIGNED_AT)).isTrue();
    assertThat(weAccept(EVENT, header, "whsec_unrelated", SIGNED_AT)).isFalse();
  }

  /** Headers on which both must give the same answer, at several moments relative to T. */
  private static List<String> sharedVerdictHeaders() throws Exception {
    String good = peerHmac(SECRET, T, EVENT);
    String other = peerHmac("whsec_other", T, EVENT);
    String zeros = "0".repeat(64);
    List<String> headers = new ArrayList<>(List.of(
        "t=" + T + ",v1=" + good,
        "t=" + T + ",v1=" + zeros + ",v1=" + good,
        "t=" + T + ",v1=" + other,
        "t=" + T + ",v0=" + good,
        "t=" + T,
        "t=" + (T + 1) + ",v1=" + good,
        "t=" + T + ",v1=" + good.toUpperCase(),
        "t=" + T + ",v1=" + good.substring(1),
        "v1=" + good,
        "t=" + T + ",v0=" + zeros + ",v1=" + good + ",v9=whatever",
        "t=abc,v1=" + good,
        "t=-" + T + ",v1=" + good,
        "",
        "garbage"));
    return headers;
  }

  @Test
  void bothAgreeOnEveryHeaderWhereTheTimestampIsNotInTheFuture() throws Exception {
    List<Instant> moments = List.of(SIGNED_AT, SIGNED_AT.plusSeconds(1),
        SIGNED_AT.plusSeconds(TOLERANCE), SIGNED_AT.plusSeconds(TOLERANCE + 1),
        SIGNED_AT.plusSeconds(86_400));
    int accepted = 0;
    for (String header : sharedVerdictHeaders()) {
      for (Instant now : moments) {
        boolean peer = peerAccepts(EVENT, header, SECRET, now);
        assertThat(weAccept(EVENT, header, SECRET, now))
            .as("header %s at %s", header, now).isEqualTo(peer);
        accepted += peer ? 1 : 0;
      }
    }
    // Guards the comparison itself: a peer that refused everything would agree vacuously.
    assertThat(accepted).isEqualTo(3 * 3);
  }

  @Test
  void bothAcceptExactly300SecondsOldAndRefuse301() throws Exception {
    String header = "t=" + T + ",v1=" + peerHmac(SECRET, T, EVENT);

    assertThat(peerAccepts(EVENT, header, SECRET, SIGNED_AT.plusSeconds(300))).isTrue();
    assertThat(weAccept(EVENT, header, SECRET, SIGNED_AT.plusSeconds(300))).isTrue();
    assertThat(peerAccepts(EVENT, header, SECRET, SIGNED_AT.plusSeconds(301))).isFalse();
    assertThat(weAccept(EVENT, header, SECRET, SIGNED_AT.plusSeconds(301))).isFalse();
  }

  // ---- Deliberate disagreements ----------------------------------------------------------------

  /**
   * The peer only refuses timestamps that are too old; a timestamp an hour ahead passes. Ours
   * refuses both directions: a future timestamp lets a captured request be replayed for that
   * much longer, and Stripe signs with its current time, so a genuine header is never more than
   * clock skew ahead. Both accept exactly 300 s ahead.
   */
  @Test
  void disagreement_thePeerAcceptsFutureTimestampsOursRefusesBeyond300Seconds() throws Exception {
    String header = "t=" + T + ",v1=" + peerHmac(SECRET, T, EVENT);

    assertThat(peerAccepts(EVENT, header, SECRET, SIGNED_AT.minusSeconds(300))).isTrue();
    assertThat(weAccept(EVENT, header, SECRET, SIGNED_AT.minusSeconds(300))).isTrue();
    for (long ahead : List.of(301L, 3_600L, 86_400L * 365)) {
      assertThat(peerAccepts(EVENT, header, SECRET, SIGNED_AT.minusSeconds(ahead))).isTrue();
      assertThat(TimestampedHmacSignature.verify(EVENT.getBytes(UTF_8), header, List.of(SECRET),
          SIGNED_AT.minusSeconds(ahead)))
          .isEqualTo(new Verification.Rejected(Verification.Reason.TIMESTAMP_OUT_OF_TOLERANCE));
    }
  }

  /**
   * The peer skips any {@code v1} it cannot match; ours refuses a header whose {@code v1} is not
   * 64 lowercase hex digits even when another {@code v1} matches. Stripe never sends one, so such
   * a header has been altered on the way, and "understood completely or not trusted" is simpler
   * to reason about than partial acceptance.
   */
  @Test
  void disagreement_aMalformedV1BesideAGoodOneIsRefusedByOursOnly() throws Exception {
    String header = "t=" + T + ",v1=not-hex,v1=" + peerHmac(SECRET, T, EVENT);

    assertThat(peerAccepts(EVENT, header, SECRET, SIGNED_AT)).isTrue();
    assertThat(weAccept(EVENT, header, SECRET, SIGNED_AT)).isFalse();
  }

  /** The peer takes the first {@code t}; ours refuses an ambiguous header outright. */
  @Test
  void disagreement_aDuplicateTimestampIsRefusedByOursOnly() throws Exception {
    String header = "t=" + T + ",v1=" + peerHmac(SECRET, T, EVENT) + ",t=" + (T + 5);

    assertThat(peerAccepts(EVENT, header, SECRET, SIGNED_AT)).isTrue();
    assertThat(weAccept(EVENT, header, SECRET, SIGNED_AT)).isFalse();
  }

  /**
   * The peer does not trim items, so {@code " v1"} is an unknown scheme to it; ours tolerates
   * whitespace around items (proxies re-fold headers). The signature still has to match.
   */
  @Test
  void disagreement_whitespaceAroundItemsIsToleratedByOursOnly() throws Exception {
    String header = "t=" + T + ", v1=" + peerHmac(SECRET, T, EVENT);

    assertThat(peerAccepts(EVENT, header, SECRET, SIGNED_AT)).isFalse();
    assertThat(weAccept(EVENT, header, SECRET, SIGNED_AT)).isTrue();
  }
}
