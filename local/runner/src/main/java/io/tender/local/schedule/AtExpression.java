package io.tender.local.schedule;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Objects;
import java.util.Optional;

/** {@code at(yyyy-mm-ddThh:mm:ss)}: a ScheduleV2 one-time schedule that fires once. */
public record AtExpression(Instant fireTime) implements ScheduleExpression {

  // STRICT resolution rejects dates such as 2026-02-30 instead of moving them to month end.
  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss").withResolverStyle(ResolverStyle.STRICT);

  public AtExpression {
    Objects.requireNonNull(fireTime, "fireTime");
  }

  /**
   * Parses what is between {@code at(} and {@code )} as a wall-clock time in {@code zone}. A time
   * that falls in a daylight saving gap moves forward by the gap's length; one that occurs twice
   * means its first occurrence.
   */
  static AtExpression parse(String dateTime, ZoneId zone) {
    try {
      LocalDateTime local = LocalDateTime.parse(dateTime, FORMAT);
      return new AtExpression(ZonedDateTime.of(local, zone).toInstant());
    } catch (DateTimeParseException e) {
      throw new ExpressionSyntaxException(
          "'" + dateTime + "' is not a valid date and time yyyy-mm-ddThh:mm:ss");
    }
  }

  @Override
  public Optional<Instant> nextAfter(Instant after) {
    return fireTime.isAfter(after) ? Optional.of(fireTime) : Optional.empty();
  }
}
