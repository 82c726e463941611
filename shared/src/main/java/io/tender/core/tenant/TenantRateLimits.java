package io.tender.core.tenant;

import io.tender.core.cache.ExpiringCache;
import io.tender.core.ratelimit.RateLimitPolicies;
import java.time.Clock;
import java.time.Duration;

/**
 * The rate limits in force for a tenant: the defaults with the tenant's overrides. Read once a
 * minute per container, so a changed limit applies everywhere within {@link #CACHE_TTL}.
 */
public final class TenantRateLimits {
  public static final Duration CACHE_TTL = Duration.ofSeconds(60);

  private final TenantRepository tenants;
  private final RateLimitPolicies defaults;
  private final ExpiringCache<String, RateLimitPolicies> cache;

  public TenantRateLimits(TenantRepository tenants, RateLimitPolicies defaults, Clock clock) {
    this.tenants = tenants;
    this.defaults = defaults;
    this.cache = new ExpiringCache<>(clock, CACHE_TTL);
  }

  public RateLimitPolicies defaults() {
    return defaults;
  }

  public RateLimitPolicies forTenant(String tenantId) {
    return cache.get(tenantId, id -> tenants.find(id)
        .map(tenant -> defaults.withLimits(tenant.rateLimits()))
        .orElse(defaults));
  }
}
