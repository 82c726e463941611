package io.tender.core.ratelimit;

import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;

/** Leasing from one in-memory counter shared by several limiters. */
class InMemoryLeasingTest extends LeasingContract {
  private InMemoryRateCounter counter;

  @BeforeEach
  void newCounter() {
    counter = new InMemoryRateCounter();
  }

  @Override
  protected RateLimiter container() {
    return new LeasingRateLimiter(counter);
  }

  @Override
  protected int storedHits(RateLimit limit, String scope, Instant now) {
    return counter.counted(limit, scope, now);
  }

  @Override
  protected int counterWrites() {
    return counter.takes();
  }
}
