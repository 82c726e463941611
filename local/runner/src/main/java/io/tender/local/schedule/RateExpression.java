package io.tender.local.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code rate(value unit)}: fires every {@code period}.
 *
 * <p>A rate has no phase of its own: EventBridge counts from when the rule is created (or from the
 * ScheduleV2 start date). Here {@code after} plays that part, so a runner passes the instant the
 * schedule started, then each fire time it got back, and fires at {@code start + k * period}.
 * Days are 24-hour periods, whatever daylight saving time does to the wall clock, as on AWS.
 */
public record RateExpression(Duration period) implements ScheduleExpression {

  public RateExpression {
    Objects.requireNonNull(period, "period");
    if (period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException("A rate period must be positive: " + period);
    }
  }

  /** Parses what is between {@code rate(} and {@code )}. */
  static RateExpression parse(String valueAndUnit) {
    String[] parts = valueAndUnit.split(" ", -1);
    if (parts.length != 2) {
      throw new ExpressionSyntaxException("a rate is 'value unit', e.g. rate(5 minutes)");
    }
    long value = positiveValue(parts[0]);
    ChronoUnit unit = unit(parts[1], value);
    return new RateExpression(Duration.of(value, unit));
  }

  private static long positiveValue(String text) {
    // Nine digits keep every unit, even days, far from Duration's limits.
    if (!text.matches("[0-9]{1,9}") || Long.parseLong(text) == 0) {
      throw new ExpressionSyntaxException(
          "rate value '" + text + "' is not a positive whole number");
    }
    return Long.parseLong(text);
  }

  /** AWS accepts the singular only for a value of 1 and the plural only for other values. */
  private static ChronoUnit unit(String text, long value) {
    String singular = text.endsWith("s") ? text.substring(0, text.length() - 1) : text;
    ChronoUnit unit =
        switch (singular) {
          case "minute" -> ChronoUnit.MINUTES;
          case "hour" -> ChronoUnit.HOURS;
          case "day" -> ChronoUnit.DAYS;
          default ->
              throw new ExpressionSyntaxException(
                  "rate unit '" + text + "' is not minute(s), hour(s) or day(s)");
        };
    String expected = value == 1 ? singular : singular + "s";
    if (!text.equals(expected)) {
      throw new ExpressionSyntaxException(
          "rate unit '" + text + "' must be '" + expected + "' for a value of " + value);
    }
    return unit;
  }

  /** {@code after + period}: {@code after} is the schedule's start or its previous fire time. */
  @Override
  public Optional<Instant> nextAfter(Instant after) {
    return Optional.of(after.plus(period));
  }
}
