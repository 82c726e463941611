package io.tender.core.settlement;

/**
 * A short, growing pause after losing a conditional write, so that writers racing for one payment
 * spread out instead of colliding again at once.
 */
public final class Contention {
  private static final long STEP_MILLIS = 3;
  private static final long MAX_MILLIS = 50;

  private Contention() {}

  public static void pause(int attempt) {
    try {
      Thread.sleep(Math.min(MAX_MILLIS, STEP_MILLIS * (attempt + 1)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting to retry", e);
    }
  }
}
