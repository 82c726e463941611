package io.tender.local.function;

/** How one local invocation ended, as the Lambda service would report it. */
public sealed interface Invocation {

  /** The handler returned; {@code output} is its result as JSON. */
  record Succeeded(byte[] output) implements Invocation {}

  /** The handler threw: Lambda's {@code errorType} and {@code errorMessage}. */
  record Failed(String errorType, String errorMessage) implements Invocation {}

  /** The handler outlived the function's {@code Timeout}; its container is discarded. */
  record TimedOut(int timeoutSeconds) implements Invocation {}
}
