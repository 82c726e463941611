package io.tender.local.schedule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Fire times of UTC expressions, for assertions. */
final class Fires {
  private Fires() {}

  static Optional<Instant> nextAfter(String expression, String after) {
    return ScheduleExpression.parse(expression).nextAfter(Instant.parse(after));
  }

  /** The first {@code count} fire times after {@code after}, each found from the one before. */
  static List<Instant> series(ScheduleExpression expression, String after, int count) {
    List<Instant> fires = new ArrayList<>();
    Instant previous = Instant.parse(after);
    for (int i = 0; i < count; i++) {
      previous = expression.nextAfter(previous).orElseThrow();
      fires.add(previous);
    }
    return fires;
  }

  static List<Instant> instants(String... texts) {
    return List.of(texts).stream().map(Instant::parse).toList();
  }
}
