package io.tender.adapter.platform;

import io.tender.core.auth.SessionTokens;
import io.tender.core.secret.SecretStore;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * Session tokens signed with the keys in a secret, rebuilt when the secret's value changes (the
 * secret store re-reads it every few minutes), so a rotation reaches warm containers without a
 * deployment. The secret is read on first use, never while the function is being wired.
 */
final class SessionTokensFromSecret implements Supplier<SessionTokens> {
  private final SecretStore secrets;
  private final String secretName;
  private final Clock clock;
  private volatile Built built;

  private record Built(String secretValue, SessionTokens tokens) {}

  SessionTokensFromSecret(SecretStore secrets, String secretName, Clock clock) {
    this.secrets = secrets;
    this.secretName = secretName;
    this.clock = clock;
  }

  @Override
  public SessionTokens get() {
    String value = secrets.get(secretName);
    Built current = built;
    if (current == null || !current.secretValue().equals(value)) {
      current = new Built(value, new SessionTokens(SessionKeyringSecret.parse(value), clock));
      built = current;
    }
    return current.tokens();
  }
}
