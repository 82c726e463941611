package io.tender.adapter.http;

import io.tender.core.apikey.ApiKeyService;
import io.tender.core.auth.Principal;
import io.tender.core.auth.Role;
import io.tender.core.auth.SessionClaims;
import io.tender.core.auth.SessionTokens;
import io.tender.core.error.ApiException;
import io.tender.core.error.ErrorCode;
import io.tender.core.tenant.Mode;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Establishes the caller from {@code X-API-Key: sk_…}, {@code Authorization: Bearer sk_…}
 * (merchant servers) or {@code Authorization: Bearer <session token>} (dashboard users, who choose
 * the mode with {@code Tender-Mode}, test by default). {@code X-Tenant}, when sent, must name the
 * credential's tenant.
 */
public final class Authenticator {
  private final ApiKeyService apiKeys;
  private final Supplier<SessionTokens> sessions;
  private final CurrentRoles roles;

  /** The role a user holds now (empty when the user is gone), so a token is never the last word. */
  @FunctionalInterface
  public interface CurrentRoles {
    Optional<Role> of(String tenantId, String userId);
  }

  /** {@code sessions} is asked for only when a session token arrives: it reads a secret. */
  public Authenticator(ApiKeyService apiKeys, Supplier<SessionTokens> sessions, CurrentRoles roles) {
    this.apiKeys = apiKeys;
    this.sessions = sessions;
    this.roles = roles;
  }

  public Principal authenticate(ApiRequest request) {
    Optional<String> apiKey = request.header("x-api-key");
    Optional<String> bearer = request.header("authorization").flatMap(Authenticator::bearerToken);
    if (apiKey.isPresent() && bearer.isPresent() && !apiKey.equals(bearer)) {
      throw ApiException.invalidRequest("Send one credential: X-API-Key or Authorization, not both");
    }
    Principal principal = apiKey.or(() -> bearer)
        .map(credential -> credential.startsWith("sk_") ? apiKey(credential) : session(credential, request))
        .orElseThrow(ApiException::unauthenticated);
    request.header("x-tenant").ifPresent(tenant -> {
      if (!tenant.equals(principal.tenantId())) {
        throw ApiException.of(ErrorCode.TENANT_MISMATCH, "X-Tenant does not match the credential's tenant");
      }
    });
    return principal;
  }

  private Principal apiKey(String secret) {
    return apiKeys.authenticate(secret).orElseThrow(ApiException::unauthenticated);
  }

  private Principal session(String token, ApiRequest request) {
    SessionClaims claims = sessions.get().verify(token)
        .orElseThrow(() -> ApiException.of(ErrorCode.UNAUTHENTICATED, "Invalid or expired session"));
    Role role = roles.of(claims.tenantId(), claims.userId())
        .orElseThrow(() -> ApiException.of(ErrorCode.UNAUTHENTICATED, "Invalid or expired session"));
    Mode mode = request.header("tender-mode").map(value -> Mode.fromWire(value)
            .orElseThrow(() -> ApiException.invalidRequest("Tender-Mode is test or live")))
        .orElse(Mode.TEST);
    return new Principal.UserCaller(claims.tenantId(), mode, claims.userId(), role, claims.mfaVerifiedAt());
  }

  private static Optional<String> bearerToken(String authorization) {
    String prefix = "bearer ";
    return authorization.regionMatches(true, 0, prefix, 0, prefix.length())
        ? Optional.of(authorization.substring(prefix.length()).strip()).filter(t -> !t.isEmpty())
        : Optional.empty();
  }
}
