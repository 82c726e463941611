package io.tender.core.signature;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.tender.core.secret.SecretNotFoundException;
import io.tender.core.secret.SecretStore;
import io.tender.core.signature.Verification.Reason;
import io.tender.core.signature.Verification.Rejected;
import io.tender.core.signature.Verification.Verified;
import io.tender.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class StripeWebhookVerifierTest {
  private static final String OLD_SECRET = "whsec_old";
  private static final String NEW_SECRET = "whsec_new";
  private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
  private static final byte[] BODY = "{\"id\":\"evt_1\",\"object\":\"event\"}".getBytes(UTF_8);

  private final MutableClock clock = new MutableClock(NOW);
  /** What the cache currently holds, and what the source holds after a refresh. */
  private final AtomicReference<List<String>> cached = new AtomicReference<>(List.of(OLD_SECRET));
  private final AtomicReference<List<String>> source = new AtomicReference<>(List.of(NEW_SECRET));
  private final AtomicInteger refreshes = new AtomicInteger();
  private final StripeWebhookVerifier verifier = new StripeWebhookVerifier(cached::get, () -> {
    refreshes.incrementAndGet();
    cached.set(source.get());
  }, clock);

  private String signedWith(String secret, Instant at) {
    return TimestampedHmacSignature.sign(BODY, at, List.of(secret));
  }

  @Test
  void aValidWebhookVerifiesWithoutTouchingTheStore() {
    assertThat(verifier.verify(BODY, signedWith(OLD_SECRET, NOW)))
        .isEqualTo(new Verified(NOW));
    assertThat(refreshes).hasValue(0);
  }

  @Test
  void aRolledSecretIsPickedUpByOneRefreshAndOneRetry() {
    assertThat(verifier.verify(BODY, signedWith(NEW_SECRET, NOW))).isEqualTo(new Verified(NOW));
    assertThat(refreshes).hasValue(1);
    assertThat(verifier.verify(BODY, signedWith(NEW_SECRET, NOW)).isVerified()).isTrue();
    assertThat(refreshes).hasValue(1);
  }

  @Test
  void aForgeryStillFailsAfterItsOneRefresh() {
    assertThat(verifier.verify(BODY, signedWith("whsec_attacker", NOW)))
        .isEqualTo(new Rejected(Reason.SIGNATURE_MISMATCH));
    assertThat(refreshes).hasValue(1);
  }

  @Test
  void refreshesAreSpacedSoForgeriesCannotHammerTheSecretStore() {
    for (int i = 0; i < 10; i++) {
      verifier.verify(BODY, signedWith("whsec_attacker", NOW));
    }
    assertThat(refreshes).hasValue(1);

    clock.advance(StripeWebhookVerifier.DEFAULT_MIN_REFRESH_INTERVAL);
    verifier.verify(BODY, signedWith("whsec_attacker", clock.instant()));
    assertThat(refreshes).hasValue(2);
  }

  @Test
  void malformedMissingStaleOrV0OnlyHeadersNeverRefresh() {
    assertThat(verifier.verify(BODY, null)).isEqualTo(new Rejected(Reason.MISSING_HEADER));
    assertThat(verifier.verify(BODY, "t=x")).isEqualTo(new Rejected(Reason.MALFORMED_HEADER));
    assertThat(verifier.verify(BODY, "t=1700000000,v0=ab"))
        .isEqualTo(new Rejected(Reason.NO_V1_SIGNATURE));
    assertThat(verifier.verify(BODY, signedWith(OLD_SECRET, NOW.minusSeconds(301))))
        .isEqualTo(new Rejected(Reason.TIMESTAMP_OUT_OF_TOLERANCE));
    assertThat(refreshes).hasValue(0);
  }

  @Test
  void theToleranceIs300SecondsBothWays() {
    assertThat(verifier.verify(BODY, signedWith(OLD_SECRET, NOW.minusSeconds(300))).isVerified())
        .isTrue();
    assertThat(verifier.verify(BODY, signedWith(OLD_SECRET, NOW.plusSeconds(300))).isVerified())
        .isTrue();
    assertThat(verifier.verify(BODY, signedWith(OLD_SECRET, NOW.plusSeconds(301))))
        .isEqualTo(new Rejected(Reason.TIMESTAMP_OUT_OF_TOLERANCE));
  }

  @Test
  void noSecretConfiguredRefreshesOnceThenFailsClosed() {
    cached.set(List.of());
    source.set(List.of());

    assertThat(verifier.verify(BODY, signedWith(OLD_SECRET, NOW)))
        .isEqualTo(new Rejected(Reason.NO_SECRET_CONFIGURED));
    assertThat(refreshes).hasValue(1);
  }

  @Test
  void aSecretConfiguredMeanwhileIsFoundByTheRefresh() {
    cached.set(List.of());

    assertThat(verifier.verify(BODY, signedWith(NEW_SECRET, NOW)).isVerified()).isTrue();
  }

  @Test
  void fromSecretStoreReadsOneOrSeveralSecretsAndRefreshesByName() {
    FakeSecretStore store = new FakeSecretStore();
    store.values.put("stripe/webhook", OLD_SECRET);
    StripeWebhookVerifier fromStore =
        StripeWebhookVerifier.fromSecretStore(store, "stripe/webhook", clock);

    assertThat(fromStore.verify(BODY, signedWith(OLD_SECRET, NOW)).isVerified()).isTrue();
    assertThat(store.refreshed).isEmpty();

    store.values.put("stripe/webhook", " " + OLD_SECRET + ",\n" + NEW_SECRET + " ");
    assertThat(fromStore.verify(BODY, signedWith(NEW_SECRET, NOW)).isVerified()).isTrue();
    assertThat(fromStore.verify(BODY, signedWith(OLD_SECRET, NOW)).isVerified()).isTrue();

    assertThat(fromStore.verify(BODY, signedWith("whsec_attacker", NOW)))
        .isEqualTo(new Rejected(Reason.SIGNATURE_MISMATCH));
    assertThat(store.refreshed).containsExactly("stripe/webhook");
  }

  @Test
  void fromSecretStoreWithNoSuchSecretFailsClosed() {
    FakeSecretStore store = new FakeSecretStore();
    StripeWebhookVerifier fromStore =
        StripeWebhookVerifier.fromSecretStore(store, "stripe/webhook", clock);

    assertThat(fromStore.verify(BODY, signedWith(OLD_SECRET, NOW)))
        .isEqualTo(new Rejected(Reason.NO_SECRET_CONFIGURED));
    store.values.put("stripe/webhook", "  ");
    clock.advance(Duration.ofMinutes(1));
    assertThat(fromStore.verify(BODY, signedWith(OLD_SECRET, clock.instant())))
        .isEqualTo(new Rejected(Reason.NO_SECRET_CONFIGURED));
  }

  private static final class FakeSecretStore implements SecretStore {
    final Map<String, String> values = new HashMap<>();
    final List<String> refreshed = new ArrayList<>();

    @Override
    public String get(String name) {
      String value = values.get(name);
      if (value == null) {
        throw new SecretNotFoundException(name);
      }
      return value;
    }

    @Override
    public void refresh(String name) {
      refreshed.add(name);
    }
  }
}
