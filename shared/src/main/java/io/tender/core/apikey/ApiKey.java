package io.tender.core.apikey;

import io.tender.core.tenant.Mode;
import java.time.Instant;
import java.util.Optional;

/**
 * An API key as stored: never the secret, only its SHA-256 (the secret has 256 bits of
 * randomness, so a fast hash cannot be brute-forced) and its last four characters for display.
 */
public record ApiKey(
    String id,
    String tenantId,
    Mode mode,
    String name,
    String secretHash,
    String last4,
    Instant createdAt,
    Optional<Instant> revokedAt) {

  public boolean active() {
    return revokedAt.isEmpty();
  }

  /** {@code sk_test} or {@code sk_live}: what the merchant sees instead of the secret. */
  public String prefix() {
    return ApiKeySecrets.prefix(mode);
  }
}
