package io.tender.core.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What every {@link RateLimiter} must do, run against the in-memory twin and against DynamoDB.
 * Each test uses scopes of its own, so implementations may share storage between tests.
 */
public abstract class RateLimiterContract {
  /** 10:00:17 UTC: 43 s before the one-minute window [10:00:00, 10:01:00) ends. */
  protected static final Instant NOW = Instant.parse("2026-11-23T10:00:17Z");
  protected static final Instant WINDOW_END = Instant.parse("2026-11-23T10:01:00Z");

  protected abstract RateLimiter limiter();

  /** How many requests the implementation's storage has counted for the window of {@code now}. */
  protected abstract int storedHits(RateLimit limit, String scope, Instant now);

  @Test
  public void allowsUpToTheLimitCountingDownThenRefuses() {
    RateLimiter limiter = limiter();
    RateLimit limit = RateLimit.perMinute("contract.count-down", 5);
    String scope = "tenant:t_countdown";

    for (int request = 1; request <= 5; request++) {
      RateLimitDecision decision = limiter.acquire(limit, scope, NOW);
      int remaining = 5 - request;
      assertThat(decision).isEqualTo(new RateLimitDecision(true, 5, remaining, WINDOW_END, 0));
      assertThat(decision.headers()).containsExactly(
          Map.entry("X-RateLimit-Limit", "5"),
          Map.entry("X-RateLimit-Remaining", Integer.toString(remaining)),
          Map.entry("X-RateLimit-Reset", Long.toString(WINDOW_END.getEpochSecond())));
    }

    RateLimitDecision refused = limiter.acquire(limit, scope, NOW);
    assertThat(refused).isEqualTo(new RateLimitDecision(false, 5, 0, WINDOW_END, 43));
    assertThat(refused.headers()).containsExactly(
        Map.entry("X-RateLimit-Limit", "5"),
        Map.entry("X-RateLimit-Remaining", "0"),
        Map.entry("X-RateLimit-Reset", "1795428060"),
        Map.entry("Retry-After", "43"));
  }

  @Test
  public void theNextWindowAllowsAgain() {
    RateLimiter limiter = limiter();
    RateLimit limit = RateLimit.perMinute("contract.next-window", 2);
    String scope = "tenant:t_next";
    limiter.acquire(limit, scope, NOW);
    limiter.acquire(limit, scope, NOW);

    RateLimitDecision lastMoment = limiter.acquire(limit, scope, Instant.parse("2026-11-23T10:00:59.900Z"));
    RateLimitDecision nextWindow = limiter.acquire(limit, scope, WINDOW_END);

    assertThat(lastMoment).isEqualTo(new RateLimitDecision(false, 2, 0, WINDOW_END, 1));
    assertThat(nextWindow).isEqualTo(
        new RateLimitDecision(true, 2, 1, Instant.parse("2026-11-23T10:02:00Z"), 0));
  }

  @Test
  public void refusedRequestsAreNotCounted() {
    RateLimiter limiter = limiter();
    RateLimit three = RateLimit.perMinute("contract.not-counted", 3);
    String scope = "ip:198.51.100.7";
    for (int request = 0; request < 8; request++) {
      limiter.acquire(three, scope, NOW);
    }

    assertThat(storedHits(three, scope, NOW)).isEqualTo(3);
    // A limit raised in the same window sees only the three requests that were let through.
    RateLimitDecision raised = limiter.acquire(RateLimit.perMinute("contract.not-counted", 5), scope, NOW);
    assertThat(raised.allowed()).isTrue();
    assertThat(raised.remaining()).isEqualTo(1);
  }

  @Test
  public void windowsAreAlignedToTheEpoch() {
    RateLimiter limiter = limiter();
    RateLimit limit = new RateLimit("contract.aligned", 2, Duration.ofMinutes(15));
    String scope = "ip:203.0.113.9";
    Instant quarterEnd = Instant.parse("2026-11-23T10:15:00Z");

    RateLimitDecision first = limiter.acquire(limit, scope, Instant.parse("2026-11-23T10:07:30Z"));
    RateLimitDecision second = limiter.acquire(limit, scope, Instant.parse("2026-11-23T10:00:00Z"));
    RateLimitDecision third = limiter.acquire(limit, scope, Instant.parse("2026-11-23T10:14:59Z"));
    RateLimitDecision nextQuarter = limiter.acquire(limit, scope, quarterEnd);

    assertThat(first).isEqualTo(new RateLimitDecision(true, 2, 1, quarterEnd, 0));
    assertThat(second).isEqualTo(new RateLimitDecision(true, 2, 0, quarterEnd, 0));
    assertThat(third).isEqualTo(new RateLimitDecision(false, 2, 0, quarterEnd, 1));
    assertThat(nextQuarter).isEqualTo(
        new RateLimitDecision(true, 2, 1, Instant.parse("2026-11-23T10:30:00Z"), 0));
  }

  @Test
  public void concurrentRequestsNeverExceedTheLimit() throws Exception {
    RateLimiter limiter = limiter();
    RateLimit limit = RateLimit.perMinute("contract.concurrent", 10);
    String scope = "tenant:t_concurrent";
    int threads = 30;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<RateLimitDecision>> decisions = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        decisions.add(pool.submit(() -> {
          start.await();
          return limiter.acquire(limit, scope, NOW);
        }));
      }
      start.countDown();

      List<Integer> remainingWhenAllowed = new ArrayList<>();
      int refused = 0;
      for (Future<RateLimitDecision> future : decisions) {
        RateLimitDecision decision = future.get(60, TimeUnit.SECONDS);
        if (decision.allowed()) {
          remainingWhenAllowed.add(decision.remaining());
        } else {
          refused++;
        }
      }

      assertThat(remainingWhenAllowed).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
      assertThat(refused).isEqualTo(20);
      assertThat(storedHits(limit, scope, NOW)).isEqualTo(10);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  public void scopesAreIndependent() {
    RateLimiter limiter = limiter();
    RateLimit limit = RateLimit.perMinute("contract.scopes", 1);
    limiter.acquire(limit, "tenant:t_a", NOW);

    assertThat(limiter.acquire(limit, "tenant:t_a", NOW).allowed()).isFalse();
    assertThat(limiter.acquire(limit, "tenant:t_b", NOW).allowed()).isTrue();
  }

  @Test
  public void limitsWithDifferentNamesAreIndependent() {
    RateLimiter limiter = limiter();
    RateLimit create = RateLimit.perMinute("contract.names-create", 1);
    RateLimit get = RateLimit.perMinute("contract.names-get", 1);
    String scope = "tenant:t_names";
    limiter.acquire(create, scope, NOW);

    assertThat(limiter.acquire(create, scope, NOW).allowed()).isFalse();
    assertThat(limiter.acquire(get, scope, NOW).allowed()).isTrue();
  }

  @Test
  public void oddAndLongScopesAreCountedAndKeptApart() {
    RateLimiter limiter = limiter();
    RateLimit limit = RateLimit.perMinute("contract.odd-scopes", 1);
    String longScope = "account:" + "x".repeat(600);
    List<String> scopes = List.of(
        "ip:2001:db8::1",
        "account:ana.lópez@example.com",
        "key:a#b c",
        "key:a#b",
        longScope,
        longScope + "y");

    for (String scope : scopes) {
      assertThat(limiter.acquire(limit, scope, NOW).allowed()).as(scope).isTrue();
    }
    for (String scope : scopes) {
      assertThat(limiter.acquire(limit, scope, NOW).allowed()).as(scope).isFalse();
    }
  }

  @Test
  public void anEmptyScopeIsRefused() {
    RateLimit limit = RateLimit.perMinute("contract.empty-scope", 1);

    assertThatThrownBy(() -> limiter().acquire(limit, "", NOW))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
