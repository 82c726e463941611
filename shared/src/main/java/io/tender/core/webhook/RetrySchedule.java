package io.tender.core.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * When a delivery is attempted, counted from its first attempt: 0, 2, 8, 26, 80, 242, 728 and 2186
 * minutes (each wait three times the last, plus two), the last about 36 h 26 min after the first.
 * A receiver down for a day and a half still gets the event without anyone acting.
 */
public final class RetrySchedule {
  public static final List<Duration> OFFSETS = List.of(0, 2, 8, 26, 80, 242, 728, 2186).stream()
      .map(Duration::ofMinutes).toList();

  private RetrySchedule() {}

  public static int attempts() {
    return OFFSETS.size();
  }

  /** When attempt {@code next} (1-based) is due, or empty after the last. */
  public static Optional<Instant> due(Instant firstAttempt, int next) {
    return next >= 1 && next <= OFFSETS.size()
        ? Optional.of(firstAttempt.plus(OFFSETS.get(next - 1)))
        : Optional.empty();
  }
}
