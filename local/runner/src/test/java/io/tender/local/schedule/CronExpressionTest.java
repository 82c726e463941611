package io.tender.local.schedule;

import static io.tender.local.schedule.Fires.instants;
import static io.tender.local.schedule.Fires.nextAfter;
import static io.tender.local.schedule.Fires.series;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeout;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

// 2026-01-01 is a Thursday.
class CronExpressionTest {

  @ParameterizedTest(name = "{0} after {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        // The examples of the EventBridge cron reference.
        "cron(0 10 * * ? *)          | 2026-01-01T09:00:00Z | 2026-01-01T10:00:00Z",
        "cron(0 10 * * ? *)          | 2026-01-01T10:00:00Z | 2026-01-02T10:00:00Z",
        "cron(15 12 * * ? *)         | 2026-01-01T00:00:00Z | 2026-01-01T12:15:00Z",
        "cron(15 12 * * ? *)         | 2026-01-01T12:15:00Z | 2026-01-02T12:15:00Z",
        "cron(0 18 ? * MON-FRI *)    | 2026-01-01T18:00:00Z | 2026-01-02T18:00:00Z",
        "cron(0 18 ? * MON-FRI *)    | 2026-01-02T18:00:00Z | 2026-01-05T18:00:00Z",
        "cron(0 8 1 * ? *)           | 2026-01-01T07:59:00Z | 2026-01-01T08:00:00Z",
        "cron(0 8 1 * ? *)           | 2026-01-01T08:00:00Z | 2026-02-01T08:00:00Z",
        "cron(0/15 * * * ? *)        | 2026-01-01T10:07:00Z | 2026-01-01T10:15:00Z",
        "cron(0/15 * * * ? *)        | 2026-01-01T10:45:00Z | 2026-01-01T11:00:00Z",
        "cron(0/10 * ? * MON-FRI *)  | 2026-01-02T23:50:00Z | 2026-01-05T00:00:00Z",
        "cron(0/5 8-17 ? * MON-FRI *)| 2026-01-05T08:03:00Z | 2026-01-05T08:05:00Z",
        "cron(0/5 8-17 ? * MON-FRI *)| 2026-01-02T17:55:00Z | 2026-01-05T08:00:00Z",
        "cron(0 9 ? * 2#1 *)         | 2026-01-01T00:00:00Z | 2026-01-05T09:00:00Z",
        "cron(0 9 ? * 2#1 *)         | 2026-01-05T09:00:00Z | 2026-02-02T09:00:00Z",
        // Minute increments start at the given minute: 1, 11, 21, ... 51.
        "cron(1/10 * * * ? *)        | 2026-01-01T10:00:00Z | 2026-01-01T10:01:00Z",
        "cron(1/10 * * * ? *)        | 2026-01-01T10:51:00Z | 2026-01-01T11:01:00Z",
        "cron(10-40/15 * * * ? *)    | 2026-01-01T10:25:00Z | 2026-01-01T10:40:00Z",
        "cron(10-40/15 * * * ? *)    | 2026-01-01T10:40:00Z | 2026-01-01T11:10:00Z",
        "cron(*/20 * * * ? *)        | 2026-01-01T10:41:00Z | 2026-01-01T11:00:00Z",
        "cron(0 6,18 * * ? *)        | 2026-01-01T06:00:00Z | 2026-01-01T18:00:00Z",
        "cron(0 6,18 * * ? *)        | 2026-01-01T18:00:00Z | 2026-01-02T06:00:00Z",
        // Day-of-month increments start at day 1: 1, 11, 21, 31.
        "cron(0 0 */10 * ? *)        | 2026-01-21T00:00:00Z | 2026-01-31T00:00:00Z",
        "cron(0 0 */10 * ? *)        | 2026-01-31T00:00:00Z | 2026-02-01T00:00:00Z",
        // A day-of-month a month lacks is skipped, not moved to the month's end.
        "cron(0 0 31 * ? *)          | 2026-03-31T00:00:00Z | 2026-05-31T00:00:00Z",
        "cron(0 0 * * ? *)           | 2026-12-31T00:00:00Z | 2027-01-01T00:00:00Z",
        "cron(59 23 31 12 ? *)       | 2026-12-31T23:59:00Z | 2027-12-31T23:59:00Z",
        // Day-of-week counts from 1 = Sunday.
        "cron(0 0 ? * 1 *)           | 2026-01-01T00:00:00Z | 2026-01-04T00:00:00Z",
        "cron(0 0 ? * 7 *)           | 2026-01-01T00:00:00Z | 2026-01-03T00:00:00Z",
        "cron(0 0 ? * 2,4,6 *)       | 2026-01-02T00:00:00Z | 2026-01-05T00:00:00Z",
        "cron(0 0 ? * * *)           | 2026-01-01T00:00:00Z | 2026-01-02T00:00:00Z",
        // Ranges of cyclic fields may wrap around.
        "cron(0 0 ? * FRI-MON *)     | 2026-01-05T00:00:00Z | 2026-01-09T00:00:00Z",
        "cron(0 22-2 * * ? *)        | 2026-01-01T02:00:00Z | 2026-01-01T22:00:00Z",
        "cron(0 22-2 * * ? *)        | 2026-01-01T23:00:00Z | 2026-01-02T00:00:00Z",
        // Month and day names, in any case.
        "cron(0 0 1 JUN-AUG ? *)     | 2026-01-01T00:00:00Z | 2026-06-01T00:00:00Z",
        "cron(0 0 1 JUN-AUG ? *)     | 2026-08-01T00:00:00Z | 2027-06-01T00:00:00Z",
        "cron(0 0 1 jan,jul ? *)     | 2026-01-01T00:00:00Z | 2026-07-01T00:00:00Z",
        "cron(0 0 1 */4 ? *)         | 2026-01-01T00:00:00Z | 2026-05-01T00:00:00Z",
        "cron(0 12 ? * sun *)        | 2026-01-01T00:00:00Z | 2026-01-04T12:00:00Z",
        "cron(0 12 ? DEC Sat *)      | 2026-01-01T00:00:00Z | 2026-12-05T12:00:00Z",
        // Leap years.
        "cron(0 0 29 2 ? *)          | 2025-03-01T00:00:00Z | 2028-02-29T00:00:00Z",
        "cron(0 0 29 FEB ? *)        | 2024-02-28T00:00:00Z | 2024-02-29T00:00:00Z",
        "cron(0 0 29 2 ? *)          | 2096-03-01T00:00:00Z | 2104-02-29T00:00:00Z",
        // Years.
        "cron(0 0 1 1 ? 2030)        | 2026-01-01T00:00:00Z | 2030-01-01T00:00:00Z",
        "cron(0 0 1 1 ? 2027-2031/2) | 2027-01-01T00:00:00Z | 2029-01-01T00:00:00Z",
        "cron(0 0 1 1 ? 2028,2026)   | 2026-06-01T00:00:00Z | 2028-01-01T00:00:00Z",
        "cron(0 12 * * ? 1970)       | 1960-05-05T00:00:00Z | 1970-01-01T12:00:00Z",
        "cron(0 0 * * ? *)           | 2199-12-30T12:00:00Z | 2199-12-31T00:00:00Z",
      })
  void firesAtTheNextMatchingMinute(String expression, String after, String expected) {
    assertThat(nextAfter(expression, after)).contains(Instant.parse(expected));
  }

  @Test
  void firesStrictlyAfterTheGivenInstantEvenWithinTheFireMinute() {
    assertThat(nextAfter("cron(0 10 * * ? *)", "2026-01-01T09:59:59.999Z"))
        .contains(Instant.parse("2026-01-01T10:00:00Z"));
    assertThat(nextAfter("cron(0 10 * * ? *)", "2026-01-01T10:00:00.000000001Z"))
        .contains(Instant.parse("2026-01-02T10:00:00Z"));
  }

  @Test
  void everyMinuteFiresOnTheNextWholeMinute() {
    assertThat(nextAfter("cron(* * * * ? *)", "2026-01-01T10:00:30Z"))
        .contains(Instant.parse("2026-01-01T10:01:00Z"));
  }

  @Test
  void fiveMinutesDuringOfficeHoursSkipTheNightAndTheWeekend() {
    ScheduleExpression cron = ScheduleExpression.parse("cron(0/5 8-17 ? * MON-FRI *)");

    assertThat(series(cron, "2026-01-02T17:45:00Z", 4))
        .isEqualTo(
            instants(
                "2026-01-02T17:50:00Z",
                "2026-01-02T17:55:00Z",
                "2026-01-05T08:00:00Z",
                "2026-01-05T08:05:00Z"));
  }

  @Test
  void nothingFiresAfterTheLastYear() {
    assertThat(nextAfter("cron(0 0 1 1 ? 2199)", "2199-01-01T00:00:00Z")).isEmpty();
    assertThat(nextAfter("cron(0 0 * * ? *)", "2199-12-31T00:00:00Z")).isEmpty();
    assertThat(nextAfter("cron(0 0 1 1 ? 2030)", "2030-01-01T00:00:00Z")).isEmpty();
    assertThat(ScheduleExpression.parse("cron(* * * * ? *)").nextAfter(Instant.MAX)).isEmpty();
  }

  @Test
  void anInstantLongBeforeTheFirstYearFiresAtItsStart() {
    assertThat(ScheduleExpression.parse("cron(0 0 * * ? *)").nextAfter(Instant.MIN))
        .contains(Instant.parse("1970-01-01T00:00:00Z"));
  }

  @Test
  void aDateThatNeverExistsGivesUpQuicklyInsteadOfSearchingEveryMinute() {
    ScheduleExpression february30 = ScheduleExpression.parse("cron(* * 30 2 ? *)");

    assertThat(assertTimeout(Duration.ofSeconds(2), () -> february30.nextAfter(Instant.EPOCH)))
        .isEmpty();
  }

  @Test
  void printsItsFieldsAndAnyZoneOtherThanUtc() {
    assertThat(ScheduleExpression.parse("cron(0 10 * * ? *)")).hasToString("cron(0 10 * * ? *)");
    assertThat(ScheduleExpression.parse("cron(0 10 * * ? *)", ZoneId.of("Europe/Paris")))
        .hasToString("cron(0 10 * * ? *) in Europe/Paris");
  }
}
