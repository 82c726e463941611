package io.tender.functions.webhook;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.tender.adapter.http.ApiResult;
import io.tender.adapter.http.ErrorFamily;
import io.tender.adapter.http.Route;
import io.tender.adapter.platform.Platform;
import io.tender.core.auth.MfaAction;
import io.tender.core.auth.Permission;
import io.tender.core.ratelimit.RateLimitPolicies;
import io.tender.core.webhook.WebhookEndpoints;
import java.util.Map;

/**
 * {@code POST /api/v1/webhooks/{id}/rotate-secret}: a new signing secret, answered this once; the
 * old one keeps signing alongside it for 24 hours, while the merchant deploys the new one.
 */
public final class RotateWebhookSecretHandler
    implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

  static final Route ROUTE = Route.authenticated("POST /api/v1/webhooks/{id}/rotate-secret", ErrorFamily.PLATFORM,
          Permission.WEBHOOKS_MANAGE)
      .withStepUp(MfaAction.WEBHOOKS)
      .limitedBy(RateLimitPolicies.WEBHOOKS_WRITE, Route.RateScope.TENANT);

  private final Platform platform;

  public RotateWebhookSecretHandler() {
    this(Platform.fromEnvironment());
  }

  RotateWebhookSecretHandler(Platform platform) {
    this.platform = platform;
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    return platform.pipeline().handle(event, context, ROUTE, call -> {
      WebhookEndpoints.WithSecret rotated = platform.webhookEndpoints().rotateSecret(call.principal(),
          call.request().pathParameter("id").orElse(null));
      call.audit("webhook_endpoint.secret_rotated", Map.of("endpointId", rotated.endpoint().id()));
      return ApiResult.ok(WebhookViews.withSecret(rotated));
    });
  }
}
