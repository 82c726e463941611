package io.tender.core.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RandomIdGeneratorTest {

  @Test
  void idsCarryThePrefixAndAUrlSafeSuffix() {
    IdGenerator ids = RandomIdGenerator.secure();

    assertThat(ids.next("cs")).matches("cs_[0-9a-hjkmnp-tv-z]{26}");
  }

  @Test
  void idsSortByCreationTime() {
    Random random = new Random(7);
    String earlier = new RandomIdGenerator(fixed("2026-11-23T10:00:00Z"), random).next("pay");
    String later = new RandomIdGenerator(fixed("2026-11-23T10:00:00.001Z"), random).next("pay");

    assertThat(earlier).isLessThan(later);
  }

  @Test
  void sameSeedSameIds() {
    Clock clock = fixed("2026-11-23T10:00:00Z");

    assertThat(new RandomIdGenerator(clock, new Random(42)).next("re"))
        .isEqualTo(new RandomIdGenerator(clock, new Random(42)).next("re"));
  }

  @Test
  void idsAtTheSameMillisecondDoNotCollide() {
    IdGenerator ids = new RandomIdGenerator(fixed("2026-11-23T10:00:00Z"), new java.security.SecureRandom());
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      assertThat(seen.add(ids.next("evt"))).isTrue();
    }
  }

  @Test
  void oneGeneratorsIdsSortInTheOrderItMadeThemWithinAMillisecondAndWhenTheClockStepsBack() {
    java.util.concurrent.atomic.AtomicLong millis = new java.util.concurrent.atomic.AtomicLong(1_795_000_000_000L);
    Clock clock = new Clock() {
      @Override
      public java.time.ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(java.time.ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        return Instant.ofEpochMilli(millis.get());
      }
    };
    // A random source whose draws are all ones: the count-up must carry through all 80 bits.
    RandomIdGenerator ids = new RandomIdGenerator(clock, new Random(3) {
      @Override
      public long nextLong() {
        return -3L;
      }
    });
    String previous = ids.next("evt");
    for (int i = 0; i < 2_000; i++) {
      if (i == 1_000) {
        millis.addAndGet(-5); // an NTP step back
      }
      String next = ids.next("evt");
      assertThat(next).isGreaterThan(previous).matches("evt_[0-9a-hjkmnp-tv-z]{26}");
      previous = next;
    }
  }

  @Test
  void refusesPrefixesThatWouldBreakTheFormat() {
    IdGenerator ids = RandomIdGenerator.secure();

    assertThatThrownBy(() -> ids.next("CS")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ids.next("c")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ids.next("cs_x")).isInstanceOf(IllegalArgumentException.class);
  }

  private static Clock fixed(String instant) {
    return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
  }
}
