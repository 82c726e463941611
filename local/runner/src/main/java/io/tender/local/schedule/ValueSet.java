package io.tender.local.schedule;

import java.util.BitSet;
import java.util.OptionalInt;

/**
 * The values one cron field allows, parsed from {@code *}, {@code 5}, {@code 1-5}, {@code 1,3,5},
 * {@code *}{@code /15}, {@code 0/15}, {@code 10-40/15} or a comma list of these.
 */
final class ValueSet {
  private final BitSet values;

  private ValueSet(BitSet values) {
    this.values = values;
  }

  static ValueSet of(int value) {
    BitSet values = new BitSet();
    values.set(value);
    return new ValueSet(values);
  }

  /** Parses {@code text}, already upper case; the caller has taken out {@code ?}, L, W and #. */
  static ValueSet parse(CronField field, String text) {
    BitSet values = new BitSet();
    for (String item : text.split(",", -1)) {
      addItem(field, item, values);
    }
    return new ValueSet(values);
  }

  private static void addItem(CronField field, String item, BitSet values) {
    if (item.isEmpty()) {
      throw new ExpressionSyntaxException("a list has an empty item");
    }
    String[] rangeAndStep = item.split("/", -1);
    if (rangeAndStep.length > 2) {
      throw new ExpressionSyntaxException("'" + item + "' has more than one '/'");
    }
    int step = 1;
    boolean stepped = rangeAndStep.length == 2;
    if (stepped) {
      if (!field.takesIncrements()) {
        throw new ExpressionSyntaxException("the " + field.label() + " field takes no '/'");
      }
      step = step(rangeAndStep[1]);
    }
    String range = rangeAndStep[0];
    int first;
    int last;
    if (range.equals("*")) {
      first = field.min();
      last = field.max();
    } else if (range.contains("-")) {
      String[] bounds = range.split("-", -1);
      if (bounds.length != 2 || bounds[0].isEmpty() || bounds[1].isEmpty()) {
        throw new ExpressionSyntaxException("'" + range + "' is not a range a-b");
      }
      first = field.value(bounds[0]);
      last = field.value(bounds[1]);
    } else {
      first = field.value(range);
      // A lone start with a step, like 0/15, runs to the end of the field.
      last = stepped ? field.max() : first;
    }
    addStepped(field, first, last, step, values);
  }

  private static int step(String text) {
    if (!text.matches("[0-9]{1,4}") || Integer.parseInt(text) == 0) {
      throw new ExpressionSyntaxException("increment '" + text + "' is not a positive number");
    }
    return Integer.parseInt(text);
  }

  private static void addStepped(CronField field, int first, int last, int step, BitSet values) {
    int cycle = field.max() - field.min() + 1;
    int span = last - first;
    if (span < 0) {
      if (!field.wrapsAround()) {
        throw new ExpressionSyntaxException("range " + first + "-" + last + " runs backwards");
      }
      span += cycle;
    }
    for (int offset = 0; offset <= span; offset += step) {
      values.set(field.min() + (first - field.min() + offset) % cycle);
    }
  }

  boolean contains(int value) {
    return values.get(value);
  }

  /** The smallest allowed value that is at least {@code value}. */
  OptionalInt firstFrom(int value) {
    int next = values.nextSetBit(value);
    return next < 0 ? OptionalInt.empty() : OptionalInt.of(next);
  }
}
