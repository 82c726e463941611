package io.tender.core.tenant;

import io.tender.core.ratelimit.RateLimitPolicies;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The rate limits in force for a tenant: the defaults with the tenant's overrides. Read once a
 * minute per container, so a changed limit applies everywhere within {@link #CACHE_TTL}.
 */
public final class TenantRateLimits {
  public static final Duration CACHE_TTL = Duration.ofSeconds(60);

  private final TenantRepository tenants;
  private final RateLimitPolicies defaults;
  private final Clock clock;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();

  private record Cached(RateLimitPolicies policies, Instant until) {}

  public TenantRateLimits(TenantRepository tenants, RateLimitPolicies defaults, Clock clock) {
    this.tenants = tenants;
    this.defaults = defaults;
    this.clock = clock;
  }

  public RateLimitPolicies defaults() {
    return defaults;
  }

  public RateLimitPolicies forTenant(String tenantId) {
    Instant now = clock.instant();
    Cached cached = cache.get(tenantId);
    if (cached != null && now.isBefore(cached.until())) {
      return cached.policies();
    }
    RateLimitPolicies policies = tenants.find(tenantId)
        .map(tenant -> defaults.withLimits(tenant.rateLimits()))
        .orElse(defaults);
    cache.put(tenantId, new Cached(policies, now.plus(CACHE_TTL)));
    return policies;
  }
}
