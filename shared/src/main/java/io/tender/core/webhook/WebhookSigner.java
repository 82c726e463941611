package io.tender.core.webhook;

import io.tender.core.signature.TimestampedHmacSignature;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Signs outgoing webhook bodies: {@code Tender-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(
 * secret, t + "." + body)>[,v1=...]}, the scheme Stripe uses, so merchants verify with the
 * libraries they already have. Every secret still signing at this moment adds one {@code v1}:
 * during a rotation the old and the new secret both sign.
 *
 * <p>Sign right before each attempt, never once per event: a retry hours later with the first
 * attempt's timestamp would be refused by any verifier's replay tolerance.
 */
public final class WebhookSigner {
  public static final String SIGNATURE_HEADER = "Tender-Signature";

  private final Clock clock;

  public WebhookSigner(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * The {@value #SIGNATURE_HEADER} value for {@code body}, exactly the bytes that will be sent,
   * signed now with each of {@code secrets} that still signs, in the order given.
   *
   * @throws IllegalStateException when none of {@code secrets} signs now: an endpoint always has a
   *     current secret, and an unsigned delivery must never go out
   */
  public String sign(byte[] body, Collection<WebhookSigningSecret> secrets) {
    Instant now = clock.instant();
    List<String> signing = secrets.stream()
        .filter(secret -> secret.signsAt(now))
        .map(WebhookSigningSecret::value)
        .toList();
    if (signing.isEmpty()) {
      throw new IllegalStateException("no signing secret is active for this endpoint");
    }
    return TimestampedHmacSignature.sign(body, now, signing);
  }
}
