package io.tender.core.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rate limiter contract on leases from an in-memory counter, and what stays in memory. */
class LeasingRateLimiterTest extends RateLimiterContract {
  private InMemoryRateCounter counter;
  private LeasingRateLimiter limiter;

  @BeforeEach
  void newCounter() {
    counter = new InMemoryRateCounter();
    limiter = new LeasingRateLimiter(counter);
  }

  @Override
  protected RateLimiter limiter() {
    return limiter;
  }

  @Override
  protected int storedHits(RateLimit limit, String scope, Instant now) {
    return counter.counted(limit, scope, now);
  }

  @Test
  void leasesOfEndedWindowsAreForgottenAtTheNextLease() {
    RateLimit limit = RateLimit.perMinute("leasing.forget", 100);
    limiter.acquire(limit, "tenant:t_forget_a", NOW);
    limiter.acquire(limit, "tenant:t_forget_b", NOW);
    assertThat(limiter.countersHeld()).isEqualTo(2);

    limiter.acquire(limit, "tenant:t_forget_a", WINDOW_END);

    assertThat(limiter.countersHeld()).as("only the new window's lease").isEqualTo(1);
  }

  @Test
  void limitsLeasedOneAtATimeHoldNothing() {
    RateLimit limit = RateLimit.perMinute("leasing.nothing-held", 19);
    for (int request = 0; request < 25; request++) {
      limiter.acquire(limit, "ip:192.0.2." + request, NOW);
    }

    assertThat(limiter.countersHeld()).isZero();
  }
}
