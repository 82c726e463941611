package io.tender.adapter.webhook;

import java.time.Duration;
import java.util.Objects;

/**
 * How long one delivery attempt may take: {@code connect} for the TCP connection to one address,
 * {@code total} for everything (guard and DNS, connect, TLS, request, response head and excerpt).
 */
public record SendTimeouts(Duration connect, Duration total) {
  public static final SendTimeouts DEFAULT =
      new SendTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(10));

  public SendTimeouts {
    Objects.requireNonNull(connect, "connect");
    Objects.requireNonNull(total, "total");
    if (connect.isNegative() || connect.isZero() || total.compareTo(connect) < 0) {
      throw new IllegalArgumentException("need 0 < connect <= total");
    }
  }
}
