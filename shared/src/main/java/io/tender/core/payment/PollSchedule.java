package io.tender.core.payment;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * When the reconciliation poller next asks the provider about a payment whose outcome is not
 * settled, and how often it has asked. A payment carries one exactly while it needs polling (see
 * {@link Payment#needsPolling}); the store indexes {@code nextAt}, so the poller finds what is due
 * without reading anything else.
 *
 * @param attempts polls made so far
 */
public record PollSchedule(int attempts, Instant nextAt) {

  /**
   * The wait before each poll, counted from the moment polling starts and then from each poll:
   * the janitor pattern. Most unresolved outcomes are a webhook that is late by minutes or a call
   * that timed out, so the first polls come quickly; what is still open after hours is rarely
   * fixed by asking every few minutes, so the pace drops to daily; after the last one a person
   * looks. The first four (about 7 h 20 min in all) fall inside the provider's 24 hour idempotency
   * window, so a create or refund re-sent then is still answered as a lookup.
   */
  public static final List<Duration> BACKOFF = List.of(
      Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofHours(1), Duration.ofHours(6),
      Duration.ofDays(1), Duration.ofDays(1), Duration.ofDays(1));

  public PollSchedule {
    if (attempts < 0) {
      throw new IllegalArgumentException("attempts are never negative");
    }
    Objects.requireNonNull(nextAt, "nextAt");
  }

  /** Polling starts: the first poll is one backoff step away. */
  public static PollSchedule startingAt(Instant now) {
    return new PollSchedule(0, now.plus(BACKOFF.get(0)));
  }

  /**
   * The first poll of a checkout: when its session ends. Until then the payer's outcome comes by
   * webhook; then the session must be expired at the provider anyway, and that one visit also finds
   * a payment whose webhook was lost. The backoff goes on from its second step after it.
   */
  public static PollSchedule atSessionEnd(Instant sessionEndsAt) {
    return new PollSchedule(0, sessionEndsAt);
  }

  /** The same polls made, with the next one no later than {@code at}. */
  public PollSchedule notAfter(Instant at) {
    return nextAt.isAfter(at) ? new PollSchedule(attempts, at) : this;
  }

  /**
   * The schedule once a poll has been made at {@code now}. After the last one the next time is a
   * final step away: if the poller stops before it has parked the payment, it comes back then.
   */
  public PollSchedule afterPollAt(Instant now) {
    int made = attempts + 1;
    return new PollSchedule(made, now.plus(BACKOFF.get(Math.min(made, BACKOFF.size() - 1))));
  }

  /** Whether every poll the schedule allows has been made. */
  public boolean exhausted() {
    return attempts >= BACKOFF.size();
  }

  public boolean dueBy(Instant now) {
    return !nextAt.isAfter(now);
  }
}
