package io.tender.core.ratelimit;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What to answer: allowed or not, and the values of {@code X-RateLimit-Limit},
 * {@code X-RateLimit-Remaining}, {@code X-RateLimit-Reset} (the window's end, epoch seconds) and,
 * when refused, {@code Retry-After} (seconds). An allowed decision has {@code retryAfterSeconds}
 * 0; a refused one has {@code remaining} 0 and {@code retryAfterSeconds} at least 1.
 */
public record RateLimitDecision(
    boolean allowed, int limit, int remaining, Instant resetAt, long retryAfterSeconds) {

  public static final String LIMIT_HEADER = "X-RateLimit-Limit";
  public static final String REMAINING_HEADER = "X-RateLimit-Remaining";
  public static final String RESET_HEADER = "X-RateLimit-Reset";
  public static final String RETRY_AFTER_HEADER = "Retry-After";

  public RateLimitDecision {
    Objects.requireNonNull(resetAt, "resetAt");
    if (limit < 1 || remaining < 0 || remaining > limit) {
      throw new IllegalArgumentException("remaining " + remaining + " is not within limit " + limit);
    }
    if (allowed && retryAfterSeconds != 0) {
      throw new IllegalArgumentException("an allowed request has no Retry-After");
    }
    if (!allowed && (remaining != 0 || retryAfterSeconds < 1)) {
      throw new IllegalArgumentException("a refused request has remaining 0 and Retry-After of at least 1 s");
    }
  }

  public static RateLimitDecision allowed(int limit, int remaining, RateLimitWindow window) {
    return new RateLimitDecision(true, limit, remaining, window.end(), 0);
  }

  public static RateLimitDecision refused(int limit, RateLimitWindow window, Instant now) {
    return new RateLimitDecision(false, limit, 0, window.end(), window.secondsUntilEnd(now));
  }

  /** The response headers, in a fixed order; {@code Retry-After} only when refused. */
  public Map<String, String> headers() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(LIMIT_HEADER, Integer.toString(limit));
    headers.put(REMAINING_HEADER, Integer.toString(remaining));
    headers.put(RESET_HEADER, Long.toString(resetAt.getEpochSecond()));
    if (!allowed) {
      headers.put(RETRY_AFTER_HEADER, Long.toString(retryAfterSeconds));
    }
    return Collections.unmodifiableMap(headers);
  }
}
