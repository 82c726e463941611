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
import io.tender.core.auth.Permission;
import java.util.Map;

/** {@code GET /api/keys}: the tenant's keys in the caller's mode, newest first, never a secret. */
public final class ListApiKeysHandler
    implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

  static final Route ROUTE = Route.authenticated("GET /api/keys", ErrorFamily.PLATFORM,
          Permission.API_KEYS_MANAGE)
      .limitedBy(RateLimitPolicies.API_KEYS_READ, Route.RateScope.TENANT);

  private final Platform platform;

  public ListApiKeysHandler() {
    this(Platform.fromEnvironment());
  }

  ListApiKeysHandler(Platform platform) {
    this.platform = platform;
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    return platform.pipeline().handle(event, context, ROUTE, call -> ApiResult.ok(Map.of("data",
        platform.apiKeys().list(call.tenantId(), call.mode()).stream().map(ApiKeyViews::listed).toList())));
  }
}
