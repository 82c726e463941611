package io.tender.local.template;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Reads resolved template values as text, whole numbers and booleans. CloudFormation accepts {@code
 * 30} and {@code "30"}, {@code true} and {@code "true"} alike, so these do too.
 */
final class Scalars {
  private Scalars() {}

  static String text(Object value, Where where) {
    return switch (value) {
      case String s -> s;
      case Boolean b -> b.toString();
      case Number n -> n.toString();
      case null -> throw where.error("has no value");
      case NoValue none -> throw where.error("AWS::NoValue cannot be used here");
      case List<?> list -> throw where.error("must be a single value, not a list");
      case Map<?, ?> map -> throw where.error("must be a single value, not a map");
      default -> throw where.error("must be a single value, not " + value.getClass().getName());
    };
  }

  static int integer(Object value, Where where) {
    String text = text(value, where).trim();
    try {
      return new BigDecimal(text).intValueExact();
    } catch (NumberFormatException | ArithmeticException e) {
      throw where.error("must be a whole number, not '" + text + "'");
    }
  }

  static boolean bool(Object value, Where where) {
    String text = text(value, where).trim();
    if (text.equalsIgnoreCase("true")) {
      return true;
    }
    if (text.equalsIgnoreCase("false")) {
      return false;
    }
    throw where.error("must be true or false, not '" + text + "'");
  }
}
