package io.tender.core.ratelimit;

/**
 * What a {@link RateCounter} handed out: {@code granted} tokens (0 when the window had none
 * left) and {@code counted}, the counter's value once they were taken, which every container's
 * leases add to. A grant never takes the counter past the limit, so {@code counted} is at least
 * {@code granted} and at most the limit whenever {@code granted > 0}.
 */
public record TokenLease(int granted, int counted) {

  public TokenLease {
    if (granted < 0 || counted < granted) {
      throw new IllegalArgumentException("a lease of " + granted + " cannot leave the counter at " + counted);
    }
  }

  public static TokenLease none(int counted) {
    return new TokenLease(0, counted);
  }
}
