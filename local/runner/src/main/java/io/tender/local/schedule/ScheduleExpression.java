package io.tender.local.schedule;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code Schedule} (EventBridge rule) or {@code ScheduleV2} (EventBridge Scheduler) expression
 * of a template event: {@code rate(...)}, {@code cron(...)} or {@code at(...)}.
 */
public sealed interface ScheduleExpression permits RateExpression, CronExpression, AtExpression {

  /** Parses an expression evaluated in UTC, as every EventBridge rule is. */
  static ScheduleExpression parse(String expression) {
    return parse(expression, ZoneOffset.UTC);
  }

  /**
   * Parses an expression evaluated in {@code zone}, a ScheduleV2 {@code
   * ScheduleExpressionTimezone}.
   *
   * @throws IllegalArgumentException quoting the expression and naming the part that is wrong
   */
  static ScheduleExpression parse(String expression, ZoneId zone) {
    Objects.requireNonNull(expression, "expression");
    Objects.requireNonNull(zone, "zone");
    String text = expression.strip();
    try {
      if (text.startsWith("rate(") && text.endsWith(")")) {
        return RateExpression.parse(inside(text, "rate("));
      }
      if (text.startsWith("cron(") && text.endsWith(")")) {
        return CronExpression.parse(inside(text, "cron("), zone);
      }
      if (text.startsWith("at(") && text.endsWith(")")) {
        return AtExpression.parse(inside(text, "at("), zone);
      }
      throw new ExpressionSyntaxException(
          "expected rate(value unit), cron(minutes hours day-of-month month day-of-week year)"
              + " or at(yyyy-mm-ddThh:mm:ss)");
    } catch (ExpressionSyntaxException e) {
      throw new IllegalArgumentException(
          "Invalid schedule expression '" + expression + "': " + e.getMessage(), e);
    }
  }

  private static String inside(String text, String opening) {
    return text.substring(opening.length(), text.length() - 1);
  }

  /**
   * The first fire time strictly after {@code after}, or empty when the schedule never fires
   * again. Cron and at schedules have fixed fire times; a rate has none of its own, see {@link
   * RateExpression#nextAfter}.
   */
  Optional<Instant> nextAfter(Instant after);
}
