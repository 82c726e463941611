package io.tender.core.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What leasing must do when several containers share one counter, run on the in-memory counter
 * and on DynamoDB. Each test uses limit names of its own, so implementations may share storage.
 */
public abstract class LeasingContract {
  /** 10:00:17 UTC, in the one-minute window [10:00:00, 10:01:00). */
  protected static final Instant NOW = Instant.parse("2026-11-23T10:00:17Z");
  protected static final Instant WINDOW_END = Instant.parse("2026-11-23T10:01:00Z");
  private static final Instant NEXT_WINDOW_END = Instant.parse("2026-11-23T10:02:00Z");

  /** A new container: a limiter with nothing leased yet, on the storage every container shares. */
  protected abstract RateLimiter container();

  /** The shared counter of the window of {@code now}: every token leased, spent or not. */
  protected abstract int storedHits(RateLimit limit, String scope, Instant now);

  /** Writes to the shared counters so far, by any container. */
  protected abstract int counterWrites();

  @Test
  public void aLimitOfOneIsExactAcrossContainers() {
    RateLimit one = RateLimit.perMinute("leasing.one", 1);
    RateLimiter a = container();
    RateLimiter b = container();
    String scope = "ip:198.51.100.1";

    assertThat(a.acquire(one, scope, NOW)).isEqualTo(new RateLimitDecision(true, 1, 0, WINDOW_END, 0));
    assertThat(b.acquire(one, scope, NOW)).isEqualTo(new RateLimitDecision(false, 1, 0, WINDOW_END, 43));
    assertThat(a.acquire(one, scope, NOW).allowed()).isFalse();
    assertThat(storedHits(one, scope, NOW)).isEqualTo(1);
  }

  @Test
  public void aLimitOfThreeIsCountedRequestByRequestAsOneSharedCounter() {
    RateLimit three = RateLimit.perMinute("leasing.three", 3);
    List<RateLimiter> containers = List.of(container(), container(), container());
    String scope = "ip:198.51.100.3";
    int writesBefore = counterWrites();

    List<RateLimitDecision> decisions = new ArrayList<>();
    for (int request = 0; request < 5; request++) {
      decisions.add(containers.get(request % 3).acquire(three, scope, NOW));
    }

    assertThat(decisions).containsExactly(
        new RateLimitDecision(true, 3, 2, WINDOW_END, 0),
        new RateLimitDecision(true, 3, 1, WINDOW_END, 0),
        new RateLimitDecision(true, 3, 0, WINDOW_END, 0),
        new RateLimitDecision(false, 3, 0, WINDOW_END, 43),
        new RateLimitDecision(false, 3, 0, WINDOW_END, 43));
    assertThat(storedHits(three, scope, NOW)).isEqualTo(3);
    assertThat(counterWrites() - writesBefore).as("one write per request, as one counter").isEqualTo(5);
  }

  @Test
  public void aBusyContainerLeasesTwoThenDoublesUpToATenthOfTheLimit() {
    RateLimit limit = RateLimit.perMinute("leasing.large", 300);
    RateLimiter container = container();
    String scope = "key:key_large";
    int writesBefore = counterWrites();

    for (int request = 1; request <= 60; request++) {
      assertThat(container.acquire(limit, scope, NOW))
          .isEqualTo(new RateLimitDecision(true, 300, 300 - request, WINDOW_END, 0));
    }
    assertThat(counterWrites() - writesBefore).as("leases of 2, 4, 8, 16 and 30").isEqualTo(5);
    assertThat(storedHits(limit, scope, NOW)).isEqualTo(60);

    for (int request = 61; request <= 90; request++) {
      assertThat(container.acquire(limit, scope, NOW).remaining()).isEqualTo(300 - request);
    }
    assertThat(counterWrites() - writesBefore).as("the next 30 requests, one lease").isEqualTo(6);
    assertThat(storedHits(limit, scope, NOW)).isEqualTo(90);
  }

  @Test
  public void aBurstOfFreshContainersServingOneRequestEachTakesLittleOfTheBudget() {
    RateLimit limit = RateLimit.perMinute("leasing.burst", 100);
    String scope = "tenant:t_burst";

    for (int container = 0; container < 20; container++) {
      assertThat(container().acquire(limit, scope, NOW).allowed()).as("container " + container).isTrue();
    }

    assertThat(storedHits(limit, scope, NOW)).as("a first lease of 2 each").isEqualTo(40);
  }

  @Test
  public void containersSharingACounterNeverLetMoreThanTheLimitThroughTogether() throws Exception {
    RateLimit limit = RateLimit.perMinute("leasing.shared", 100);
    List<RateLimiter> containers = List.of(container(), container());
    String scope = "tenant:t_shared";
    int threads = 6;
    int requestsPerThread = 35;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Integer>> allowedByThread = new ArrayList<>();
      for (int thread = 0; thread < threads; thread++) {
        RateLimiter container = containers.get(thread % 2);
        allowedByThread.add(pool.submit(() -> {
          start.await();
          int allowed = 0;
          for (int request = 0; request < requestsPerThread; request++) {
            RateLimitDecision decision = container.acquire(limit, scope, NOW);
            assertThat(decision.remaining()).isBetween(0, 99);
            allowed += decision.allowed() ? 1 : 0;
          }
          return allowed;
        }));
      }
      start.countDown();
      int allowed = 0;
      for (Future<Integer> future : allowedByThread) {
        allowed += future.get(60, TimeUnit.SECONDS);
      }

      // 105 requests on each container, more than the limit: each is refused in the end, and a
      // container refuses only once it has spent every token it leased.
      assertThat(allowed).isEqualTo(100);
      assertThat(storedHits(limit, scope, NOW)).isEqualTo(100);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  public void aContainerHoldingUnspentTokensMakesAnotherRefuseEarlyByLessThanALease() {
    RateLimit limit = RateLimit.perMinute("leasing.early", 20);
    RateLimiter holder = container();
    RateLimiter other = container();
    String scope = "tenant:t_early";

    assertThat(holder.acquire(limit, scope, NOW).remaining()).as("leased 2, holds 1").isEqualTo(19);
    int allowedElsewhere = 0;
    while (other.acquire(limit, scope, NOW).allowed()) {
      allowedElsewhere++;
    }

    assertThat(allowedElsewhere).as("the holder's unspent token is not the other's").isEqualTo(18);
    assertThat(holder.acquire(limit, scope, NOW).allowed()).as("the holder spends it").isTrue();
    assertThat(holder.acquire(limit, scope, NOW).allowed()).isFalse();
    assertThat(storedHits(limit, scope, NOW)).isEqualTo(20);
  }

  @Test
  public void remainingCountsTokensOtherContainersHoldAsUsed() {
    RateLimit limit = RateLimit.perMinute("leasing.remaining", 50);
    RateLimiter a = container();
    RateLimiter b = container();
    String scope = "tenant:t_remaining";
    a.acquire(limit, scope, NOW);

    RateLimitDecision fromB = b.acquire(limit, scope, NOW);

    assertThat(fromB.remaining()).as("50 - A's lease of 2 - B's own request").isEqualTo(47);
    int letThrough = 0;
    while (b.acquire(limit, scope, NOW).allowed()) {
      letThrough++;
    }
    assertThat(letThrough).as("B then lets through exactly what it announced").isEqualTo(fromB.remaining());
  }

  @Test
  public void theNextWindowLeasesAfreshAndLeavesTheOldCounterAlone() {
    RateLimit limit = RateLimit.perMinute("leasing.rollover", 100);
    RateLimiter container = container();
    String scope = "tenant:t_rollover";
    container.acquire(limit, scope, NOW);
    int writesBefore = counterWrites();

    RateLimitDecision nextWindow = container.acquire(limit, scope, WINDOW_END);
    RateLimitDecision secondInNextWindow = container.acquire(limit, scope, WINDOW_END.plusSeconds(30));

    assertThat(nextWindow).as("the token left of the ended window is not spent in the next")
        .isEqualTo(new RateLimitDecision(true, 100, 99, NEXT_WINDOW_END, 0));
    assertThat(secondInNextWindow).isEqualTo(new RateLimitDecision(true, 100, 98, NEXT_WINDOW_END, 0));
    assertThat(counterWrites() - writesBefore).as("one new lease of 2").isEqualTo(1);
    assertThat(storedHits(limit, scope, WINDOW_END)).isEqualTo(2);
    assertThat(storedHits(limit, scope, NOW)).isEqualTo(2);
  }

  @Test
  public void tokensLeasedUnderAHigherLimitAreNotSpentOnceItIsLowered() {
    RateLimiter container = container();
    String scope = "tenant:t_lowered";
    for (int request = 0; request < 15; request++) {
      container.acquire(RateLimit.perMinute("leasing.lowered", 300), scope, NOW);
    }
    // Leases of 2, 4, 8 and 16: 30 taken, 15 still held.

    RateLimitDecision lowered = container.acquire(RateLimit.perMinute("leasing.lowered", 25), scope, NOW);

    assertThat(lowered).as("30 already leased, over the new limit of 25")
        .isEqualTo(new RateLimitDecision(false, 25, 0, WINDOW_END, 43));
    assertThat(storedHits(RateLimit.perMinute("leasing.lowered", 25), scope, NOW)).isEqualTo(30);
  }
}
