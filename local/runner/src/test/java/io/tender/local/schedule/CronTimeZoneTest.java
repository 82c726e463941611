package io.tender.local.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/**
 * ScheduleV2 cron expressions read the wall clock of their zone. New York moved its clocks from
 * 02:00 to 03:00 on 2026-03-08 and from 02:00 back to 01:00 on 2026-11-01.
 */
class CronTimeZoneTest {
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  private static ScheduleExpression inNewYork(String expression) {
    return ScheduleExpression.parse(expression, NEW_YORK);
  }

  @Test
  void firesAtTheLocalTimeWhateverTheSeason() {
    ScheduleExpression nineAm = inNewYork("cron(0 9 * * ? *)");

    assertThat(nineAm.nextAfter(Instant.parse("2026-01-15T00:00:00Z")))
        .contains(Instant.parse("2026-01-15T14:00:00Z"));
    assertThat(nineAm.nextAfter(Instant.parse("2026-07-15T00:00:00Z")))
        .contains(Instant.parse("2026-07-15T13:00:00Z"));
  }

  @Test
  void theDayBelongsToTheZoneNotToUtc() {
    ScheduleExpression mondayEvening = inNewYork("cron(0 21 ? * MON *)");

    // Monday 21:00 in New York is Tuesday 02:00 UTC.
    assertThat(mondayEvening.nextAfter(Instant.parse("2026-01-01T00:00:00Z")))
        .contains(Instant.parse("2026-01-06T02:00:00Z"));
  }

  @Test
  void aTimeTheClockSkipsDoesNotFire() {
    ScheduleExpression halfPastTwo = inNewYork("cron(30 2 * * ? *)");

    assertThat(halfPastTwo.nextAfter(Instant.parse("2026-03-07T07:30:00Z")))
        .contains(Instant.parse("2026-03-09T06:30:00Z"));
  }

  @Test
  void aTimeTheClockPassesTwiceFiresOnlyTheFirstTime() {
    ScheduleExpression halfPastOne = inNewYork("cron(30 1 * * ? *)");

    assertThat(Fires.series(halfPastOne, "2026-10-31T12:00:00Z", 2))
        .isEqualTo(Fires.instants("2026-11-01T05:30:00Z", "2026-11-02T06:30:00Z"));
  }

  @Test
  void everyQuarterHourSkipsTheRepeatedHour() {
    ScheduleExpression quarterHours = inNewYork("cron(0/15 * * * ? *)");

    // 01:45 EDT, then the clock goes back to 01:00 EST: the next new wall time is 02:00 EST.
    assertThat(Fires.series(quarterHours, "2026-11-01T05:30:00Z", 2))
        .isEqualTo(Fires.instants("2026-11-01T05:45:00Z", "2026-11-01T07:00:00Z"));
  }

  @Test
  void aZoneWithoutDaylightSavingIsAFixedShift() {
    ScheduleExpression midnight =
        ScheduleExpression.parse("cron(0 0 * * ? *)", ZoneId.of("+05:30"));

    assertThat(midnight.nextAfter(Instant.parse("2026-01-01T00:00:00Z")))
        .contains(Instant.parse("2026-01-01T18:30:00Z"));
  }
}
