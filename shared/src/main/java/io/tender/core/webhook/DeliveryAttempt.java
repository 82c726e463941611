package io.tender.core.webhook;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One POST to a merchant endpoint, as the delivery log shows it.
 *
 * @param statusCode the HTTP status, when the receiver answered
 * @param errorClass {@link #DELIVERED} when a 2xx came back, else a {@link DeliveryErrorClass} wire name
 * @param excerpt the start of the receiver's answer, at most {@link #EXCERPT_LIMIT} characters
 * @param detail a short technical note (the status, the refused address class); never a secret
 */
public record DeliveryAttempt(int number, Instant at, Optional<Integer> statusCode, long latencyMillis,
    String errorClass, String excerpt, String detail) {
  /** What is kept of a response: enough to debug, too little to store what a receiver leaks. */
  public static final int EXCERPT_LIMIT = 256;
  public static final String DELIVERED = "none";

  public DeliveryAttempt {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(statusCode, "statusCode");
    Objects.requireNonNull(errorClass, "errorClass");
    excerpt = truncate(excerpt, EXCERPT_LIMIT);
    detail = truncate(detail, DeliveryAttemptResult.MAX_DETAIL_LENGTH);
    if (number < 1) {
      throw new IllegalArgumentException("attempts are numbered from 1");
    }
  }

  /** Attempt {@code number}, started {@code at}, as the sender reported it. */
  public static DeliveryAttempt of(int number, Instant at, DeliveryAttemptResult result) {
    return new DeliveryAttempt(number, at,
        result.statusCode().isPresent() ? Optional.of(result.statusCode().getAsInt()) : Optional.empty(),
        result.latencyMillis(), result.errorClass().map(DeliveryErrorClass::wire).orElse(DELIVERED),
        result.responseExcerpt(), result.detail());
  }

  public boolean succeeded() {
    return DELIVERED.equals(errorClass) && statusCode.filter(code -> code >= 200 && code < 300).isPresent();
  }

  private static String truncate(String text, int limit) {
    return text == null ? "" : text.length() > limit ? text.substring(0, limit) : text;
  }
}
