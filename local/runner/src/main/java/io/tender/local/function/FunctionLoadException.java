package io.tender.local.function;

/** A function of the template cannot be hosted; the message names it and says why. */
public final class FunctionLoadException extends RuntimeException {
  public FunctionLoadException(String message, Throwable cause) {
    super(message, cause);
  }
}
