package io.tender.core.tenant;

import java.util.Optional;

/** Where tenants are kept. */
public interface TenantRepository {

  /** Creates the tenant; false when one with that id exists already. */
  boolean create(Tenant tenant);

  Optional<Tenant> find(String tenantId);

  /** Replaces the tenant's rate-limit overrides; false when there is no such tenant. */
  boolean setRateLimits(String tenantId, java.util.Map<String, Integer> limits);

  /** Adds approved domains (idempotent); false when there is no such tenant. */
  boolean approveDomains(String tenantId, java.util.List<String> domains);
}
