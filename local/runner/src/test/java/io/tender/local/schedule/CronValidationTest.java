package io.tender.local.schedule;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CronValidationTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        // Field count.
        "cron(0 10 * * ?)               | 6 fields",
        "cron(0 10 * * ? * *)           | 6 fields",
        "cron()                         | not 0",
        // Exactly one day field is '?'.
        "cron(0 10 ? * ? *)             | exactly one of the day-of-month and day-of-week",
        "cron(0 10 * * * *)             | exactly one of the day-of-month and day-of-week",
        "cron(0 10 1 * MON *)           | exactly one of the day-of-month and day-of-week",
        "cron(? 10 * * ? *)             | minutes field '?'",
        "cron(0 10 * ? ? *)             | month field '?'",
        // Ranges.
        "cron(60 10 * * ? *)            | minutes field '60': 60 is outside 0-59",
        "cron(0 24 * * ? *)             | hours field '24': 24 is outside 0-23",
        "cron(0 10 0 * ? *)             | day-of-month field '0': 0 is outside 1-31",
        "cron(0 10 32 * ? *)            | day-of-month field '32': 32 is outside 1-31",
        "cron(0 10 * 0 ? *)             | month field '0': 0 is outside 1-12",
        "cron(0 10 * 13 ? *)            | month field '13': 13 is outside 1-12",
        "cron(0 10 ? * 0 *)             | day-of-week field '0': 0 is outside 1-7",
        "cron(0 10 ? * 8 *)             | day-of-week field '8': 8 is outside 1-7",
        "cron(0 10 * * ? 1969)          | year field '1969': 1969 is outside 1970-2199",
        "cron(0 10 * * ? 2200)          | year field '2200': 2200 is outside 1970-2199",
        "cron(0 10 * * ? 2030-2026)     | year field '2030-2026': range 2030-2026 runs backwards",
        "cron(0 10-30 * * ? *)          | hours field '10-30': 30 is outside 0-23",
        // Malformed values, lists, ranges and increments.
        "cron(0 10 * FOO ? *)           | month field 'FOO': 'FOO' is not a month value",
        "cron(0 10 ? * MON-FOO *)       | day-of-week field 'MON-FOO'",
        "cron(0 10 * foo ? *)           | month field 'foo'",
        "cron(0 10 * MON ? *)           | month field 'MON'",
        "cron(0 10 ? * JAN *)           | day-of-week field 'JAN'",
        "cron(-1 10 * * ? *)            | minutes field '-1'",
        "cron(5- 10 * * ? *)            | minutes field '5-'",
        "cron(1-2-3 10 * * ? *)         | minutes field '1-2-3'",
        "cron(1,,2 10 * * ? *)          | minutes field '1,,2': a list has an empty item",
        "cron(1, 10 * * ? *)            | minutes field '1,'",
        "cron(0/0 10 * * ? *)           | minutes field '0/0': increment '0' is not a positive",
        "cron(0/ 10 * * ? *)            | minutes field '0/'",
        "cron(0/5/5 10 * * ? *)         | minutes field '0/5/5'",
        "cron(1.5 10 * * ? *)           | minutes field '1.5'",
        "cron(0 10 ? * 1/2 *)           | day-of-week field '1/2': the day-of-week field takes no",
        // L, W and #.
        "cron(0 10 ? * 3#6 *)           | day-of-week field '3#6': occurrence '6' after #",
        "cron(0 10 ? * 3#0 *)           | day-of-week field '3#0'",
        "cron(0 10 ? * 8#1 *)           | day-of-week field '8#1': 8 is outside 1-7",
        "cron(0 10 ? * 3#1,6#3 *)       | day-of-week field '3#1,6#3'",
        "cron(0 10 ? * 2,6L *)          | day-of-week field '2,6L'",
        "cron(0 10 ? * 8L *)            | day-of-week field '8L'",
        "cron(0 10 ? * 2W *)            | day-of-week field '2W'",
        "cron(0 10 3#2 * ? *)           | day-of-month field '3#2'",
        "cron(0 10 32W * ? *)           | day-of-month field '32W': 32 is outside 1-31",
        "cron(0 10 1-5W * ? *)          | day-of-month field '1-5W'",
        "cron(0 10 L-3 * ? *)           | day-of-month field 'L-3'",
        "cron(0 10 1,L * ? *)           | day-of-month field '1,L'",
        "cron(0 10 WL * ? *)            | day-of-month field 'WL'",
        "cron(L 10 * * ? *)             | minutes field 'L'",
        "cron(0 10 * L ? *)             | month field 'L'",
      })
  void rejectsWithTheExpressionAndTheFieldInTheMessage(String expression, String reason) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ScheduleExpression.parse(expression))
        .withMessageStartingWith("Invalid schedule expression '" + expression + "': ")
        .withMessageContaining(reason);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "cron(0 10 * * ? *)",
        "cron(0-59 0-23 1-31 1-12 ? 1970-2199)",
        "cron(* * ? JAN-DEC SUN-SAT *)",
        "cron(0 10 ? * 1-7 *)",
        "cron(0 10 ? * 7#5 *)",
        "cron(0 10 ? * 1L *)",
        "cron(0 10 1W * ? *)",
        "cron(0 10 31W * ? *)",
        "cron(0,15,30,45 */2 1-10/3 1/6 ? 2026/4)",
        "  cron(0   10 * * ? *)  ",
      })
  void acceptsBoundaryValuesAndEveryWildcard(String expression) {
    assertThatNoException().isThrownBy(() -> ScheduleExpression.parse(expression));
  }
}
