package io.tender.core.apikey;

import io.tender.core.tenant.Mode;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The repository's semantics in memory, for fast tests of the rules above it. */
public final class InMemoryApiKeyRepository implements ApiKeyRepository {
  private final Map<String, ApiKey> byHash = new ConcurrentHashMap<>();
  public int lookups;

  @Override
  public void create(ApiKey key) {
    if (byHash.putIfAbsent(key.secretHash(), key) != null) {
      throw new IllegalStateException("duplicate key");
    }
  }

  @Override
  public Optional<ApiKey> findBySecretHash(String secretHash) {
    lookups++;
    return Optional.ofNullable(byHash.get(secretHash));
  }

  @Override
  public List<ApiKey> list(String tenantId, Mode mode) {
    return byHash.values().stream().filter(k -> k.tenantId().equals(tenantId) && k.mode() == mode)
        .sorted(Comparator.comparing(ApiKey::createdAt).reversed()).toList();
  }

  @Override
  public synchronized Optional<Instant> revoke(String tenantId, Mode mode, String keyId, Instant at) {
    return byHash.values().stream()
        .filter(k -> k.tenantId().equals(tenantId) && k.mode() == mode && k.id().equals(keyId))
        .findFirst()
        .map(k -> {
          if (k.revokedAt().isPresent()) {
            return k.revokedAt().get();
          }
          byHash.put(k.secretHash(), new ApiKey(k.id(), k.tenantId(), k.mode(), k.name(), k.secretHash(),
              k.last4(), k.createdAt(), Optional.of(at)));
          return at;
        });
  }
}
