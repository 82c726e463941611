package io.tender.core.ratelimit;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A named limit: at most {@code limit} requests per {@code window} per scope.
 *
 * <p>The name is part of every counter's storage key, so it is kept to lower-case letters,
 * digits, {@code .} and {@code -}. The window is a whole number of seconds, because windows are
 * aligned to the epoch in seconds and announced in seconds.
 */
public record RateLimit(String name, int limit, Duration window) {
  /** A container leases at most this share of a limit at once (see {@link #leaseSize}). */
  static final int LEASE_SHARE_DIVISOR = 10;
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{0,63}");

  public RateLimit {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(window, "window");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "rate limit name must be 1-64 of [a-z0-9.-], starting with a letter or digit: " + name);
    }
    if (limit < 1) {
      throw new IllegalArgumentException("rate limit " + name + ": limit must be at least 1, was " + limit);
    }
    if (window.toSeconds() < 1 || window.toNanosPart() != 0) {
      throw new IllegalArgumentException(
          "rate limit " + name + ": window must be a whole number of seconds, at least 1, was " + window);
    }
  }

  /**
   * The most tokens a container takes from the shared counter at once ({@link LeasingRateLimiter}):
   * a tenth of the limit, rounded down, and at least 1. Every limit under 20 therefore leases one
   * token per request and is counted exactly as a single shared counter counts; a larger one lets
   * a container hold at most a tenth of the window's budget unspent.
   */
  public int leaseSize() {
    return Math.max(1, limit / LEASE_SHARE_DIVISOR);
  }

  public static RateLimit perMinute(String name, int limit) {
    return new RateLimit(name, limit, Duration.ofMinutes(1));
  }
}
