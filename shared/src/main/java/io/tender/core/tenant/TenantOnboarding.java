package io.tender.core.tenant;

import io.tender.core.apikey.ApiKeyService;
import io.tender.core.apikey.CreatedApiKey;
import io.tender.core.audit.Actor;
import io.tender.core.audit.AuditEvent;
import io.tender.core.audit.AuditLog;
import io.tender.core.auth.Role;
import io.tender.core.error.ApiException;
import io.tender.core.id.IdGenerator;
import io.tender.core.ratelimit.RateLimitPolicies;
import io.tender.core.user.User;
import io.tender.core.user.UserAccounts;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * An operator's work on tenants: onboarding a merchant (the tenant, its owner, its approved
 * domains and a first test key) and approving more domains later. Both are audited in the
 * tenant's trail under the operator's name.
 */
public final class TenantOnboarding {
  private static final String PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
  private static final int GENERATED_PASSWORD_LENGTH = 24;

  private final TenantRepository tenants;
  private final UserAccounts users;
  private final ApiKeyService apiKeys;
  private final AuditLog audit;
  private final IdGenerator ids;
  private final Clock clock;
  private final RandomGenerator random;

  /** The result, with the secrets that are shown this once: the key's and a generated password. */
  public record Onboarded(Tenant tenant, User owner, CreatedApiKey testKey, Optional<String> generatedPassword) {}

  public TenantOnboarding(TenantRepository tenants, UserAccounts users, ApiKeyService apiKeys, AuditLog audit,
      IdGenerator ids, Clock clock, RandomGenerator random) {
    this.tenants = tenants;
    this.users = users;
    this.apiKeys = apiKeys;
    this.audit = audit;
    this.ids = ids;
    this.clock = clock;
    this.random = random;
  }

  /**
   * Onboards a merchant. Everything that can be refused is checked before the first write, so a
   * refusal leaves nothing behind; the e-mail's uniqueness is the one check only the write makes.
   */
  public Onboarded onboard(String operator, String tenantName, String ownerEmail, Optional<String> ownerPassword,
      List<String> approvedDomains) {
    char[] password = ownerPassword.map(String::toCharArray).orElseGet(this::generatedPassword);
    users.checkNewUser(ownerEmail, password);
    Tenant tenant;
    try {
      tenant = new Tenant(ids.next("ten"), tenantName, approvedDomains, clock.instant());
    } catch (IllegalArgumentException e) {
      throw ApiException.invalidRequest(e.getMessage());
    }
    if (!tenants.create(tenant)) {
      throw new IllegalStateException("tenant id collision: " + tenant.id());
    }
    User owner = users.create(tenant.id(), ownerEmail, password, Role.OWNER);
    CreatedApiKey key = apiKeys.create(tenant.id(), Mode.TEST, "Initial test key");
    Actor actor = new Actor("operator", operator);
    audit.append(tenant.id(), new AuditEvent("tenant.created", actor, null, null, Map.of(
        "ownerUserId", owner.id(), "approvedDomains", String.join(",", tenant.approvedDomains()))), clock.instant());
    audit.append(tenant.id(), new AuditEvent("api_key.created", actor, null, null, Map.of(
        "keyId", key.key().id(), "mode", Mode.TEST.wire())), clock.instant());
    return new Onboarded(tenant, owner, key,
        ownerPassword.isPresent() ? Optional.empty() : Optional.of(new String(password)));
  }

  /** Adds approved domains to a tenant; returns the tenant's domains afterwards. */
  public List<String> approveDomains(String operator, String tenantId, List<String> domains) {
    List<String> valid;
    try {
      valid = Tenant.approvedDomains(domains);
    } catch (IllegalArgumentException e) {
      throw ApiException.invalidRequest(e.getMessage());
    }
    if (valid.isEmpty()) {
      throw ApiException.invalidRequest("approvedDomains lists no domain");
    }
    if (!tenants.approveDomains(tenantId, valid)) {
      throw ApiException.notFound("Tenant");
    }
    audit.append(tenantId, new AuditEvent("tenant.domains_approved", new Actor("operator", operator), null, null,
        Map.of("domains", String.join(",", valid))), clock.instant());
    return tenants.find(tenantId).orElseThrow().approvedDomains();
  }

  /** Replaces the tenant's rate-limit overrides (limit names as published, counts per window). */
  public Map<String, Integer> setRateLimits(String operator, String tenantId, Map<String, Integer> limits) {
    try {
      RateLimitPolicies.defaults().withLimits(limits);
    } catch (IllegalArgumentException e) {
      throw ApiException.invalidRequest(e.getMessage());
    }
    if (!tenants.setRateLimits(tenantId, limits)) {
      throw ApiException.notFound("Tenant");
    }
    audit.append(tenantId, new AuditEvent("tenant.rate_limits_changed", new Actor("operator", operator), null, null,
        limits.entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
            entry -> Integer.toString(entry.getValue())))), clock.instant());
    return tenants.find(tenantId).orElseThrow().rateLimits();
  }

  private char[] generatedPassword() {
    char[] password = new char[GENERATED_PASSWORD_LENGTH];
    for (int i = 0; i < password.length; i++) {
      password[i] = PASSWORD_ALPHABET.charAt(random.nextInt(PASSWORD_ALPHABET.length()));
    }
    return password;
  }
}
