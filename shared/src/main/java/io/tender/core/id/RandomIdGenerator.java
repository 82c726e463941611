package io.tender.core.id;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.random.RandomGenerator;

/**
 * Ids of 26 Crockford base-32 characters: 48 bits of milliseconds (so ids sort by creation time,
 * which keeps DynamoDB range keys and listings in order) followed by 80 random bits. Within one
 * millisecond (or if the clock steps back) a generator counts its random part up instead of
 * drawing a new one, so the ids one generator makes always sort in the order it made them: the
 * events of one settlement read in the order they were raised.
 */
public final class RandomIdGenerator implements IdGenerator {
  /** Crockford's base 32, in ascending character order, so that ids sort as their numbers do. */
  static final String ALPHABET_CHARS = "0123456789abcdefghjkmnpqrstvwxyz";
  /** How many leading suffix characters carry the milliseconds. */
  static final int TIME_CHARS = 10;
  private static final char[] ALPHABET = ALPHABET_CHARS.toCharArray();
  private static final int RANDOM_CHARS = 16;

  private final Clock clock;
  private final RandomGenerator random;
  private long lastMillis = -1;
  private long randomHigh; // the top 16 of the 80 random bits
  private long randomLow; // the other 64

  public RandomIdGenerator(Clock clock, RandomGenerator random) {
    this.clock = clock;
    this.random = random;
  }

  /** Production wiring: the system clock and a secure source of randomness. */
  public static RandomIdGenerator secure() {
    return new RandomIdGenerator(Clock.systemUTC(), new SecureRandom());
  }

  @Override
  public String next(String prefix) {
    if (prefix == null || !prefix.matches("[a-z]{2,12}")) {
      throw new IllegalArgumentException("an id prefix is 2 to 12 lower-case letters: " + prefix);
    }
    char[] suffix = new char[TIME_CHARS + RANDOM_CHARS];
    long millis;
    long high;
    long low;
    synchronized (this) {
      long now = clock.millis();
      if (now > lastMillis) {
        lastMillis = now;
        randomHigh = random.nextInt(1 << 16);
        randomLow = random.nextLong();
      } else if (++randomLow == 0) {
        randomHigh = (randomHigh + 1) & 0xFFFF;
      }
      millis = lastMillis;
      high = randomHigh;
      low = randomLow;
    }
    for (int i = TIME_CHARS - 1; i >= 0; i--) {
      suffix[i] = ALPHABET[(int) (millis & 31)];
      millis >>>= 5;
    }
    for (int i = suffix.length - 1; i >= TIME_CHARS; i--) {
      suffix[i] = ALPHABET[(int) (low & 31)];
      low = (low >>> 5) | ((high & 31) << 59);
      high >>>= 5;
    }
    return prefix + "_" + new String(suffix);
  }
}
