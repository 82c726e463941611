package io.tender.adapter.secrets;

import io.tender.core.cache.ExpiringCache;
import io.tender.core.secret.SecretNotFoundException;
import io.tender.core.secret.SecretStore;
import java.time.Clock;
import java.time.Duration;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/**
 * Secrets from AWS Secrets Manager, cached per container for {@code ttl} so that a warm function
 * does not pay a call per request, and re-read at once after {@link #refresh}.
 */
public final class SecretsManagerSecretStore implements SecretStore {
  private final SecretsManagerClient client;
  private final ExpiringCache<String, String> cache;

  public SecretsManagerSecretStore(SecretsManagerClient client, Clock clock, Duration ttl) {
    this.client = client;
    this.cache = new ExpiringCache<>(clock, ttl);
  }

  @Override
  public String get(String name) {
    return cache.get(name, this::read);
  }

  @Override
  public void refresh(String name) {
    cache.invalidate(name);
  }

  private String read(String name) {
    try {
      String value = client.getSecretValue(request -> request.secretId(name)).secretString();
      if (value == null) {
        throw new SecretNotFoundException(name);
      }
      return value;
    } catch (ResourceNotFoundException e) {
      throw new SecretNotFoundException(name);
    }
  }
}
