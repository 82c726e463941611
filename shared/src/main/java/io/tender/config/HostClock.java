package io.tender.config;

import java.time.Clock;
import java.util.function.Supplier;

/**
 * The clock a function is wired with: in Lambda, the system's. The local runner hosts the
 * functions in its own JVM and binds its clock around their construction, so that time moves for
 * the functions exactly as it does for the runner's schedules, and a test can move it.
 */
public final class HostClock {
  private static final ThreadLocal<Clock> BOUND = new ThreadLocal<>();

  private HostClock() {}

  /** The clock bound on this thread, else the system's UTC clock. */
  public static Clock current() {
    Clock bound = BOUND.get();
    return bound != null ? bound : Clock.systemUTC();
  }

  /** Runs {@code work} with {@code clock} as {@link #current()} on this thread. */
  public static <T> T with(Clock clock, Supplier<T> work) {
    Clock previous = BOUND.get();
    BOUND.set(clock);
    try {
      return work.get();
    } finally {
      if (previous == null) {
        BOUND.remove();
      } else {
        BOUND.set(previous);
      }
    }
  }
}
