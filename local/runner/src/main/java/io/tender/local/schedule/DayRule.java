package io.tender.local.schedule;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/**
 * Which days a cron expression fires on. EventBridge lets only one of day-of-month and day-of-week
 * constrain the day (the other is {@code ?}), so one rule covers both.
 */
sealed interface DayRule {

  boolean matches(LocalDate date);

  /** Day-of-month values, ranges and lists; a day a month lacks (31 in April) never fires. */
  record DaysOfMonth(ValueSet days) implements DayRule {
    @Override
    public boolean matches(LocalDate date) {
      return days.contains(date.getDayOfMonth());
    }
  }

  /** Day-of-month {@code L}. */
  record LastDayOfMonth() implements DayRule {
    @Override
    public boolean matches(LocalDate date) {
      return date.getDayOfMonth() == date.lengthOfMonth();
    }
  }

  /** Day-of-month {@code LW}: the last Monday-to-Friday day of the month. */
  record LastWeekdayOfMonth() implements DayRule {
    @Override
    public boolean matches(LocalDate date) {
      LocalDate lastDay = date.with(TemporalAdjusters.lastDayOfMonth());
      return date.equals(NearestWeekday.nearestWeekday(lastDay));
    }
  }

  /**
   * Day-of-month {@code 15W}: the weekday nearest to the 15th, without leaving the month, so
   * {@code 1W} on a Saturday is Monday the 3rd. A month without that day has no match.
   */
  record NearestWeekday(int day) implements DayRule {
    @Override
    public boolean matches(LocalDate date) {
      return day <= date.lengthOfMonth() && date.equals(nearestWeekday(date.withDayOfMonth(day)));
    }

    static LocalDate nearestWeekday(LocalDate day) {
      return switch (day.getDayOfWeek()) {
        case SATURDAY -> day.getDayOfMonth() > 1 ? day.minusDays(1) : day.plusDays(2);
        case SUNDAY ->
            day.getDayOfMonth() < day.lengthOfMonth() ? day.plusDays(1) : day.minusDays(2);
        default -> day;
      };
    }
  }

  /** Day-of-week values, ranges and lists, numbered from 1 = Sunday. */
  record DaysOfWeek(ValueSet days) implements DayRule {
    @Override
    public boolean matches(LocalDate date) {
      // java.time numbers Monday 1 to Sunday 7; EventBridge Sunday 1 to Saturday 7.
      return days.contains(date.getDayOfWeek().getValue() % 7 + 1);
    }
  }

  /** Day-of-week {@code 6L}: the last Friday of the month. */
  record LastInMonth(DayOfWeek dayOfWeek) implements DayRule {
    @Override
    public boolean matches(LocalDate date) {
      return date.getDayOfWeek() == dayOfWeek && date.plusWeeks(1).getMonth() != date.getMonth();
    }
  }

  /** Day-of-week {@code 3#2}: the second Tuesday of the month. */
  record NthInMonth(DayOfWeek dayOfWeek, int occurrence) implements DayRule {
    @Override
    public boolean matches(LocalDate date) {
      return date.getDayOfWeek() == dayOfWeek && (date.getDayOfMonth() - 1) / 7 + 1 == occurrence;
    }
  }
}
