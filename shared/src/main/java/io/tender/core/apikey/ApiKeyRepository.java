package io.tender.core.apikey;

import io.tender.core.tenant.Mode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where API keys are kept. */
public interface ApiKeyRepository {

  void create(ApiKey key);

  /** The key a presented secret hashes to; revoked keys are returned too, marked so. */
  Optional<ApiKey> findBySecretHash(String secretHash);

  /** The tenant's keys in one mode, newest first. */
  List<ApiKey> list(String tenantId, Mode mode);

  /**
   * Revokes the tenant's key once; returns when it was revoked (the first time, on repeats), or
   * empty when the tenant has no such key in that mode.
   */
  Optional<Instant> revoke(String tenantId, Mode mode, String keyId, Instant at);
}
