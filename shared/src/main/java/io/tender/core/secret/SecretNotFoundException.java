package io.tender.core.secret;

/** The secret store holds no secret by that name. The message names it; it never holds a value. */
public final class SecretNotFoundException extends RuntimeException {
  public SecretNotFoundException(String name) {
    super("no secret named " + name);
  }
}
