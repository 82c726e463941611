package io.tender.core.ratelimit;

import java.util.Objects;

/**
 * The scope strings the limits are counted by, built in one place so that every handler counts
 * the same subject under the same string.
 */
public final class RateLimitScope {

  private RateLimitScope() {}

  public static String tenant(String tenantId) {
    return of("tenant", tenantId);
  }

  /** The client's address as the gateway saw it (the HTTP API's {@code sourceIp}). */
  public static String ip(String address) {
    return of("ip", address);
  }

  /** An API key by its id, never by its secret. */
  public static String apiKey(String keyId) {
    return of("key", keyId);
  }

  /** A tenant's traffic in one mode: test traffic never uses up the live budget. */
  public static String tenant(String tenantId, String mode) {
    return of("tenant", tenantId + ":" + mode);
  }

  /** A signed-in dashboard user by id. */
  public static String user(String userId) {
    return of("user", userId);
  }

  /** A login account by its id or normalised login name. */
  public static String account(String account) {
    return of("account", account);
  }

  private static String of(String kind, String subject) {
    Objects.requireNonNull(subject, kind);
    if (subject.isEmpty()) {
      throw new IllegalArgumentException(kind + " scope needs a subject");
    }
    return kind + ":" + subject;
  }
}
