package io.tender.local.schedule;

import static io.tender.local.schedule.Fires.instants;
import static io.tender.local.schedule.Fires.nextAfter;
import static io.tender.local.schedule.Fires.series;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The L, W and # wildcards of the day-of-month and day-of-week fields. */
class CronSpecialDaysTest {

  @Test
  void lastDayOfTheMonthFollowsMonthLengthsAndLeapYears() {
    ScheduleExpression lastDay = ScheduleExpression.parse("cron(0 0 L * ? *)");

    assertThat(series(lastDay, "2026-01-01T00:00:00Z", 4))
        .isEqualTo(
            instants(
                "2026-01-31T00:00:00Z",
                "2026-02-28T00:00:00Z",
                "2026-03-31T00:00:00Z",
                "2026-04-30T00:00:00Z"));
    assertThat(nextAfter("cron(0 0 L * ? *)", "2024-02-01T00:00:00Z"))
        .contains(Instant.parse("2024-02-29T00:00:00Z"));
    assertThat(nextAfter("cron(0 0 L 2 ? *)", "2100-01-01T00:00:00Z"))
        .contains(Instant.parse("2100-02-28T00:00:00Z"));
  }

  @Test
  void lastWeekdayOfTheMonthStepsBackFromAWeekend() {
    ScheduleExpression lastWeekday = ScheduleExpression.parse("cron(0 0 LW * ? *)");

    // January 31 and February 28 2026 are Saturdays; March 31 is a Tuesday.
    assertThat(series(lastWeekday, "2026-01-01T00:00:00Z", 3))
        .isEqualTo(
            instants("2026-01-30T00:00:00Z", "2026-02-27T00:00:00Z", "2026-03-31T00:00:00Z"));
    // May 31 2026 is a Sunday.
    assertThat(nextAfter("cron(0 0 LW * ? *)", "2026-05-01T00:00:00Z"))
        .contains(Instant.parse("2026-05-29T00:00:00Z"));
  }

  @ParameterizedTest(name = "{0} after {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        // A weekday is itself.
        "cron(0 0 15W * ? *) | 2026-01-01T00:00:00Z | 2026-01-15T00:00:00Z",
        // August 15 2026 is a Saturday: the Friday before.
        "cron(0 0 15W * ? *) | 2026-08-01T00:00:00Z | 2026-08-14T00:00:00Z",
        // November 15 2026 is a Sunday: the Monday after.
        "cron(0 0 15W * ? *) | 2026-11-01T00:00:00Z | 2026-11-16T00:00:00Z",
        // August 1 2026 is a Saturday: Monday the 3rd, not July 31.
        "cron(0 0 1W * ? *)  | 2026-07-02T00:00:00Z | 2026-08-03T00:00:00Z",
        // May 31 2026 is a Sunday: Friday the 29th, not June 1.
        "cron(0 0 31W * ? *) | 2026-05-01T00:00:00Z | 2026-05-29T00:00:00Z",
        // April has no 31st.
        "cron(0 0 31W * ? *) | 2026-03-31T00:00:00Z | 2026-05-29T00:00:00Z",
      })
  void nearestWeekdayStaysInTheMonth(String expression, String after, String expected) {
    assertThat(nextAfter(expression, after)).contains(Instant.parse(expected));
  }

  @Test
  void lastFridayOfTheMonth() {
    ScheduleExpression lastFriday = ScheduleExpression.parse("cron(0 0 ? * 6L *)");

    assertThat(series(lastFriday, "2026-01-01T00:00:00Z", 3))
        .isEqualTo(
            instants("2026-01-30T00:00:00Z", "2026-02-27T00:00:00Z", "2026-03-27T00:00:00Z"));
    assertThat(nextAfter("cron(0 0 ? * FRIL *)", "2026-01-01T00:00:00Z"))
        .contains(Instant.parse("2026-01-30T00:00:00Z"));
  }

  @Test
  void lAloneInDayOfWeekIsSaturday() {
    assertThat(nextAfter("cron(0 0 ? * L *)", "2026-01-01T00:00:00Z"))
        .contains(Instant.parse("2026-01-03T00:00:00Z"));
  }

  @ParameterizedTest(name = "{0} after {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        // Tuesdays of January 2026: 6, 13, 20, 27.
        "cron(0 0 ? * 3#2 *)   | 2026-01-01T00:00:00Z | 2026-01-13T00:00:00Z",
        "cron(0 0 ? * TUE#4 *) | 2026-01-01T00:00:00Z | 2026-01-27T00:00:00Z",
        // January and February 2026 have four Mondays; March has five.
        "cron(0 0 ? * 2#5 *)   | 2026-01-01T00:00:00Z | 2026-03-30T00:00:00Z",
        // Sundays: February 1 2026 is the first.
        "cron(0 0 ? * 1#1 *)   | 2026-01-05T00:00:00Z | 2026-02-01T00:00:00Z",
      })
  void nthDayOfWeekOfTheMonth(String expression, String after, String expected) {
    assertThat(nextAfter(expression, after)).contains(Instant.parse(expected));
  }
}
