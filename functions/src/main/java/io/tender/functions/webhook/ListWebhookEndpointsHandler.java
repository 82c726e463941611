package io.tender.functions.webhook;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.tender.adapter.http.ApiResult;
import io.tender.adapter.http.ErrorFamily;
import io.tender.adapter.http.Route;
import io.tender.adapter.platform.Platform;
import io.tender.core.auth.Permission;
import io.tender.core.ratelimit.RateLimitPolicies;
import java.util.Map;

/** {@code GET /api/v1/webhooks}: the tenant's endpoints in the caller's mode, newest first, without secrets. */
public final class ListWebhookEndpointsHandler
    implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

  static final Route ROUTE = Route.authenticated("GET /api/v1/webhooks", ErrorFamily.PLATFORM,
          Permission.WEBHOOKS_MANAGE)
      .limitedBy(RateLimitPolicies.WEBHOOKS_READ, Route.RateScope.TENANT);

  private final Platform platform;

  public ListWebhookEndpointsHandler() {
    this(Platform.fromEnvironment());
  }

  ListWebhookEndpointsHandler(Platform platform) {
    this.platform = platform;
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    return platform.pipeline().handle(event, context, ROUTE, call -> ApiResult.ok(Map.of("data",
        platform.webhookEndpoints().list(call.principal()).stream().map(WebhookViews::endpoint).toList())));
  }
}
