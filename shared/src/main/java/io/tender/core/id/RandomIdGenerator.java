package io.tender.core.id;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.random.RandomGenerator;

/**
 * Ids of 26 Crockford base-32 characters: 48 bits of milliseconds (so ids sort by creation time,
 * which keeps DynamoDB range keys and listings in order) followed by 80 random bits.
 */
public final class RandomIdGenerator implements IdGenerator {
  private static final char[] ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();
  private static final int TIME_CHARS = 10;
  private static final int RANDOM_CHARS = 16;

  private final Clock clock;
  private final RandomGenerator random;

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
    long millis = clock.millis();
    for (int i = TIME_CHARS - 1; i >= 0; i--) {
      suffix[i] = ALPHABET[(int) (millis & 31)];
      millis >>>= 5;
    }
    for (int i = TIME_CHARS; i < suffix.length; i++) {
      suffix[i] = ALPHABET[random.nextInt(32)];
    }
    return prefix + "_" + new String(suffix);
  }
}
