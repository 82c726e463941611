package io.tender.core.ratelimit;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link RateLimiter} that takes tokens from the shared {@link RateCounter} in leases and spends
 * them in this container without another call, so a limit of 300 a minute costs one counter write
 * per 30 requests instead of one per request once a container is busy.
 *
 * <p>Never more than the limit in a window: the counter hands out at most {@code limit} tokens per
 * window across every container, and a token is spent once, by the container that took it. A
 * container that cannot get a whole lease takes what is left. A limit under 20 leases one token
 * per request, which is exactly a single shared counter.
 *
 * <p>A container's first lease on a counter in a window is {@value #FIRST_LEASE} tokens and each
 * next one doubles, up to {@link RateLimit#leaseSize()} (a tenth of the limit). A burst of fresh
 * containers that each serve a request or two (how Lambda scales out) so takes little of the
 * budget, while a busy container soon amortises its writes.
 *
 * <p>The trade-off: unspent tokens are never given back. A container holding some can make
 * another refuse early, by at most {@code leaseSize - 1} tokens per container that holds a lease
 * in the window, and never by more than that container has already spent, plus one; they lapse
 * when the window turns.
 *
 * <p>{@code X-RateLimit-Remaining} is {@code limit} minus the counter as this container's last
 * lease left it, plus the tokens this container still holds: what it would still let through if
 * no other container took tokens after that lease. Tokens another container holds are counted as
 * used, never as remaining. With one container serving a scope, or a limit under 20, it is exactly
 * what a single counter would say. Leases other containers take after this container's last one
 * show only at its next: seeing them sooner would cost a read per request, so under traffic spread
 * over several containers the value can be above what is left.
 *
 * <p>Thread-safe: requests for one counter are served one at a time (a Lambda container serves
 * one request at a time anyway); the leases of windows that have ended are forgotten.
 */
public final class LeasingRateLimiter implements RateLimiter {
  static final int FIRST_LEASE = 2;

  private record CounterKey(String limitName, String scope, Instant windowStart) {}

  /** The tokens this container holds on one counter; guarded by its own monitor. */
  private static final class Holding {
    final Instant windowEnd;
    int leasedUnderLimit;
    int held;
    int counted;
    int nextLease = FIRST_LEASE;

    Holding(Instant windowEnd) {
      this.windowEnd = windowEnd;
    }
  }

  private final RateCounter counter;
  private final Map<CounterKey, Holding> holdings = new ConcurrentHashMap<>();

  public LeasingRateLimiter(RateCounter counter) {
    this.counter = Objects.requireNonNull(counter, "counter");
  }

  @Override
  public RateLimitDecision acquire(RateLimit limit, String scope, Instant now) {
    requireScope(scope);
    RateLimitWindow window = RateLimitWindow.containing(limit.window(), now);
    int leaseSize = limit.leaseSize();
    if (leaseSize == 1) {
      // Nothing is ever held: each request is one token taken from the shared counter.
      return spendAll(counter.take(limit, scope, window, 1), limit, window, now);
    }
    Holding holding = holdings.computeIfAbsent(
        new CounterKey(limit.name(), scope, window.start()), key -> new Holding(window.end()));
    synchronized (holding) {
      // Tokens leased under another limit (a tenant's override changed) are left unspent: the
      // counter they came from may already be past the limit now in force.
      if (holding.held > 0 && holding.leasedUnderLimit == limit.limit()) {
        holding.held--;
        return RateLimitDecision.allowed(limit.limit(), remaining(limit, holding), window);
      }
      int wanted = Math.min(holding.nextLease, leaseSize);
      TokenLease lease = counter.take(limit, scope, window, wanted);
      forgetEndedWindows(now);
      holding.held = 0;
      if (lease.granted() == 0) {
        return RateLimitDecision.refused(limit.limit(), window, now);
      }
      holding.nextLease = Math.min(wanted * 2, leaseSize);
      holding.leasedUnderLimit = limit.limit();
      holding.counted = lease.counted();
      holding.held = lease.granted() - 1;
      return RateLimitDecision.allowed(limit.limit(), remaining(limit, holding), window);
    }
  }

  /** How many counters this container holds or has held a lease on in windows not yet ended. */
  int countersHeld() {
    return holdings.size();
  }

  private static RateLimitDecision spendAll(TokenLease lease, RateLimit limit, RateLimitWindow window,
      Instant now) {
    if (lease.granted() == 0) {
      return RateLimitDecision.refused(limit.limit(), window, now);
    }
    return RateLimitDecision.allowed(limit.limit(), limit.limit() - lease.counted(), window);
  }

  private static int remaining(RateLimit limit, Holding holding) {
    return limit.limit() - holding.counted + holding.held;
  }

  /** Drops what is held for windows that have ended: those tokens can never be spent. */
  private void forgetEndedWindows(Instant now) {
    holdings.values().removeIf(holding -> !holding.windowEnd.isAfter(now));
  }

  private static void requireScope(String scope) {
    Objects.requireNonNull(scope, "scope");
    if (scope.isEmpty()) {
      throw new IllegalArgumentException("rate limit scope is empty");
    }
  }
}
