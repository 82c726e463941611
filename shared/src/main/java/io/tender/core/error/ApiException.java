package io.tender.core.error;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A request Tender refuses, with what the caller needs to fix it. The message is written for the
 * merchant and never holds a secret, a stack trace or another tenant's data. Each route family
 * renders it in its own shape at the edge.
 */
public final class ApiException extends RuntimeException {
  private final ErrorCode code;
  private final Map<String, List<String>> fieldErrors;
  private final Optional<Long> retryAfterSeconds;

  private ApiException(ErrorCode code, String message, Map<String, List<String>> fieldErrors,
      Optional<Long> retryAfterSeconds) {
    super(message, null, false, false);
    this.code = code;
    this.fieldErrors = Map.copyOf(fieldErrors);
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public static ApiException of(ErrorCode code, String message) {
    return new ApiException(code, message, Map.of(), Optional.empty());
  }

  /** Field-level validation errors, e.g. {@code {"amount": ["The amount must be at least 0.01."]}}. */
  public static ApiException validation(Map<String, List<String>> fieldErrors) {
    return new ApiException(ErrorCode.VALIDATION_FAILED, "The given data was invalid.", fieldErrors,
        Optional.empty());
  }

  public static ApiException invalidRequest(String message) {
    return of(ErrorCode.INVALID_REQUEST, message);
  }

  public static ApiException unauthenticated() {
    return of(ErrorCode.UNAUTHENTICATED, "Invalid or inactive API key");
  }

  public static ApiException mfaRequired() {
    return of(ErrorCode.MFA_CHALLENGE_REQUIRED, "MFA required");
  }

  public static ApiException missingPermission(String permission) {
    return of(ErrorCode.INSUFFICIENT_PERMISSIONS, "Missing " + permission + " permission");
  }

  /** Another tenant's object answers exactly as a missing one, so ids cannot be probed. */
  public static ApiException notFound(String what) {
    return of(ErrorCode.RESOURCE_NOT_FOUND, what + " not found");
  }

  public static ApiException rateLimited(long retryAfterSeconds) {
    return new ApiException(ErrorCode.RATE_LIMIT_EXCEEDED, "Rate limit exceeded", Map.of(),
        Optional.of(retryAfterSeconds));
  }

  public ErrorCode code() {
    return code;
  }

  public int status() {
    return code.status();
  }

  public Map<String, List<String>> fieldErrors() {
    return fieldErrors;
  }

  public Optional<Long> retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
