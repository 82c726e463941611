package io.tender.core.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One fixed window, {@code [start, end)}. Windows are aligned to the epoch
 * ({@code start = floor(now / length) * length}) so that every container, with no shared state
 * but the clock, puts the same request in the same window.
 */
public record RateLimitWindow(Instant start, Instant end) {

  public RateLimitWindow {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (!end.isAfter(start)) {
      throw new IllegalArgumentException("window end " + end + " is not after its start " + start);
    }
  }

  /** The window of {@code length} (whole seconds) that contains {@code now}. */
  public static RateLimitWindow containing(Duration length, Instant now) {
    long seconds = length.toSeconds();
    if (seconds < 1 || length.toNanosPart() != 0) {
      throw new IllegalArgumentException("window must be a whole number of seconds, at least 1: " + length);
    }
    long start = Math.floorDiv(now.getEpochSecond(), seconds) * seconds;
    return new RateLimitWindow(Instant.ofEpochSecond(start), Instant.ofEpochSecond(start + seconds));
  }

  /** Whole seconds from {@code now} until the window ends, rounded up and never below 1. */
  public long secondsUntilEnd(Instant now) {
    Duration left = Duration.between(now, end);
    long seconds = left.toSeconds() + (left.toNanosPart() > 0 ? 1 : 0);
    return Math.max(1, seconds);
  }
}
