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
import io.tender.core.webhook.WebhookEndpoint;
import java.util.Map;

/**
 * {@code DELETE /api/v1/webhooks/{id}}: the endpoint receives nothing more; its pending retries are
 * cancelled. Deleting it again, or another tenant's, answers 404.
 */
public final class DeleteWebhookEndpointHandler
    implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

  /** Switching notifications off is as sensitive as switching them on: a user needs a recent MFA. */
  static final Route ROUTE = Route.authenticated("DELETE /api/v1/webhooks/{id}", ErrorFamily.PLATFORM,
          Permission.WEBHOOKS_MANAGE)
      .withStepUp(MfaAction.WEBHOOKS)
      .limitedBy(RateLimitPolicies.WEBHOOKS_WRITE, Route.RateScope.TENANT);

  /** Cancelled now, for the log; any beyond are cancelled by their own next attempt. */
  static final int CANCEL_AT_ONCE = 500;

  private final Platform platform;

  public DeleteWebhookEndpointHandler() {
    this(Platform.fromEnvironment());
  }

  DeleteWebhookEndpointHandler(Platform platform) {
    this.platform = platform;
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    return platform.pipeline().handle(event, context, ROUTE, call -> {
      WebhookEndpoint deleted = platform.webhookEndpoints().delete(call.principal(),
          call.request().pathParameter("id").orElse(null));
      int cancelled = platform.webhookDispatcher().cancelPending(deleted.tenantId(), deleted.mode(), deleted.id(),
          CANCEL_AT_ONCE);
      call.audit("webhook_endpoint.deleted", Map.of("endpointId", deleted.id(),
          "cancelledDeliveries", Integer.toString(cancelled)));
      return ApiResult.ok(WebhookViews.endpoint(deleted));
    });
  }
}
