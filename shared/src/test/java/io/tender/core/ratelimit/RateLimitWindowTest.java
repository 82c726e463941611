package io.tender.core.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RateLimitWindowTest {

  @Test
  void windowsStartAtMultiplesOfTheirLengthSinceTheEpoch() {
    assertThat(RateLimitWindow.containing(Duration.ofMinutes(1), Instant.parse("2026-11-23T10:00:17.250Z")))
        .isEqualTo(window("2026-11-23T10:00:00Z", "2026-11-23T10:01:00Z"));
    assertThat(RateLimitWindow.containing(Duration.ofMinutes(15), Instant.parse("2026-11-23T10:29:59Z")))
        .isEqualTo(window("2026-11-23T10:15:00Z", "2026-11-23T10:30:00Z"));
    assertThat(RateLimitWindow.containing(Duration.ofMinutes(15), Instant.parse("2026-11-23T10:30:00Z")))
        .isEqualTo(window("2026-11-23T10:30:00Z", "2026-11-23T10:45:00Z"));
  }

  @Test
  void secondsUntilEndRoundUpAndAreAtLeastOne() {
    RateLimitWindow window = window("2026-11-23T10:00:00Z", "2026-11-23T10:01:00Z");

    assertThat(window.secondsUntilEnd(Instant.parse("2026-11-23T10:00:00Z"))).isEqualTo(60);
    assertThat(window.secondsUntilEnd(Instant.parse("2026-11-23T10:00:17Z"))).isEqualTo(43);
    assertThat(window.secondsUntilEnd(Instant.parse("2026-11-23T10:00:17.001Z"))).isEqualTo(43);
    assertThat(window.secondsUntilEnd(Instant.parse("2026-11-23T10:00:59.999Z"))).isEqualTo(1);
  }

  private static RateLimitWindow window(String start, String end) {
    return new RateLimitWindow(Instant.parse(start), Instant.parse(end));
  }
}
