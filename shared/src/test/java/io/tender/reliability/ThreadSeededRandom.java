package io.tender.reliability;

import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * Randomness for services under simulation: each thread draws from its own generator, seeded by
 * the driver before the thread runs a step, so the ids and slugs a step makes depend on the
 * simulation's seed and not on how concurrent steps happened to interleave.
 */
final class ThreadSeededRandom implements RandomGenerator {
  private static final RandomGeneratorFactory<RandomGenerator> FACTORY = RandomGeneratorFactory.of("L64X128MixRandom");

  private final ThreadLocal<RandomGenerator> current = ThreadLocal.withInitial(() -> FACTORY.create(0L));

  static RandomGenerator seeded(long seed) {
    return FACTORY.create(seed);
  }

  /** From now on, this thread draws from a generator seeded with {@code seed}. */
  void reseed(long seed) {
    current.set(FACTORY.create(seed));
  }

  @Override
  public long nextLong() {
    return current.get().nextLong();
  }
}
