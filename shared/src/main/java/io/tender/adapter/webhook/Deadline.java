package io.tender.adapter.webhook;

import java.net.SocketTimeoutException;
import java.time.Duration;

/** The end of one attempt on the monotonic clock. */
final class Deadline {
  private final long endNanos;

  private Deadline(long endNanos) {
    this.endNanos = endNanos;
  }

  static Deadline after(Duration duration) {
    return new Deadline(System.nanoTime() + duration.toNanos());
  }

  /** Nanoseconds left, zero once passed. */
  long remainingNanos() {
    return Math.max(0, endNanos - System.nanoTime());
  }

  boolean passed() {
    return System.nanoTime() - endNanos >= 0;
  }

  /** Milliseconds left, at least 1 (0 means "no timeout" to sockets). */
  int remainingMillis() throws SocketTimeoutException {
    long left = (endNanos - System.nanoTime()) / 1_000_000;
    if (left <= 0) {
      throw new SocketTimeoutException("attempt took longer than its total timeout");
    }
    return (int) Math.min(Integer.MAX_VALUE, left);
  }
}
