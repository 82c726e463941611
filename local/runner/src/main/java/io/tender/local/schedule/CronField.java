package io.tender.local.schedule;

import java.util.List;

/** The six fields of an EventBridge cron expression, in order, with the values each accepts. */
enum CronField {
  MINUTES("minutes", 0, 59, List.of()),
  HOURS("hours", 0, 23, List.of()),
  DAY_OF_MONTH("day-of-month", 1, 31, List.of()),
  MONTH(
      "month",
      1,
      12,
      List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")),
  // EventBridge counts the week from Sunday: 1 is SUN, 7 is SAT.
  DAY_OF_WEEK("day-of-week", 1, 7, List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT")),
  YEAR("year", 1970, 2199, List.of());

  private final String label;
  private final int min;
  private final int max;
  private final List<String> names;

  CronField(String label, int min, int max, List<String> names) {
    this.label = label;
    this.min = min;
    this.max = max;
    this.names = names;
  }

  String label() {
    return label;
  }

  int min() {
    return min;
  }

  int max() {
    return max;
  }

  /** Whether {@code 5-2} means 5 up to the end of the cycle, then from its start up to 2. */
  boolean wrapsAround() {
    return this != YEAR;
  }

  /** The AWS field table lists no {@code /} for day-of-week. */
  boolean takesIncrements() {
    return this != DAY_OF_WEEK;
  }

  /** A number or, in month and day-of-week, a three-letter name (upper case). */
  int value(String token) {
    int index = names.indexOf(token);
    if (index >= 0) {
      return min + index;
    }
    if (!token.matches("[0-9]{1,4}")) {
      throw new ExpressionSyntaxException("'" + token + "' is not a " + label + " value");
    }
    int value = Integer.parseInt(token);
    if (value < min || value > max) {
      throw new ExpressionSyntaxException(value + " is outside " + min + "-" + max);
    }
    return value;
  }
}
