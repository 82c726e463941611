package io.tender.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.tender.core.error.ApiException;
import io.tender.core.error.ErrorCode;
import io.tender.core.tenant.Mode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class AccessPolicyTest {
  private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
  private final AccessPolicy policy = new AccessPolicy(Clock.fixed(NOW, ZoneOffset.UTC));

  /** The whole matrix: every role against every permission, as the roles table defines it. */
  @ParameterizedTest
  @EnumSource(Role.class)
  void eachRoleGetsExactlyItsPermissions(Role role) {
    Set<Permission> expected = switch (role) {
      case OWNER -> EnumSet.allOf(Permission.class);
      case ADMIN -> EnumSet.complementOf(EnumSet.of(Permission.USERS_MANAGE));
      case DEVELOPER -> EnumSet.of(Permission.CHECKOUT_CREATE, Permission.CHECKOUT_READ, Permission.LINKS_MANAGE,
          Permission.API_KEYS_MANAGE, Permission.WEBHOOKS_MANAGE, Permission.AUDIT_READ);
      case VIEWER -> EnumSet.of(Permission.CHECKOUT_READ, Permission.AUDIT_READ);
    };
    for (Permission permission : Permission.values()) {
      Principal user = user(role, Optional.of(NOW));
      if (expected.contains(permission)) {
        assertThatCode(() -> policy.authorize(user, permission, Optional.empty())).doesNotThrowAnyException();
      } else {
        ApiException refused = catchThrowableOfType(ApiException.class,
            () -> policy.authorize(user, permission, Optional.empty()));
        assertThat(refused.code()).isEqualTo(ErrorCode.INSUFFICIENT_PERMISSIONS);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused).hasMessage("Missing " + permission.wire() + " permission");
      }
    }
  }

  @Test
  void apiKeysMoveMoneyButCannotManageKeysOrUsers() {
    Principal key = new Principal.ApiKeyCaller("ten_a1b2", Mode.TEST, "key_1");

    assertThatCode(() -> policy.authorize(key, Permission.REFUNDS_CREATE, Optional.of(MfaAction.REFUND)))
        .as("server-to-server keys are never asked for MFA").doesNotThrowAnyException();
    assertThatCode(() -> policy.authorize(key, Permission.CHECKOUT_CREATE, Optional.of(MfaAction.CREATE_PAYMENT)))
        .doesNotThrowAnyException();
    assertThat(catchThrowableOfType(ApiException.class,
        () -> policy.authorize(key, Permission.API_KEYS_MANAGE, Optional.of(MfaAction.API_KEYS))).code())
        .isEqualTo(ErrorCode.INSUFFICIENT_PERMISSIONS);
    assertThat(catchThrowableOfType(ApiException.class,
        () -> policy.authorize(key, Permission.USERS_MANAGE, Optional.empty())).code())
        .isEqualTo(ErrorCode.INSUFFICIENT_PERMISSIONS);
  }

  @ParameterizedTest
  @EnumSource(MfaAction.class)
  void stepUpActionsNeedARecentSecondFactor(MfaAction action) {
    Permission permission = Permission.API_KEYS_MANAGE;

    assertThat(catchThrowableOfType(ApiException.class,
        () -> policy.authorize(user(Role.OWNER, Optional.empty()), permission, Optional.of(action))))
        .hasMessage("MFA required")
        .extracting(ApiException::code).isEqualTo(ErrorCode.MFA_CHALLENGE_REQUIRED);
    assertThat(catchThrowableOfType(ApiException.class, () -> policy.authorize(
        user(Role.OWNER, Optional.of(NOW.minus(AccessPolicy.MFA_FRESHNESS).minusSeconds(1))), permission,
        Optional.of(action)))).extracting(ApiException::status).isEqualTo(401);
    assertThatCode(() -> policy.authorize(user(Role.OWNER, Optional.of(NOW.minus(Duration.ofMinutes(4)))),
        permission, Optional.of(action))).doesNotThrowAnyException();
    assertThat(catchThrowableOfType(ApiException.class, () -> policy.authorize(
        user(Role.OWNER, Optional.of(NOW.plusSeconds(60))), permission, Optional.of(action))))
        .as("an MFA time in the future is not trusted").isNotNull();
  }

  @Test
  void theMissingPermissionIsReportedBeforeMfa() {
    ApiException refused = catchThrowableOfType(ApiException.class, () -> policy.authorize(
        user(Role.VIEWER, Optional.empty()), Permission.REFUNDS_CREATE, Optional.of(MfaAction.REFUND)));

    assertThat(refused.code()).isEqualTo(ErrorCode.INSUFFICIENT_PERMISSIONS);
  }

  @Test
  void actionsWithoutStepUpDoNotAskForMfa() {
    assertThatCode(() -> policy.authorize(user(Role.VIEWER, Optional.empty()), Permission.AUDIT_READ,
        Optional.empty())).doesNotThrowAnyException();
  }

  /** A payer acting through a public payment link never passes a route's access check. */
  @ParameterizedTest
  @EnumSource(Permission.class)
  void aPaymentLinkPayerHoldsNoPermission(Permission permission) {
    Principal payer = new Principal.PaymentLinkPayer("ten_1", Mode.TEST, "summer-promo");

    assertThat(catchThrowableOfType(ApiException.class,
        () -> policy.authorize(payer, permission, Optional.empty())).code()).isEqualTo(ErrorCode.UNAUTHENTICATED);
    assertThat(catchThrowableOfType(ApiException.class,
        () -> policy.authorize(payer, Optional.empty(), Optional.empty())).code()).isEqualTo(ErrorCode.UNAUTHENTICATED);
  }

  private static Principal user(Role role, Optional<Instant> mfaAt) {
    return new Principal.UserCaller("ten_a1b2", Mode.TEST, "usr_1", role, mfaAt);
  }
}
