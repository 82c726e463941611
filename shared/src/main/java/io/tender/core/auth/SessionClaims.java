package io.tender.core.auth;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * Who a dashboard session belongs to and until when. Times are whole seconds (finer parts are
 * dropped), which is what a token carries; the identifiers are 1 to 128 printable ASCII
 * characters.
 *
 * @param mfaVerifiedAt when the user last passed a second factor, empty if not in this session
 * @param sessionId identifies the session, so that it can be listed and revoked
 */
public record SessionClaims(
    String tenantId,
    String userId,
    String role,
    Instant issuedAt,
    Instant expiresAt,
    Optional<Instant> mfaVerifiedAt,
    String sessionId) {

  static final int MAX_IDENTIFIER_LENGTH = 128;

  public SessionClaims {
    requireIdentifier(tenantId, "tenantId");
    requireIdentifier(userId, "userId");
    requireIdentifier(role, "role");
    requireIdentifier(sessionId, "sessionId");
    issuedAt = wholeSeconds(issuedAt, "issuedAt");
    expiresAt = wholeSeconds(expiresAt, "expiresAt");
    Objects.requireNonNull(mfaVerifiedAt, "mfaVerifiedAt");
    mfaVerifiedAt = mfaVerifiedAt.map(at -> wholeSeconds(at, "mfaVerifiedAt"));
    if (!expiresAt.isAfter(issuedAt)) {
      throw new IllegalArgumentException("a session expires after it is issued");
    }
  }

  private static void requireIdentifier(String value, String name) {
    if (value == null || value.isEmpty() || value.length() > MAX_IDENTIFIER_LENGTH
        || !value.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
      throw new IllegalArgumentException(
          name + " is 1 to " + MAX_IDENTIFIER_LENGTH + " printable ASCII characters");
    }
  }

  private static Instant wholeSeconds(Instant at, String name) {
    Objects.requireNonNull(at, name);
    // Twelve decimal digits in a token: the Unix epoch up to the end of year 9999.
    if (at.getEpochSecond() < 0 || at.getEpochSecond() > SessionClaimsCodec.MAX_EPOCH_SECOND) {
      throw new IllegalArgumentException(name + " is between 1970 and 9999");
    }
    return at.truncatedTo(ChronoUnit.SECONDS);
  }
}
