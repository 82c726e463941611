package io.tender.core.ratelimit;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link RateLimiter} in memory with the semantics of the DynamoDB one: epoch-aligned fixed
 * windows, one counter per (limit name, scope, window), refused requests not counted. For unit
 * tests of code that is rate limited.
 */
public final class InMemoryRateLimiter implements RateLimiter {
  private record Counter(String limitName, String scope, Instant windowStart) {}

  private final Map<Counter, Integer> hits = new ConcurrentHashMap<>();

  @Override
  public RateLimitDecision acquire(RateLimit limit, String scope, Instant now) {
    RateLimitWindow window = RateLimitWindow.containing(limit.window(), now);
    Counter counter = new Counter(limit.name(), requireScope(scope), window.start());
    // compute() is atomic per key: the check and the increment are one step, as in DynamoDB.
    int[] counted = {0};
    hits.compute(counter, (key, current) -> {
      int before = current == null ? 0 : current;
      if (before >= limit.limit()) {
        return current;
      }
      counted[0] = before + 1;
      return before + 1;
    });
    if (counted[0] == 0) {
      return RateLimitDecision.refused(limit.limit(), window, now);
    }
    return RateLimitDecision.allowed(limit.limit(), limit.limit() - counted[0], window);
  }

  /** How many requests of {@code scope} have been counted in the window containing {@code now}. */
  public int hits(RateLimit limit, String scope, Instant now) {
    RateLimitWindow window = RateLimitWindow.containing(limit.window(), now);
    return hits.getOrDefault(new Counter(limit.name(), scope, window.start()), 0);
  }

  private static String requireScope(String scope) {
    Objects.requireNonNull(scope, "scope");
    if (scope.isEmpty()) {
      throw new IllegalArgumentException("rate limit scope is empty");
    }
    return scope;
  }
}
