package io.tender.core.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.tender.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ExpiringCacheTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T12:00:00Z"));
  private final ExpiringCache<String, String> cache = new ExpiringCache<>(clock, Duration.ofSeconds(10));
  private final AtomicInteger loads = new AtomicInteger();

  @Test
  void aValueIsTrustedUntilItsTimeIsUp() {
    assertThat(cache.get("k", this::load)).isEqualTo("v1");
    clock.advance(Duration.ofMillis(9_999));
    assertThat(cache.get("k", this::load)).isEqualTo("v1");
    clock.advance(Duration.ofMillis(1));
    assertThat(cache.get("k")).isEmpty();
    assertThat(cache.get("k", this::load)).isEqualTo("v2");
  }

  @Test
  void anInvalidatedValueIsLoadedAgain() {
    cache.get("k", this::load);
    cache.invalidate("k");

    assertThat(cache.get("k", this::load)).isEqualTo("v2");
    assertThat(loads).hasValue(2);
  }

  private String load(String key) {
    return "v" + loads.incrementAndGet();
  }
}
