package io.tender.core.ratelimit;

import java.time.Instant;

/**
 * Counts requests against limits shared by every container of every function, never letting more
 * than the limit through in a window. A refused request is not counted, so a client that keeps
 * retrying is let in again as soon as the window turns. An implementation may take its share of
 * the counter in batches ({@link LeasingRateLimiter}).
 */
public interface RateLimiter {

  /**
   * Counts one request of {@code scope} (e.g. {@code "tenant:t_1"}, {@code "ip:203.0.113.9"},
   * {@code "key:key_1"}; see {@link RateLimitScope}) against {@code limit} in the window that
   * contains {@code now}.
   */
  RateLimitDecision acquire(RateLimit limit, String scope, Instant now);
}
