package io.tender.core.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimitTest {

  @Test
  void perMinuteIsOneMinuteWindow() {
    assertThat(RateLimit.perMinute("refund.create", 5))
        .isEqualTo(new RateLimit("refund.create", 5, Duration.ofSeconds(60)));
  }

  @Test
  void refusesNamesThatCouldBreakAStorageKey() {
    for (String name : new String[] {"", "Refund", "refund#create", "refund create", ".refund", "a".repeat(65)}) {
      assertThatThrownBy(() -> RateLimit.perMinute(name, 5)).as(name)
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(RateLimit.perMinute("a".repeat(64), 5).name()).hasSize(64);
  }

  @Test
  void refusesALimitBelowOne() {
    assertThatThrownBy(() -> RateLimit.perMinute("refund.create", 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesWindowsThatAreNotWholePositiveSeconds() {
    for (Duration window : new Duration[] {Duration.ZERO, Duration.ofSeconds(-60), Duration.ofMillis(1500)}) {
      assertThatThrownBy(() -> new RateLimit("refund.create", 5, window)).as(window.toString())
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
