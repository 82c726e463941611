package io.tender.core.ratelimit;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The shared counter in memory, with the semantics of the DynamoDB one: one count per (limit
 * name, scope, window), a take never passes the limit and takes what is left when the whole lease
 * is not. Counts the takes, as the DynamoDB counter costs one write each.
 */
public final class InMemoryRateCounter implements RateCounter {
  private record Counter(String limitName, String scope, Instant windowStart) {}

  private final Map<Counter, Integer> counts = new ConcurrentHashMap<>();
  private final AtomicInteger takes = new AtomicInteger();

  @Override
  public TokenLease take(RateLimit limit, String scope, RateLimitWindow window, int wanted) {
    takes.incrementAndGet();
    TokenLease[] lease = new TokenLease[1];
    // compute() is atomic per key: the check and the increment are one step, as in DynamoDB.
    counts.compute(new Counter(limit.name(), scope, window.start()), (key, current) -> {
      int before = current == null ? 0 : current;
      int granted = Math.max(0, Math.min(wanted, limit.limit() - before));
      lease[0] = new TokenLease(granted, before + granted);
      return before + granted;
    });
    return lease[0];
  }

  /** The count of the window containing {@code now}: every token handed out, spent or not. */
  public int counted(RateLimit limit, String scope, Instant now) {
    RateLimitWindow window = RateLimitWindow.containing(limit.window(), now);
    return counts.getOrDefault(new Counter(limit.name(), scope, window.start()), 0);
  }

  /** How many times any container has taken from any counter. */
  public int takes() {
    return takes.get();
  }
}
