package io.tender.local.schedule;

/**
 * A part of a schedule expression is malformed. Parsers throw it with a message about the part
 * they looked at; {@link ScheduleExpression#parse} adds the whole expression and turns it into
 * the public {@link IllegalArgumentException}.
 */
final class ExpressionSyntaxException extends RuntimeException {
  ExpressionSyntaxException(String message) {
    super(message);
  }
}
