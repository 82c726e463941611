package io.tender.core.auth;

import io.tender.core.error.ApiException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Decides whether a caller may perform an action: the permission first (403), then, for a user on
 * a step-up action, a second factor verified within {@link #MFA_FRESHNESS} (401). API keys are
 * server-to-server and are never asked for MFA.
 */
public final class AccessPolicy {
  public static final Duration MFA_FRESHNESS = Duration.ofMinutes(5);

  private final Clock clock;

  public AccessPolicy(Clock clock) {
    this.clock = clock;
  }

  public void authorize(Principal principal, Permission permission, Optional<MfaAction> stepUp) {
    authorize(principal, Optional.of(permission), stepUp);
  }

  /** A route may need no permission beyond being signed in, and still ask for step-up MFA. */
  public void authorize(Principal principal, Optional<Permission> permission, Optional<MfaAction> stepUp) {
    switch (principal) {
      case Principal.ApiKeyCaller key -> {
        if (permission.isPresent() && !Role.API_KEY_PERMISSIONS.contains(permission.get())) {
          throw ApiException.missingPermission(permission.get().wire());
        }
      }
      case Principal.UserCaller user -> {
        if (permission.isPresent() && !user.role().grants(permission.get())) {
          throw ApiException.missingPermission(permission.get().wire());
        }
        if (stepUp.isPresent() && !recentlyVerified(user)) {
          throw ApiException.mfaRequired();
        }
      }
      // A link's payer never signs in; the link itself decided what it may do.
      case Principal.PaymentLinkPayer payer -> throw ApiException.unauthenticated();
    }
  }

  private boolean recentlyVerified(Principal.UserCaller user) {
    return user.mfaVerifiedAt()
        .filter(at -> !at.isAfter(clock.instant()))
        .filter(at -> at.plus(MFA_FRESHNESS).isAfter(clock.instant()))
        .isPresent();
  }
}
