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
import io.tender.core.apikey.CreatedApiKey;
import io.tender.core.auth.MfaAction;
import io.tender.core.auth.Permission;
import java.util.Map;

/** {@code POST /api/keys:create}: a new key for the caller's tenant and mode; the secret is shown once. */
public final class CreateApiKeyHandler
    implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

  static final Route ROUTE = Route.authenticated("POST /api/keys:create", ErrorFamily.PLATFORM,
          Permission.API_KEYS_MANAGE)
      .withStepUp(MfaAction.API_KEYS)
      // Not idempotent: replaying would mean storing the secret, which exists only in this answer.
      .limitedBy(RateLimitPolicies.API_KEYS, Route.RateScope.TENANT);

  record CreateApiKey(String name) {}

  private final Platform platform;

  public CreateApiKeyHandler() {
    this(Platform.fromEnvironment());
  }

  CreateApiKeyHandler(Platform platform) {
    this.platform = platform;
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    return platform.pipeline().handle(event, context, ROUTE, call -> {
      CreatedApiKey created = platform.apiKeys().create(call.tenantId(), call.mode(),
          call.body(CreateApiKey.class).name());
      call.audit("api_key.created", Map.of("keyId", created.key().id(), "mode", created.key().mode().wire()));
      return ApiResult.ok(ApiKeyViews.created(created));
    });
  }
}
