package io.tender.functions.webhook;

import io.tender.core.id.Ids;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.tender.adapter.dynamo.MerchantEventItems;
import io.tender.adapter.http.ApiResult;
import io.tender.adapter.http.ErrorFamily;
import io.tender.adapter.http.Route;
import io.tender.adapter.platform.Platform;
import io.tender.core.auth.Permission;
import io.tender.core.error.ApiException;
import io.tender.core.error.ErrorCode;
import io.tender.core.ratelimit.RateLimitPolicies;
import io.tender.core.webhook.WebhookDelivery;
import io.tender.core.webhook.WebhookEndpoint;
import java.util.Map;

/**
 * {@code POST /api/v1/webhooks/deliveries/{id}/redeliver}: sends the delivery's event to its
 * endpoint again, as a new delivery (a fresh id, {@code redelivery_of} the original) with its own
 * attempts and retries. Honours {@code Idempotency-Key}, so a retried request sends once.
 */
public final class RedeliverWebhookHandler
    implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

  static final Route ROUTE = Route.authenticated("POST /api/v1/webhooks/deliveries/{id}/redeliver",
          ErrorFamily.PLATFORM, Permission.WEBHOOKS_MANAGE)
      .limitedBy(RateLimitPolicies.WEBHOOKS_WRITE, Route.RateScope.TENANT)
      .idempotent();

  private final Platform platform;

  public RedeliverWebhookHandler() {
    this(Platform.fromEnvironment());
  }

  RedeliverWebhookHandler(Platform platform) {
    this.platform = platform;
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    return platform.pipeline().handle(event, context, ROUTE, call -> {
      String id = call.request().pathParameter("id").filter(value -> Ids.isId("wd", value))
          .orElseThrow(() -> ApiException.notFound("Webhook delivery"));
      WebhookDelivery original = platform.webhookDeliveries().find(call.tenantId(), call.mode(), id)
          .orElseThrow(() -> ApiException.notFound("Webhook delivery"));
      if (original.isTest()) {
        throw ApiException.of(ErrorCode.CONFLICT,
            "A test delivery is not redelivered: its event was never stored. Send another with POST /api/webhooks/test");
      }
      WebhookEndpoint endpoint = platform.webhookEndpoints().list(call.principal()).stream()
          .filter(candidate -> candidate.id().equals(original.endpointId()))
          .findFirst()
          .orElseThrow(() -> ApiException.of(ErrorCode.CONFLICT,
              "The endpoint of this delivery was deleted; nothing can be sent to it"));
      if (platform.merchantEvents().find(call.tenantId(), call.mode(), original.eventId())
          .filter(stored -> stored.created().plus(MerchantEventItems.RETENTION).isAfter(call.now()))
          .isEmpty()) {
        throw ApiException.of(ErrorCode.CONFLICT, "The event of this delivery is older than 30 days and no longer kept");
      }
      WebhookDelivery again = platform.webhookDispatcher().redeliver(original, platform.ids().next("wd"));
      call.audit("webhook_delivery.redelivered", Map.of("deliveryId", again.id(), "redeliveryOf", original.id(),
          "eventId", original.eventId(), "endpointId", endpoint.id()));
      return ApiResult.ok(WebhookViews.delivery(again));
    });
  }
}
