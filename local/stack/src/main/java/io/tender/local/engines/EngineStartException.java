package io.tender.local.engines;

/** A local engine could not be started; the message names which. */
public final class EngineStartException extends RuntimeException {
  public EngineStartException(String message, Throwable cause) {
    super(message, cause);
  }
}
