package io.tender.local.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * {@code cron(minutes hours day-of-month month day-of-week year)}, EventBridge's six-field cron,
 * evaluated on the wall clock of {@code zone}.
 *
 * <p>Around daylight saving changes it behaves like EventBridge Scheduler: a wall-clock time the
 * clock skips does not fire, and one the clock passes twice fires only the first time.
 */
public final class CronExpression implements ScheduleExpression {
  private static final int FIELD_COUNT = CronField.values().length;
  // Wide enough for any zone offset around the year field's 1970-2199 range.
  private static final Instant EARLIEST = Instant.parse("1969-12-30T00:00:00Z");
  private static final Instant LATEST = Instant.parse("2200-01-02T00:00:00Z");

  private final String fields;
  private final ZoneId zone;
  private final ValueSet minutes;
  private final ValueSet hours;
  private final DayRule days;
  private final ValueSet months;
  private final ValueSet years;

  private CronExpression(
      String fields,
      ZoneId zone,
      ValueSet minutes,
      ValueSet hours,
      DayRule days,
      ValueSet months,
      ValueSet years) {
    this.fields = fields;
    this.zone = zone;
    this.minutes = minutes;
    this.hours = hours;
    this.days = days;
    this.months = months;
    this.years = years;
  }

  /** Parses what is between {@code cron(} and {@code )}. */
  static CronExpression parse(String fields, ZoneId zone) {
    List<String> texts = List.of(fields.strip().split("\\s+"));
    if (texts.size() != FIELD_COUNT) {
      throw new ExpressionSyntaxException(
          "a cron expression has 6 fields (minutes hours day-of-month month day-of-week year),"
              + " not "
              + (fields.isBlank() ? 0 : texts.size()));
    }
    String dayOfMonth = texts.get(CronField.DAY_OF_MONTH.ordinal());
    String dayOfWeek = texts.get(CronField.DAY_OF_WEEK.ordinal());
    if (dayOfMonth.equals("?") == dayOfWeek.equals("?")) {
      throw new ExpressionSyntaxException(
          "exactly one of the day-of-month and day-of-week fields must be '?', not '"
              + dayOfMonth
              + "' and '"
              + dayOfWeek
              + "'");
    }
    DayRule days =
        dayOfWeek.equals("?")
            ? field(CronField.DAY_OF_MONTH, texts, DayFieldParser::dayOfMonth)
            : field(CronField.DAY_OF_WEEK, texts, DayFieldParser::dayOfWeek);
    return new CronExpression(
        fields.strip(),
        zone,
        values(CronField.MINUTES, texts),
        values(CronField.HOURS, texts),
        days,
        values(CronField.MONTH, texts),
        values(CronField.YEAR, texts));
  }

  private static ValueSet values(CronField field, List<String> texts) {
    return field(field, texts, text -> ValueSet.parse(field, text));
  }

  /** Parses one field, naming it in the message when it is malformed. */
  private static <T> T field(CronField field, List<String> texts, Function<String, T> parser) {
    String text = texts.get(field.ordinal());
    try {
      // Month and day names, L and W are read in any case.
      return parser.apply(text.toUpperCase(Locale.ROOT));
    } catch (ExpressionSyntaxException e) {
      throw new ExpressionSyntaxException(
          field.label() + " field '" + text + "': " + e.getMessage());
    }
  }

  @Override
  public Optional<Instant> nextAfter(Instant after) {
    if (after.isAfter(LATEST)) {
      return Optional.empty();
    }
    Instant from = after.isBefore(EARLIEST) ? EARLIEST : after;
    LocalDateTime candidate =
        LocalDateTime.ofInstant(from, zone).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
    while (true) {
      Optional<LocalDateTime> match = firstMatchFrom(candidate);
      if (match.isEmpty()) {
        return Optional.empty();
      }
      LocalDateTime local = match.get();
      // No offset: the clock skips this time. Two: it passes twice; the first is the earlier.
      List<ZoneOffset> offsets = zone.getRules().getValidOffsets(local);
      if (!offsets.isEmpty()) {
        Instant fireTime = local.toInstant(offsets.getFirst());
        if (fireTime.isAfter(after)) {
          return Optional.of(fireTime);
        }
      }
      candidate = local.plusMinutes(1);
    }
  }

  /**
   * The first wall-clock minute at or after {@code start} that every field allows. A field that
   * does not match moves the time to the start of its next allowed value, resetting the smaller
   * fields, so the search takes a few steps per month rather than one per minute.
   */
  private Optional<LocalDateTime> firstMatchFrom(LocalDateTime start) {
    LocalDateTime time = start;
    while (time.getYear() <= CronField.YEAR.max()) {
      LocalDate date = time.toLocalDate();
      if (!years.contains(time.getYear())) {
        OptionalInt year = years.firstFrom(time.getYear());
        if (year.isEmpty()) {
          return Optional.empty();
        }
        time = LocalDate.of(year.getAsInt(), 1, 1).atStartOfDay();
      } else if (!months.contains(time.getMonthValue())) {
        OptionalInt month = months.firstFrom(time.getMonthValue());
        time =
            month.isPresent()
                ? LocalDate.of(time.getYear(), month.getAsInt(), 1).atStartOfDay()
                : LocalDate.of(time.getYear() + 1, 1, 1).atStartOfDay();
      } else if (!days.matches(date)) {
        time = date.plusDays(1).atStartOfDay();
      } else if (!hours.contains(time.getHour())) {
        OptionalInt hour = hours.firstFrom(time.getHour());
        time =
            hour.isPresent()
                ? date.atTime(hour.getAsInt(), 0)
                : date.plusDays(1).atStartOfDay();
      } else if (!minutes.contains(time.getMinute())) {
        OptionalInt minute = minutes.firstFrom(time.getMinute());
        time =
            minute.isPresent()
                ? time.withMinute(minute.getAsInt())
                : time.truncatedTo(ChronoUnit.HOURS).plusHours(1);
      } else {
        return Optional.of(time);
      }
    }
    return Optional.empty();
  }

  /** The zone whose wall clock the fields describe. */
  public ZoneId zone() {
    return zone;
  }

  @Override
  public String toString() {
    return "cron(" + fields + ")" + (zone.equals(ZoneOffset.UTC) ? "" : " in " + zone);
  }
}
