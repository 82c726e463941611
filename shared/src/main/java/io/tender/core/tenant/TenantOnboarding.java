package io.tender.core.tenant;

import io.tender.core.apikey.ApiKeyService;
import io.tender.core.apikey.CreatedApiKey;
import io.tender.core.audit.Actor;
import io.tender.core.audit.AuditEvent;
import io.tender.core.audit.AuditLog;
import io.tender.core.auth.Role;
import io.tender.core.id.IdGenerator;
import io.tender.core.user.User;
import io.tender.core.user.UserAccounts;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * An operator's first step for a new merchant: the tenant, its owner (who signs in and enables
 * MFA next), its approved webhook domains and a first test API key.
 */
public final class TenantOnboarding {
  private final TenantRepository tenants;
  private final UserAccounts users;
  private final ApiKeyService apiKeys;
  private final AuditLog audit;
  private final IdGenerator ids;
  private final Clock clock;

  public record Onboarded(Tenant tenant, User owner, CreatedApiKey testKey) {}

  public TenantOnboarding(TenantRepository tenants, UserAccounts users, ApiKeyService apiKeys, AuditLog audit,
      IdGenerator ids, Clock clock) {
    this.tenants = tenants;
    this.users = users;
    this.apiKeys = apiKeys;
    this.audit = audit;
    this.ids = ids;
    this.clock = clock;
  }

  public Onboarded onboard(String tenantName, String ownerEmail, char[] ownerPassword, List<String> approvedDomains) {
    Tenant tenant = new Tenant(ids.next("ten"), tenantName, approvedDomains, clock.instant());
    if (!tenants.create(tenant)) {
      throw new IllegalStateException("tenant id collision: " + tenant.id());
    }
    User owner = users.create(tenant.id(), ownerEmail, ownerPassword, Role.OWNER);
    CreatedApiKey key = apiKeys.create(tenant.id(), Mode.TEST, "Initial test key");
    Actor operator = new Actor("operator", "bootstrap");
    audit.append(tenant.id(), new AuditEvent("tenant.created", operator, "", "", Map.of(
        "ownerUserId", owner.id(), "approvedDomains", String.join(",", tenant.approvedDomains()))), clock.instant());
    audit.append(tenant.id(), new AuditEvent("api_key.created", operator, "", "", Map.of(
        "keyId", key.key().id(), "mode", Mode.TEST.wire())), clock.instant());
    return new Onboarded(tenant, owner, key);
  }
}
