package io.tender.core.user;

import io.tender.core.auth.Role;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A dashboard user of one tenant. Holds only a password hash (Argon2id), the TOTP secret once MFA
 * is enrolled, and the hashes of unused recovery codes.
 *
 * @param pendingTotpSecret a secret offered at enrolment, not yet confirmed with a code
 * @param lastTotpStep the last time step a TOTP code was accepted for, so no code works twice
 */
public record User(
    String id,
    String tenantId,
    String email,
    String passwordHash,
    Role role,
    Optional<byte[]> totpSecret,
    Optional<byte[]> pendingTotpSecret,
    List<String> recoveryCodeHashes,
    long lastTotpStep,
    long version,
    Instant createdAt) {

  public boolean mfaEnabled() {
    return totpSecret.isPresent();
  }
}
