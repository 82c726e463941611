package io.tender.core.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RequestFingerprintTest {
  private static final String ROUTE = "POST /api/v1/refunds";
  // SHA-256 over each part as a 4-byte big-endian length followed by its bytes, computed outside
  // Java: sha256(len("POST") "POST" len(route) route len(body) body).
  private static final String PINNED =
      "fe04071ddf79030f68c27000f340d6c9997dc4f688f9e9665e271e2402445add";

  @Test
  void isLowerCaseHexSha256AndTheSameForTheSameRequest() {
    String once = RequestFingerprint.of("POST", ROUTE, bytes("{\"amount\":500}"));

    assertThat(once).matches("[0-9a-f]{64}");
    assertThat(RequestFingerprint.of("POST", ROUTE, bytes("{\"amount\":500}"))).isEqualTo(once);
  }

  @Test
  void staysTheSameAcrossReleases() {
    // Records live 24 h: a changed fingerprint would turn every retry in flight during a
    // deployment into a 422. Change this value only together with a migration plan.
    assertThat(RequestFingerprint.of("POST", ROUTE, bytes("{\"amount\":500}")))
        .isEqualTo(PINNED);
  }

  @Test
  void anyDifferenceInMethodRouteOrBodyBytesChangesIt() {
    String original = RequestFingerprint.of("POST", ROUTE, bytes("{\"amount\":500}"));

    assertThat(RequestFingerprint.of("PUT", ROUTE, bytes("{\"amount\":500}")))
        .isNotEqualTo(original);
    assertThat(RequestFingerprint.of("POST", "POST /api/v1/payments", bytes("{\"amount\":500}")))
        .isNotEqualTo(original);
    assertThat(RequestFingerprint.of("POST", ROUTE, bytes("{\"amount\":501}")))
        .isNotEqualTo(original);
    assertThat(RequestFingerprint.of("POST", ROUTE, bytes("{\"amount\": 500}")))
        .isNotEqualTo(original);
  }

  @Test
  void partsCannotBleedIntoEachOther() {
    assertThat(RequestFingerprint.of("POST", "/ab", bytes("c")))
        .isNotEqualTo(RequestFingerprint.of("POST", "/a", bytes("bc")));
    assertThat(RequestFingerprint.of("POS", "T/a", bytes("")))
        .isNotEqualTo(RequestFingerprint.of("POST", "/a", bytes("")));
  }

  @Test
  void noBodyHashesAsAnEmptyBody() {
    assertThat(RequestFingerprint.of("POST", ROUTE, null))
        .isEqualTo(RequestFingerprint.of("POST", ROUTE, new byte[0]));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
