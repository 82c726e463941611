package io.tender.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.tender.core.apikey.ApiKeySecrets;
import io.tender.core.apikey.ApiKeyService;
import io.tender.core.apikey.InMemoryApiKeyRepository;
import io.tender.core.auth.Principal;
import io.tender.core.auth.Role;
import io.tender.core.auth.SessionClaims;
import io.tender.core.auth.SessionTokens;
import io.tender.core.auth.SigningKey;
import io.tender.core.auth.SigningKeyring;
import io.tender.core.error.ApiException;
import io.tender.core.error.ErrorCode;
import io.tender.core.id.RandomIdGenerator;
import io.tender.core.tenant.Mode;
import io.tender.testing.MutableClock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AuthenticatorTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T12:00:00Z"));
  private final SessionTokens sessions = new SessionTokens(
      new SigningKeyring(new SigningKey("k1", new byte[32]), List.of()), clock);
  private final ApiKeyService keys = new ApiKeyService(new InMemoryApiKeyRepository(),
      new ApiKeySecrets(new Random(5)), new RandomIdGenerator(clock, new Random(6)), clock);
  private final Map<String, Role> roles = new HashMap<>(Map.of("usr_1", Role.VIEWER));
  private final Authenticator authenticator = new Authenticator(keys, () -> sessions,
      (tenant, user) -> Optional.ofNullable(roles.get(user)));

  @Test
  void theRoleComesFromTheStoreNotFromTheToken() {
    Principal principal = authenticator.authenticate(request(Map.of("authorization", "Bearer " + token("owner"))));

    assertThat(principal).isInstanceOfSatisfying(Principal.UserCaller.class, user -> {
      assertThat(user.role()).isEqualTo(Role.VIEWER);
      assertThat(user.mode()).isEqualTo(Mode.TEST);
    });
  }

  @Test
  void aRemovedUsersTokenIsRefused() {
    String token = token("owner");
    roles.clear();

    assertThat(catchThrowableOfType(ApiException.class,
        () -> authenticator.authenticate(request(Map.of("authorization", "Bearer " + token)))).code())
        .isEqualTo(ErrorCode.UNAUTHENTICATED);
  }

  @Test
  void modeTenantAndCredentialMistakesAreRefusedClearly() {
    String token = token("owner");
    String key = keys.create("ten_auth1", Mode.LIVE, "server").secret();

    assertThat(authenticator.authenticate(request(Map.of("authorization", "Bearer " + token, "tender-mode", "live")))
        .mode()).isEqualTo(Mode.LIVE);
    assertThat(catchThrowableOfType(ApiException.class, () -> authenticator.authenticate(
        request(Map.of("authorization", "Bearer " + token, "tender-mode", "prod")))).code())
        .isEqualTo(ErrorCode.INVALID_REQUEST);
    assertThat(catchThrowableOfType(ApiException.class, () -> authenticator.authenticate(
        request(Map.of("x-api-key", key, "x-tenant", "ten_other")))).code())
        .isEqualTo(ErrorCode.TENANT_MISMATCH);
    assertThat(catchThrowableOfType(ApiException.class, () -> authenticator.authenticate(
        request(Map.of("x-api-key", key, "authorization", "Bearer " + token)))).code())
        .isEqualTo(ErrorCode.INVALID_REQUEST);
    assertThat(catchThrowableOfType(ApiException.class, () -> authenticator.authenticate(
        request(Map.of("authorization", "Basic dXNlcjpwYXNz")))).code())
        .isEqualTo(ErrorCode.UNAUTHENTICATED);
    assertThat(authenticator.authenticate(request(Map.of("authorization", "bearer " + key))).tenantId())
        .isEqualTo("ten_auth1");
  }

  @Test
  void anExpiredSessionIsRefused() {
    String token = token("owner");
    clock.advance(java.time.Duration.ofMinutes(31));

    assertThat(catchThrowableOfType(ApiException.class,
        () -> authenticator.authenticate(request(Map.of("authorization", "Bearer " + token))))
        .getMessage()).isEqualTo("Invalid or expired session");
  }

  private String token(String role) {
    return sessions.issue(new SessionClaims("ten_auth1", "usr_1", role, clock.instant(),
        clock.instant().plusSeconds(1800), Optional.empty(), "ses_1"));
  }

  private static ApiRequest request(Map<String, String> headers) {
    return new ApiRequest(APIGatewayV2HTTPEvent.builder().withHeaders(new HashMap<>(headers)).build(), 1024);
  }
}
