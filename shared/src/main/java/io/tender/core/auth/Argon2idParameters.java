package io.tender.core.auth;

/**
 * The cost of one Argon2id computation: memory in KiB, passes over it, and lanes. The bounds keep
 * a stored hash from asking a function for more memory or time than it has.
 */
public record Argon2idParameters(int memoryKib, int iterations, int parallelism) {

  /** OWASP's minimum recommendation for Argon2id: 19 MiB, two passes, one lane. */
  public static final Argon2idParameters OWASP_MINIMUM = new Argon2idParameters(19_456, 2, 1);

  static final int MAX_MEMORY_KIB = 262_144;
  static final int MAX_ITERATIONS = 16;
  static final int MAX_PARALLELISM = 16;

  public Argon2idParameters {
    if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
      throw new IllegalArgumentException(
          "Argon2id parallelism is 1 to " + MAX_PARALLELISM + ", not " + parallelism);
    }
    if (iterations < 1 || iterations > MAX_ITERATIONS) {
      throw new IllegalArgumentException(
          "Argon2id iterations are 1 to " + MAX_ITERATIONS + ", not " + iterations);
    }
    // Argon2 needs at least 8 KiB per lane.
    if (memoryKib < 8 * parallelism || memoryKib > MAX_MEMORY_KIB) {
      throw new IllegalArgumentException("Argon2id memory is " + 8 * parallelism + " to "
          + MAX_MEMORY_KIB + " KiB for this parallelism, not " + memoryKib);
    }
  }
}
