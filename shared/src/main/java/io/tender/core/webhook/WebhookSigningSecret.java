package io.tender.core.webhook;

import java.time.Instant;
import java.util.Objects;

/**
 * One secret an endpoint signs with, and until when. A new secret signs until {@link Instant#MAX};
 * when it is rotated out it keeps signing until the end of the overlap, so merchants can deploy the
 * new secret while every delivery still verifies with the old one.
 *
 * <p>{@link #toString()} never shows the value, so the record may appear in logs and exceptions.
 */
public record WebhookSigningSecret(String value, Instant signsUntil) {

  public WebhookSigningSecret {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(signsUntil, "signsUntil");
    if (value.isBlank()) {
      throw new IllegalArgumentException("a signing secret is blank");
    }
  }

  /** A secret that signs until it is rotated out. */
  public static WebhookSigningSecret current(String value) {
    return new WebhookSigningSecret(value, Instant.MAX);
  }

  /** This secret, rotated out: it still signs before {@code end} and never from then on. */
  public WebhookSigningSecret retiringAt(Instant end) {
    return new WebhookSigningSecret(value, end);
  }

  /** Whether a delivery signed at {@code instant} carries a signature made with this secret. */
  public boolean signsAt(Instant instant) {
    return instant.isBefore(signsUntil);
  }

  @Override
  public String toString() {
    return "WebhookSigningSecret[value=(hidden), signsUntil=" + signsUntil + "]";
  }
}
