package io.tender.core.webhook;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What one attempt to deliver a webhook came to. Delivered means the endpoint answered 2xx; every
 * other outcome names its {@link DeliveryErrorClass}.
 *
 * @param statusCode the HTTP status, when the endpoint answered at all
 * @param latencyMillis from the start of the attempt (guard check and DNS included) to its end
 * @param errorClass empty exactly when delivered
 * @param responseExcerpt the start of the response body: at most {@value #MAX_EXCERPT_BYTES} bytes
 *     read, decoded as UTF-8 (so at most that many characters); empty when there was none
 * @param detail a short technical note for the delivery log (an exception message, the refused
 *     address); empty when delivered. Never holds a secret.
 */
public record DeliveryAttemptResult(OptionalInt statusCode, long latencyMillis,
    Optional<DeliveryErrorClass> errorClass, String responseExcerpt, String detail) {
  public static final int MAX_EXCERPT_BYTES = 1024;
  public static final int MAX_DETAIL_LENGTH = 300;

  public DeliveryAttemptResult {
    Objects.requireNonNull(statusCode, "statusCode");
    Objects.requireNonNull(errorClass, "errorClass");
    Objects.requireNonNull(responseExcerpt, "responseExcerpt");
    Objects.requireNonNull(detail, "detail");
    if (latencyMillis < 0) {
      throw new IllegalArgumentException("latency cannot be negative");
    }
    if (responseExcerpt.length() > MAX_EXCERPT_BYTES) {
      throw new IllegalArgumentException("response excerpt longer than " + MAX_EXCERPT_BYTES);
    }
    if (errorClass.isEmpty() && !(statusCode.isPresent() && isSuccess(statusCode.getAsInt()))) {
      throw new IllegalArgumentException("only a 2xx answer is a delivery");
    }
    if (statusCode.isPresent() && (statusCode.getAsInt() < 100 || statusCode.getAsInt() > 599)) {
      throw new IllegalArgumentException("not an HTTP status: " + statusCode.getAsInt());
    }
    detail = detail.length() > MAX_DETAIL_LENGTH ? detail.substring(0, MAX_DETAIL_LENGTH) : detail;
  }

  /**
   * The endpoint answered {@code status}: 2xx is delivered, 3xx a
   * {@link DeliveryErrorClass#REDIRECT} (not followed), anything else an
   * {@link DeliveryErrorClass#HTTP_ERROR}.
   */
  public static DeliveryAttemptResult answered(int status, long latencyMillis, String excerpt) {
    Optional<DeliveryErrorClass> error = isSuccess(status) ? Optional.empty()
        : Optional.of(status >= 300 && status < 400
            ? DeliveryErrorClass.REDIRECT : DeliveryErrorClass.HTTP_ERROR);
    String detail = error.isEmpty() ? "" : status >= 300 && status < 400
        ? "redirect not followed" : "status " + status;
    return new DeliveryAttemptResult(OptionalInt.of(status), latencyMillis, error, excerpt, detail);
  }

  /** The attempt ended without an HTTP answer. */
  public static DeliveryAttemptResult failed(
      DeliveryErrorClass errorClass, long latencyMillis, String detail) {
    return new DeliveryAttemptResult(
        OptionalInt.empty(), latencyMillis, Optional.of(errorClass), "", detail);
  }

  public boolean delivered() {
    return errorClass.isEmpty();
  }

  private static boolean isSuccess(int status) {
    return status >= 200 && status < 300;
  }
}
