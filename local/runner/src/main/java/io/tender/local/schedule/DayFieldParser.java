package io.tender.local.schedule;

import java.time.DayOfWeek;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads whichever of the day-of-month and day-of-week fields is not {@code ?} into a rule. */
final class DayFieldParser {
  private static final Pattern NEAREST_WEEKDAY = Pattern.compile("([^LW,]+)W");
  private static final Pattern LAST_IN_MONTH = Pattern.compile("([^L#,]+)L");
  private static final Pattern NTH_IN_MONTH = Pattern.compile("([^L#,]+)#(.*)");

  private DayFieldParser() {}

  /** {@code L}, {@code LW}, {@code 15W} or values; {@code text} is upper case. */
  static DayRule dayOfMonth(String text) {
    if (text.equals("L")) {
      return new DayRule.LastDayOfMonth();
    }
    if (text.equals("LW")) {
      return new DayRule.LastWeekdayOfMonth();
    }
    Matcher nearestWeekday = NEAREST_WEEKDAY.matcher(text);
    if (nearestWeekday.matches()) {
      return new DayRule.NearestWeekday(CronField.DAY_OF_MONTH.value(nearestWeekday.group(1)));
    }
    if (text.contains("L") || text.contains("W")) {
      throw new ExpressionSyntaxException("L and W stand alone, as L, LW or a single day like 15W");
    }
    return new DayRule.DaysOfMonth(ValueSet.parse(CronField.DAY_OF_MONTH, text));
  }

  /** {@code L}, {@code 6L}, {@code 3#2} or values; {@code text} is upper case. */
  static DayRule dayOfWeek(String text) {
    if (text.equals("L")) {
      // Alone, L is the last day of the week: Saturday.
      return new DayRule.DaysOfWeek(ValueSet.of(CronField.DAY_OF_WEEK.max()));
    }
    Matcher lastInMonth = LAST_IN_MONTH.matcher(text);
    if (lastInMonth.matches()) {
      return new DayRule.LastInMonth(day(lastInMonth.group(1)));
    }
    Matcher nthInMonth = NTH_IN_MONTH.matcher(text);
    if (nthInMonth.matches()) {
      String occurrence = nthInMonth.group(2);
      if (!occurrence.matches("[1-5]")) {
        throw new ExpressionSyntaxException("occurrence '" + occurrence + "' after # is not 1-5");
      }
      return new DayRule.NthInMonth(day(nthInMonth.group(1)), Integer.parseInt(occurrence));
    }
    if (text.contains("L") || text.contains("#")) {
      throw new ExpressionSyntaxException(
          "L and # take a single day, like 6L or 3#2, and cannot be part of a list");
    }
    return new DayRule.DaysOfWeek(ValueSet.parse(CronField.DAY_OF_WEEK, text));
  }

  private static DayOfWeek day(String token) {
    return DayOfWeek.SUNDAY.plus(CronField.DAY_OF_WEEK.value(token) - 1L);
  }
}
