package io.tender.core.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.tender.adapter.dynamo.DynamoRateLimiter;
import io.tender.adapter.dynamo.DynamoTenantRepository;
import io.tender.adapter.dynamo.DynamoUserRepository;
import io.tender.core.auth.Base32;
import io.tender.core.auth.Principal;
import io.tender.core.auth.Role;
import io.tender.core.auth.SessionTokens;
import io.tender.core.auth.SigningKey;
import io.tender.core.auth.SigningKeyring;
import io.tender.core.auth.Totp;
import io.tender.core.auth.TotpParameters;
import io.tender.core.error.ApiException;
import io.tender.core.error.ErrorCode;
import io.tender.core.id.RandomIdGenerator;
import io.tender.core.ratelimit.RateLimitPolicies;
import io.tender.core.tenant.Mode;
import io.tender.core.tenant.Tenant;
import io.tender.local.engines.LocalEngines;
import io.tender.local.engines.SharedEngines;
import io.tender.testing.LocalTender;
import io.tender.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Accounts on DynamoDB Local: sign-in, its limits, MFA enrolment, step-up and code reuse. */
@ExtendWith(SharedEngines.class)
class UserAccountsIntegrationTest {
  private static final char[] PASSWORD = "correct horse battery".toCharArray();
  private static LocalTender tender;
  private static DynamoUserRepository repository;
  private static DynamoTenantRepository tenants;

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T12:00:05Z"));
  private final SessionTokens sessions = new SessionTokens(
      new SigningKeyring(new SigningKey("k1", new byte[32]), List.of()), clock);
  private UserAccounts accounts;

  @BeforeAll
  static void provision(LocalEngines engines) {
    tender = LocalTender.provision(engines);
    repository = new DynamoUserRepository(tender.clients().dynamoDb(), tender.tableName());
    tenants = new DynamoTenantRepository(tender.clients().dynamoDb(), tender.tableName());
  }

  @AfterAll
  static void close() {
    tender.close();
  }

  private UserAccounts accounts() {
    if (accounts == null) {
      accounts = new UserAccounts(repository, () -> sessions,
          new DynamoRateLimiter(tender.clients().dynamoDb(), tender.tableName()), RateLimitPolicies.defaults(),
          new RandomIdGenerator(clock, new Random()), clock, new Random(9));
    }
    return accounts;
  }

  @Test
  void anEmailBelongsToOneUserAndSignInIssuesASessionForIt() {
    User user = accounts().create("ten_users1", "Ana@Shop.test", PASSWORD, Role.ADMIN);

    ApiException taken = catchThrowableOfType(ApiException.class,
        () -> accounts().create("ten_users2", "ana@shop.test", PASSWORD, Role.OWNER));
    assertThat(taken.fieldErrors()).containsKey("email");

    UserAccounts.SignedIn signedIn = accounts().signIn("ANA@shop.test", PASSWORD, Optional.empty());
    assertThat(sessions.verify(signedIn.token())).hasValueSatisfying(claims -> {
      assertThat(claims.userId()).isEqualTo(user.id());
      assertThat(claims.tenantId()).isEqualTo("ten_users1");
      assertThat(claims.role()).isEqualTo("admin");
      assertThat(claims.mfaVerifiedAt()).isEmpty();
    });
    assertThat(repository.findByEmail("ana@shop.test").orElseThrow().passwordHash()).startsWith("$argon2id$");
    assertThat(accounts().currentRole("ten_users1", user.id())).contains(Role.ADMIN);
    assertThat(accounts().currentRole("ten_users1", "usr_absent")).isEmpty();
  }

  @Test
  void theEleventhSignInForOneAccountWithinItsWindowIsRefused() {
    accounts().create("ten_users3", "bo@shop.test", PASSWORD, Role.VIEWER);
    for (int i = 0; i < 10; i++) {
      assertThat(catchThrowableOfType(ApiException.class,
          () -> accounts().signIn("bo@shop.test", "wrong password!!".toCharArray(), Optional.empty())).code())
          .isEqualTo(ErrorCode.UNAUTHENTICATED);
    }

    ApiException limited = catchThrowableOfType(ApiException.class,
        () -> accounts().signIn("bo@shop.test", PASSWORD, Optional.empty()));

    assertThat(limited.code()).isEqualTo(ErrorCode.RATE_LIMIT_EXCEEDED);
    assertThat(limited.retryAfterSeconds()).as("the 15-minute window ends at 12:15").hasValue(895L);
    clock.advance(Duration.ofMinutes(15));
    assertThat(accounts().signIn("bo@shop.test", PASSWORD, Optional.empty()).token()).isNotBlank();
  }

  @Test
  void mfaEnrolmentStepUpAndRecoveryCodesEachWorkOnce() {
    User user = accounts().create("ten_users4", "cy@shop.test", PASSWORD, Role.OWNER);
    Principal.UserCaller caller = new Principal.UserCaller("ten_users4", Mode.TEST, user.id(), Role.OWNER,
        Optional.empty());
    Totp totp = new Totp(clock);

    byte[] secret = Base32.decode(accounts().startEnrollment(caller).secret());
    String wrong = "000000".equals(totp.code(secret, clock.instant(), TotpParameters.DEFAULT)) ? "111111" : "000000";
    assertThat(catchThrowableOfType(ApiException.class, () -> accounts().confirmEnrollment(caller, wrong)))
        .isNotNull();
    String enrolmentCode = totp.code(secret, clock.instant(), TotpParameters.DEFAULT);
    List<String> recoveryCodes = accounts().confirmEnrollment(caller, enrolmentCode);
    assertThat(recoveryCodes).hasSize(10).doesNotHaveDuplicates();
    assertThat(repository.find("ten_users4", user.id()).orElseThrow().recoveryCodeHashes())
        .hasSize(10).noneMatch(recoveryCodes::contains);

    assertThat(catchThrowableOfType(ApiException.class,
        () -> accounts().verify(caller, Optional.of(enrolmentCode), Optional.empty())))
        .as("a code is accepted once").extracting(ApiException::code).isEqualTo(ErrorCode.UNAUTHENTICATED);

    clock.advance(Duration.ofSeconds(30));
    UserAccounts.SignedIn stepUp = accounts().verify(caller,
        Optional.of(totp.code(secret, clock.instant(), TotpParameters.DEFAULT)), Optional.empty());
    assertThat(sessions.verify(stepUp.token()).orElseThrow().mfaVerifiedAt()).contains(clock.instant());

    assertThat(accounts().verify(caller, Optional.empty(), Optional.of(recoveryCodes.get(3))).mfaVerified()).isTrue();
    assertThat(catchThrowableOfType(ApiException.class,
        () -> accounts().verify(caller, Optional.empty(), Optional.of(recoveryCodes.get(3))))).isNotNull();
    assertThat(repository.find("ten_users4", user.id()).orElseThrow().recoveryCodeHashes()).hasSize(9);
  }

  @Test
  void weakPasswordsAndBadEmailsAreFieldErrorsAndWriteNothing() {
    assertThat(catchThrowableOfType(ApiException.class,
        () -> accounts().create("ten_users5", "dee@shop.test", "short".toCharArray(), Role.OWNER)).fieldErrors())
        .containsKey("password");
    assertThat(catchThrowableOfType(ApiException.class,
        () -> accounts().create("ten_users5", "not-an-email", PASSWORD, Role.OWNER)).fieldErrors())
        .containsKey("email");
    assertThat(repository.findByEmail("dee@shop.test")).isEmpty();
  }

  @Test
  void tenantsKeepTheirApprovedDomainsAndRefuseDuplicates() {
    Tenant tenant = new Tenant("ten_dom01", "Shop", List.of("Shop.test", "shop.test"), clock.instant());

    assertThat(tenants.create(tenant)).isTrue();
    assertThat(tenants.create(tenant)).isFalse();
    assertThat(tenants.approveDomains("ten_dom01", List.of("pay.shop.test"))).isTrue();
    assertThat(tenants.approveDomains("ten_absent", List.of("x.test"))).isFalse();
    assertThat(tenants.find("ten_dom01").orElseThrow().approvedDomains())
        .containsExactlyInAnyOrder("shop.test", "pay.shop.test");
  }
}
