package io.tender.adapter.secrets;

import io.tender.core.secret.SecretNotFoundException;
import io.tender.core.secret.SecretStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/**
 * Secrets from AWS Secrets Manager, cached per container for {@code ttl} so that a warm function
 * does not pay a call per request, and re-read at once after {@link #refresh}.
 */
public final class SecretsManagerSecretStore implements SecretStore {
  private final SecretsManagerClient client;
  private final Clock clock;
  private final Duration ttl;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();

  private record Cached(String value, Instant readAt) {}

  public SecretsManagerSecretStore(SecretsManagerClient client, Clock clock, Duration ttl) {
    this.client = client;
    this.clock = clock;
    this.ttl = ttl;
  }

  @Override
  public String get(String name) {
    Instant now = clock.instant();
    Cached cached = cache.get(name);
    if (cached != null && now.isBefore(cached.readAt().plus(ttl))) {
      return cached.value();
    }
    String value = read(name);
    cache.put(name, new Cached(value, now));
    return value;
  }

  @Override
  public void refresh(String name) {
    cache.remove(name);
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
