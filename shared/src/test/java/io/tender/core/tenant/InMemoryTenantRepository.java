package io.tender.core.tenant;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The tenant repository's semantics in memory, for fast tests of what sits above it. */
public final class InMemoryTenantRepository implements TenantRepository {
  private final Map<String, Tenant> tenants = new ConcurrentHashMap<>();

  @Override
  public boolean create(Tenant tenant) {
    return tenants.putIfAbsent(tenant.id(), tenant) == null;
  }

  @Override
  public Optional<Tenant> find(String tenantId) {
    return Optional.ofNullable(tenants.get(tenantId));
  }

  @Override
  public boolean setRateLimits(String tenantId, Map<String, Integer> limits) {
    return tenants.computeIfPresent(tenantId, (id, t) ->
        new Tenant(t.id(), t.name(), t.approvedDomains(), limits, t.createdAt())) != null;
  }

  @Override
  public boolean approveDomains(String tenantId, List<String> domains) {
    return tenants.computeIfPresent(tenantId, (id, t) -> {
      List<String> all = new ArrayList<>(t.approvedDomains());
      all.addAll(domains);
      return new Tenant(t.id(), t.name(), all, t.rateLimits(), t.createdAt());
    }) != null;
  }
}
