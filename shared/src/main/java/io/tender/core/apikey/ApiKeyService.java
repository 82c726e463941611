package io.tender.core.apikey;

import io.tender.core.id.Ids;
import io.tender.core.auth.Principal;
import io.tender.core.cache.ExpiringCache;
import io.tender.core.error.ApiException;
import io.tender.core.id.IdGenerator;
import io.tender.core.tenant.Mode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Creates, lists, revokes and authenticates API keys.
 *
 * <p>Authentication caches an active key per container for {@link #CACHE_TTL}, so a warm function
 * does not read DynamoDB on every request; a revoked key is therefore refused everywhere within
 * that time. Unknown and revoked keys are never cached, so a new key works at once.
 */
public final class ApiKeyService {
  public static final Duration CACHE_TTL = Duration.ofSeconds(10);
  private static final int MAX_NAME_LENGTH = 100;

  private final ApiKeyRepository repository;
  private final ApiKeySecrets secrets;
  private final IdGenerator ids;
  private final Clock clock;
  /** Active keys only: unknown and revoked keys are read again every time. */
  private final ExpiringCache<String, Principal.ApiKeyCaller> active;

  public ApiKeyService(ApiKeyRepository repository, ApiKeySecrets secrets, IdGenerator ids, Clock clock) {
    this.repository = repository;
    this.secrets = secrets;
    this.ids = ids;
    this.clock = clock;
    this.active = new ExpiringCache<>(clock, CACHE_TTL);
  }

  public CreatedApiKey create(String tenantId, Mode mode, String name) {
    String trimmed = name == null ? "" : name.strip();
    if (trimmed.isEmpty() || trimmed.length() > MAX_NAME_LENGTH
        || trimmed.chars().anyMatch(Character::isISOControl)) {
      throw ApiException.validation(Map.of("name", List.of("The name is 1 to 100 printable characters.")));
    }
    String secret = secrets.newSecret(mode);
    ApiKey key = new ApiKey(ids.next("key"), tenantId, mode, trimmed, ApiKeySecrets.hash(secret),
        ApiKeySecrets.last4(secret), clock.instant(), Optional.empty());
    repository.create(key);
    return new CreatedApiKey(key, secret);
  }

  public List<ApiKey> list(String tenantId, Mode mode) {
    return repository.list(tenantId, mode);
  }

  /** When the key was revoked, and whether this call did it (a repeat answers the first time). */
  public record Revocation(Instant revokedAt, boolean byThisCall) {}

  public Revocation revoke(String tenantId, Mode mode, String keyId) {
    if (keyId == null || keyId.isBlank()) {
      throw ApiException.validation(Map.of("keyId", List.of("The keyId field is required.")));
    }
    if (!Ids.isId("key", keyId)) {
      throw ApiException.notFound("API key"); // not one of ours, so not this tenant's either
    }
    Instant now = clock.instant();
    Instant revokedAt = repository.revoke(tenantId, mode, keyId, now)
        .orElseThrow(() -> ApiException.notFound("API key"));
    return new Revocation(revokedAt, revokedAt.equals(now));
  }

  /** The caller a presented secret identifies; empty for anything that is not an active key. */
  public Optional<Principal.ApiKeyCaller> authenticate(String presented) {
    Optional<Mode> mode = ApiKeySecrets.modeOf(presented);
    if (mode.isEmpty()) {
      return Optional.empty();
    }
    String hash = ApiKeySecrets.hash(presented);
    Optional<Principal.ApiKeyCaller> cached = active.get(hash);
    if (cached.isPresent()) {
      return cached;
    }
    Optional<ApiKey> key = repository.findBySecretHash(hash).filter(ApiKey::active)
        .filter(k -> k.mode() == mode.get());
    if (key.isEmpty()) {
      active.invalidate(hash);
      return Optional.empty();
    }
    Principal.ApiKeyCaller caller = new Principal.ApiKeyCaller(key.get().tenantId(), key.get().mode(), key.get().id());
    active.put(hash, caller);
    return Optional.of(caller);
  }
}
