package io.tender.core.signature;

import io.tender.core.secret.SecretNotFoundException;
import io.tender.core.secret.SecretStore;
import io.tender.core.signature.Verification.Reason;
import io.tender.core.signature.Verification.Rejected;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Verifies the {@code Stripe-Signature} header of a Stripe webhook with a tolerance of 300 s.
 *
 * <p>Secrets are read from {@code secrets} on every call (the store caches them). When a
 * signature does not match, or no secret is configured, the secret may just have been rolled: the
 * verifier then calls {@code refreshSecrets} once and verifies once more. Refreshes are spaced by
 * at least {@code minRefreshInterval}, so a stream of forged requests cannot turn into a stream of
 * secret-store reads.
 */
public final class StripeWebhookVerifier {
  public static final String SIGNATURE_HEADER = "Stripe-Signature";
  public static final Duration TOLERANCE = Duration.ofSeconds(300);
  public static final Duration DEFAULT_MIN_REFRESH_INTERVAL = Duration.ofSeconds(30);

  private final Supplier<? extends Collection<String>> secrets;
  private final Runnable refreshSecrets;
  private final Clock clock;
  private final Duration minRefreshInterval;
  private final AtomicReference<Instant> lastRefresh = new AtomicReference<>();

  public StripeWebhookVerifier(Supplier<? extends Collection<String>> secrets,
      Runnable refreshSecrets, Clock clock, Duration minRefreshInterval) {
    this.secrets = Objects.requireNonNull(secrets, "secrets");
    this.refreshSecrets = Objects.requireNonNull(refreshSecrets, "refreshSecrets");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.minRefreshInterval = Objects.requireNonNull(minRefreshInterval, "minRefreshInterval");
  }

  public StripeWebhookVerifier(Supplier<? extends Collection<String>> secrets,
      Runnable refreshSecrets, Clock clock) {
    this(secrets, refreshSecrets, clock, DEFAULT_MIN_REFRESH_INTERVAL);
  }

  /**
   * A verifier reading the named secret from {@code store}. Its value holds one endpoint secret,
   * or several separated by commas or whitespace while a rolled secret overlaps. A secret that
   * does not exist counts as none configured, so every webhook is rejected.
   */
  public static StripeWebhookVerifier fromSecretStore(
      SecretStore store, String secretName, Clock clock) {
    return new StripeWebhookVerifier(
        () -> secretsIn(store, secretName), () -> store.refresh(secretName), clock);
  }

  /** Verifies {@code rawBody}, exactly as received, against the {@code Stripe-Signature} value. */
  public Verification verify(byte[] rawBody, String signatureHeader) {
    Verification first = verifyNow(rawBody, signatureHeader);
    if (!worthRefreshing(first) || !claimRefresh()) {
      return first;
    }
    refreshSecrets.run();
    return verifyNow(rawBody, signatureHeader);
  }

  private Verification verifyNow(byte[] rawBody, String signatureHeader) {
    return TimestampedHmacSignature.verify(
        rawBody, signatureHeader, secrets.get(), clock.instant(), TOLERANCE);
  }

  /** Only these can change with a new secret; a malformed or stale header never will. */
  private static boolean worthRefreshing(Verification verification) {
    return verification instanceof Rejected(Reason reason)
        && (reason == Reason.SIGNATURE_MISMATCH || reason == Reason.NO_SECRET_CONFIGURED);
  }

  private boolean claimRefresh() {
    Instant now = clock.instant();
    Instant previous = lastRefresh.get();
    if (previous != null && now.isBefore(previous.plus(minRefreshInterval))) {
      return false;
    }
    return lastRefresh.compareAndSet(previous, now);
  }

  private static List<String> secretsIn(SecretStore store, String secretName) {
    String value;
    try {
      value = store.get(secretName);
    } catch (SecretNotFoundException e) {
      return List.of();
    }
    return Arrays.stream(value.split("[,\\s]+")).filter(s -> !s.isEmpty()).toList();
  }
}
