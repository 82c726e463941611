package io.tender.functions.apikeys;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.tender.adapter.http.ApiResult;
import io.tender.adapter.http.ErrorFamily;
import io.tender.adapter.http.Route;
import io.tender.adapter.platform.Platform;
import io.tender.core.ratelimit.RateLimitPolicies;
import io.tender.core.auth.MfaAction;
import io.tender.core.auth.Permission;
import io.tender.core.apikey.ApiKeyService;
import java.util.Map;

/** {@code POST /api/keys:revoke}: revokes one of the tenant's keys; repeating it answers the same. */
public final class RevokeApiKeyHandler
    implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

  static final Route ROUTE = Route.authenticated("POST /api/keys:revoke", ErrorFamily.PLATFORM,
          Permission.API_KEYS_MANAGE)
      .withStepUp(MfaAction.API_KEYS)
      .limitedBy(RateLimitPolicies.API_KEYS, Route.RateScope.TENANT);

  record RevokeApiKey(String keyId) {}

  private final Platform platform;

  public RevokeApiKeyHandler() {
    this(Platform.fromEnvironment());
  }

  RevokeApiKeyHandler(Platform platform) {
    this.platform = platform;
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    return platform.pipeline().handle(event, context, ROUTE, call -> {
      String keyId = call.body(RevokeApiKey.class).keyId();
      ApiKeyService.Revocation revocation = platform.apiKeys().revoke(call.tenantId(), call.mode(), keyId);
      if (revocation.byThisCall()) {
        call.audit("api_key.revoked", Map.of("keyId", keyId));
      }
      return ApiResult.ok(Map.of("success", true, "revokedAt", revocation.revokedAt().toString()));
    });
  }
}
