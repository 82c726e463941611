package io.tender.local.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RateExpressionTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "rate(1 minute)      | PT1M",
        "rate(5 minutes)     | PT5M",
        "rate(1 hour)        | PT1H",
        "rate(12 hours)      | PT12H",
        "rate(1 day)         | PT24H",
        "rate(7 days)        | PT168H",
        "rate(999999999 days)| PT23999999976H",
      })
  void parsesTheValueAndUnitIntoAPeriod(String expression, Duration period) {
    assertThat(ScheduleExpression.parse(expression)).isEqualTo(new RateExpression(period));
  }

  @Test
  void firesOnePeriodAfterTheStartThenAfterEachFire() {
    ScheduleExpression everyFiveMinutes = ScheduleExpression.parse("rate(5 minutes)");

    assertThat(Fires.series(everyFiveMinutes, "2026-01-01T10:02:30Z", 3))
        .isEqualTo(
            Fires.instants(
                "2026-01-01T10:07:30Z", "2026-01-01T10:12:30Z", "2026-01-01T10:17:30Z"));
  }

  @Test
  void aDayIsTwentyFourHoursWhateverTheZone() {
    ScheduleExpression daily =
        ScheduleExpression.parse("rate(1 day)", ZoneId.of("America/New_York"));

    // New York moves its clocks forward on 2026-03-08.
    assertThat(daily.nextAfter(Instant.parse("2026-03-07T12:00:00Z")))
        .contains(Instant.parse("2026-03-08T12:00:00Z"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "rate(1 minutes)      | rate unit 'minutes' must be 'minute' for a value of 1",
        "rate(1 hours)        | rate unit 'hours' must be 'hour' for a value of 1",
        "rate(1 days)         | rate unit 'days' must be 'day' for a value of 1",
        "rate(5 minute)       | rate unit 'minute' must be 'minutes' for a value of 5",
        "rate(2 hour)         | rate unit 'hour' must be 'hours' for a value of 2",
        "rate(2 day)          | rate unit 'day' must be 'days' for a value of 2",
        "rate(0 minutes)      | rate value '0' is not a positive whole number",
        "rate(00 minutes)     | rate value '00' is not a positive whole number",
        "rate(-5 minutes)     | rate value '-5' is not a positive whole number",
        "rate(1.5 hours)      | rate value '1.5' is not a positive whole number",
        "rate(five minutes)   | rate value 'five' is not a positive whole number",
        "rate(1000000000 days)| rate value '1000000000' is not a positive whole number",
        "rate(2 weeks)        | rate unit 'weeks' is not minute(s), hour(s) or day(s)",
        "rate(2 seconds)      | rate unit 'seconds' is not minute(s), hour(s) or day(s)",
        "rate(2 Minutes)      | rate unit 'Minutes' is not minute(s), hour(s) or day(s)",
        "rate(5)              | a rate is 'value unit', e.g. rate(5 minutes)",
        "rate()               | a rate is 'value unit', e.g. rate(5 minutes)",
        "rate(5 minutes now)  | a rate is 'value unit', e.g. rate(5 minutes)",
        "rate(5  minutes)     | a rate is 'value unit', e.g. rate(5 minutes)",
      })
  void rejectsWhatAwsRejects(String expression, String reason) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ScheduleExpression.parse(expression))
        .withMessage("Invalid schedule expression '" + expression + "': " + reason);
  }

  @Test
  void aPeriodMustBePositive() {
    assertThatIllegalArgumentException().isThrownBy(() -> new RateExpression(Duration.ZERO));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new RateExpression(Duration.ofMinutes(-1)));
  }
}
