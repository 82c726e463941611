package io.tender.core.ratelimit;

import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;

class InMemoryRateLimiterTest extends RateLimiterContract {
  private InMemoryRateLimiter limiter;

  @BeforeEach
  void newLimiter() {
    limiter = new InMemoryRateLimiter();
  }

  @Override
  protected RateLimiter limiter() {
    return limiter;
  }

  @Override
  protected int storedHits(RateLimit limit, String scope, Instant now) {
    return limiter.hits(limit, scope, now);
  }
}
