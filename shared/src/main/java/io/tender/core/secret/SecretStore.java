package io.tender.core.secret;

/**
 * Where credentials and signing keys come from. Production reads AWS Secrets Manager and caches
 * per container; values never enter environment variables, logs or responses.
 */
public interface SecretStore {

  /** The current value of the named secret; {@link SecretNotFoundException} when there is none. */
  String get(String name);

  /**
   * Forgets a cached value so that the next {@link #get} reads the source again: called once when
   * a signature fails to verify, in case the secret was rotated.
   */
  void refresh(String name);
}
