package io.tender.core.auth;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The payload of a session token:
 * {@code t=<tenantId>&u=<userId>&r=<role>&iat=<s>&exp=<s>&mfa=<s or nothing>&sid=<sessionId>},
 * always those fields in that order, identifiers percent-encoded, times as epoch seconds. Decoding
 * accepts exactly what encoding produces and nothing else.
 */
final class SessionClaimsCodec {
  static final long MAX_EPOCH_SECOND = 253_402_300_799L;
  private static final List<String> KEYS = List.of("t", "u", "r", "iat", "exp", "mfa", "sid");

  private SessionClaimsCodec() {}

  static String encode(SessionClaims claims) {
    return "t=" + PercentEncoding.encode(claims.tenantId())
        + "&u=" + PercentEncoding.encode(claims.userId())
        + "&r=" + PercentEncoding.encode(claims.role())
        + "&iat=" + claims.issuedAt().getEpochSecond()
        + "&exp=" + claims.expiresAt().getEpochSecond()
        + "&mfa=" + claims.mfaVerifiedAt().map(at -> Long.toString(at.getEpochSecond())).orElse("")
        + "&sid=" + PercentEncoding.encode(claims.sessionId());
  }

  static Optional<SessionClaims> decode(String payload) {
    String[] fields = payload.split("&", -1);
    if (fields.length != KEYS.size()) {
      return Optional.empty();
    }
    List<String> values = new ArrayList<>(KEYS.size());
    for (int i = 0; i < fields.length; i++) {
      String prefix = KEYS.get(i) + "=";
      if (!fields[i].startsWith(prefix)) {
        return Optional.empty();
      }
      values.add(fields[i].substring(prefix.length()));
    }
    Optional<String> tenantId = PercentEncoding.decode(values.get(0));
    Optional<String> userId = PercentEncoding.decode(values.get(1));
    Optional<String> role = PercentEncoding.decode(values.get(2));
    Optional<Instant> issuedAt = epochSecond(values.get(3));
    Optional<Instant> expiresAt = epochSecond(values.get(4));
    Optional<Instant> mfaVerifiedAt = epochSecond(values.get(5));
    Optional<String> sessionId = PercentEncoding.decode(values.get(6));
    if (tenantId.isEmpty() || userId.isEmpty() || role.isEmpty() || issuedAt.isEmpty()
        || expiresAt.isEmpty() || (mfaVerifiedAt.isEmpty() && !values.get(5).isEmpty())
        || sessionId.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new SessionClaims(tenantId.get(), userId.get(), role.get(),
          issuedAt.get(), expiresAt.get(), mfaVerifiedAt, sessionId.get()));
    } catch (IllegalArgumentException invalid) {
      return Optional.empty();
    }
  }

  /** Decimal digits without a sign or leading zero, within the years a token can carry. */
  private static Optional<Instant> epochSecond(String digits) {
    if (digits.isEmpty() || digits.length() > 12 || (digits.length() > 1 && digits.charAt(0) == '0')
        || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return Optional.empty();
    }
    long seconds = Long.parseLong(digits);
    return seconds > MAX_EPOCH_SECOND
        ? Optional.empty()
        : Optional.of(Instant.ofEpochSecond(seconds));
  }
}
