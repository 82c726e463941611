package io.tender.core.ratelimit;

/**
 * The counter every container shares, one per (limit, scope, window), that tokens are taken
 * from. Taking is one atomic step: it never takes the counter past the limit.
 */
@FunctionalInterface
public interface RateCounter {

  /**
   * Takes {@code wanted} tokens of {@code limit} for {@code scope} in {@code window}, or, when
   * fewer are left, all that are left; none when the window is used up.
   */
  TokenLease take(RateLimit limit, String scope, RateLimitWindow window, int wanted);
}
