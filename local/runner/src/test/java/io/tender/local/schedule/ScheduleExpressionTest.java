package io.tender.local.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScheduleExpressionTest {

  @Test
  void recognisesEachKindOfExpression() {
    assertThat(ScheduleExpression.parse("rate(5 minutes)"))
        .isEqualTo(new RateExpression(Duration.ofMinutes(5)));
    assertThat(ScheduleExpression.parse("cron(0 10 * * ? *)")).isInstanceOf(CronExpression.class);
    assertThat(ScheduleExpression.parse("at(2026-06-01T09:00:00)"))
        .isInstanceOf(AtExpression.class);
  }

  @Test
  void evaluatesCronInUtcUnlessGivenAZone() {
    assertThat(ScheduleExpression.parse("cron(0 10 * * ? *)"))
        .isInstanceOfSatisfying(
            CronExpression.class, cron -> assertThat(cron.zone()).isEqualTo(ZoneOffset.UTC));
    assertThat(ScheduleExpression.parse("cron(0 10 * * ? *)", ZoneId.of("Asia/Tokyo")))
        .isInstanceOfSatisfying(
            CronExpression.class,
            cron -> assertThat(cron.zone()).isEqualTo(ZoneId.of("Asia/Tokyo")));
  }

  @Test
  void ignoresSurroundingWhitespace() {
    assertThat(ScheduleExpression.parse(" rate(1 hour)\n"))
        .isEqualTo(new RateExpression(Duration.ofHours(1)));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "   ",
        "0 10 * * ? *",
        "cron 0 10 * * ? *",
        "cron(0 10 * * ? *",
        "Cron(0 10 * * ? *)",
        "RATE(5 minutes)",
        "every(5 minutes)",
        "rate(5 minutes) x",
        "@daily",
      })
  void rejectsAnythingElseNamingTheThreeForms(String expression) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ScheduleExpression.parse(expression))
        .withMessage(
            "Invalid schedule expression '"
                + expression
                + "': expected rate(value unit),"
                + " cron(minutes hours day-of-month month day-of-week year)"
                + " or at(yyyy-mm-ddThh:mm:ss)");
  }

  @Test
  void requiresAnExpressionAndAZone() {
    assertThatNullPointerException().isThrownBy(() -> ScheduleExpression.parse(null));
    assertThatNullPointerException()
        .isThrownBy(() -> ScheduleExpression.parse("rate(1 hour)", null));
  }
}
