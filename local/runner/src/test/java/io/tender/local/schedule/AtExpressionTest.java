package io.tender.local.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AtExpressionTest {
  private static final ScheduleExpression NEW_YEAR =
      ScheduleExpression.parse("at(2027-01-01T00:00:00)");

  @Test
  void firesOnceAtItsTimeInUtc() {
    assertThat(NEW_YEAR).isEqualTo(new AtExpression(Instant.parse("2027-01-01T00:00:00Z")));
    assertThat(NEW_YEAR.nextAfter(Instant.parse("2026-12-31T23:59:59Z")))
        .contains(Instant.parse("2027-01-01T00:00:00Z"));
  }

  @Test
  void neverFiresAgainOnceItsTimeHasCome() {
    assertThat(NEW_YEAR.nextAfter(Instant.parse("2027-01-01T00:00:00Z"))).isEmpty();
    assertThat(NEW_YEAR.nextAfter(Instant.parse("2030-06-01T00:00:00Z"))).isEmpty();
  }

  @Test
  void readsTheTimeOnTheWallClockOfTheZone() {
    ScheduleExpression at =
        ScheduleExpression.parse("at(2026-06-01T09:00:00)", ZoneId.of("America/New_York"));

    assertThat(at).isEqualTo(new AtExpression(Instant.parse("2026-06-01T13:00:00Z")));
  }

  @Test
  void keepsSeconds() {
    assertThat(ScheduleExpression.parse("at(2026-06-01T09:00:42)"))
        .isEqualTo(new AtExpression(Instant.parse("2026-06-01T09:00:42Z")));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-02-30T09:00:00",
        "2026-13-01T09:00:00",
        "2026-06-01T24:00:00",
        "2026-06-01T09:00",
        "2026-06-01 09:00:00",
        "2026-06-01T09:00:00Z",
        "2026-06-01",
        "",
      })
  void rejectsAnythingButAnExistingDateAndTimeToTheSecond(String dateTime) {
    String expression = "at(" + dateTime + ")";

    assertThatIllegalArgumentException()
        .isThrownBy(() -> ScheduleExpression.parse(expression))
        .withMessage(
            "Invalid schedule expression '"
                + expression
                + "': '"
                + dateTime
                + "' is not a valid date and time yyyy-mm-ddThh:mm:ss");
  }
}
