package io.tender.adapter.http;

import io.tender.core.auth.MfaAction;
import io.tender.core.auth.Permission;
import java.util.Optional;

/**
 * What the pipeline enforces for one route, declared once beside its handler: who may call it,
 * which rate limit counts it and per what, and whether it honours {@code Idempotency-Key}.
 *
 * @param name the route key, e.g. {@code POST /api/keys:create}; also scopes idempotency keys
 * @param authenticated false for a public route
 * @param permission what the caller needs beyond being signed in, if anything
 */
public record Route(
    String name,
    ErrorFamily family,
    boolean authenticated,
    Optional<Permission> permission,
    Optional<MfaAction> stepUp,
    Optional<String> rateLimit,
    RateScope rateScope,
    boolean honoursIdempotencyKey) {

  /** Who a rate limit counts: the tenant (and mode), the calling key or user, or the client IP. */
  public enum RateScope { TENANT, CALLER, IP }

  public static Route authenticated(String name, ErrorFamily family, Permission permission) {
    return new Route(name, family, true, Optional.of(permission), Optional.empty(), Optional.empty(),
        RateScope.TENANT, false);
  }

  /** Any signed-in caller, acting on their own account. */
  public static Route signedIn(String name, ErrorFamily family) {
    return new Route(name, family, true, Optional.empty(), Optional.empty(), Optional.empty(),
        RateScope.CALLER, false);
  }

  public static Route open(String name, ErrorFamily family) {
    return new Route(name, family, false, Optional.empty(), Optional.empty(), Optional.empty(), RateScope.IP,
        false);
  }

  public Route withStepUp(MfaAction action) {
    return new Route(name, family, authenticated, permission, Optional.of(action), rateLimit, rateScope,
        honoursIdempotencyKey);
  }

  public Route limitedBy(String limitName, RateScope scope) {
    return new Route(name, family, authenticated, permission, stepUp, Optional.of(limitName), scope,
        honoursIdempotencyKey);
  }

  public Route idempotent() {
    return new Route(name, family, authenticated, permission, stepUp, rateLimit, rateScope, true);
  }

  public boolean isPublic() {
    return !authenticated;
  }
}
