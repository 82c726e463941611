package io.tender.core.webhook;

import java.util.HexFormat;
import java.util.random.RandomGenerator;

/**
 * Makes endpoint signing secrets: {@code whsec_} followed by 32 random bytes in lowercase hex, the
 * shape the Stripe CLI gives its secrets, so merchants' Stripe tooling takes them as they are. The
 * whole string, prefix included, is the HMAC key, as with Stripe.
 */
public final class WebhookSecretGenerator {
  public static final String PREFIX = "whsec_";
  public static final int SECRET_BYTES = 32;

  private final RandomGenerator random;

  /** {@code random} must be a secure generator in production ({@code new SecureRandom()}). */
  public WebhookSecretGenerator(RandomGenerator random) {
    this.random = random;
  }

  public String newSecret() {
    byte[] bytes = new byte[SECRET_BYTES];
    random.nextBytes(bytes);
    return PREFIX + HexFormat.of().formatHex(bytes);
  }
}
