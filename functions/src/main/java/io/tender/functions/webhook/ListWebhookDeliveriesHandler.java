package io.tender.functions.webhook;

import io.tender.core.id.Ids;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.tender.adapter.http.ApiRequest;
import io.tender.adapter.http.ApiResult;
import io.tender.adapter.http.ErrorFamily;
import io.tender.adapter.http.Route;
import io.tender.adapter.platform.Platform;
import io.tender.core.auth.Permission;
import io.tender.core.ratelimit.RateLimitPolicies;
import io.tender.core.webhook.WebhookDelivery;
import io.tender.core.webhook.WebhookDeliveryRepository;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /api/v1/webhooks/deliveries?endpoint=&event=&status=&cursor=&limit=}: the delivery log
 * (the audit trail of every attempt: time, HTTP status, latency, error class, an excerpt of the
 * answer), newest first, in the caller's tenant and mode.
 */
public final class ListWebhookDeliveriesHandler
    implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

  static final Route ROUTE = Route.authenticated("GET /api/v1/webhooks/deliveries", ErrorFamily.PLATFORM,
          Permission.WEBHOOKS_MANAGE)
      .limitedBy(RateLimitPolicies.WEBHOOKS_READ, Route.RateScope.TENANT);

  private static final String STATUSES = String.join(", ",
      Arrays.stream(WebhookDelivery.Status.values()).map(WebhookDelivery.Status::wire).toList());

  private final Platform platform;

  public ListWebhookDeliveriesHandler() {
    this(Platform.fromEnvironment());
  }

  ListWebhookDeliveriesHandler(Platform platform) {
    this.platform = platform;
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    return platform.pipeline().handle(event, context, ROUTE, call -> {
      ApiRequest request = call.request();
      WebhookDeliveryRepository.DeliveryFilter filter = new WebhookDeliveryRepository.DeliveryFilter(
          WebhookViews.matching(request.queryParameter("endpoint"), "endpoint", id -> Ids.isId("we", id),
              "endpoint is a webhook endpoint id (we_...)."),
          WebhookViews.matching(request.queryParameter("event"), "event",
              id -> Ids.isId("evt", id) || Ids.isId("evt_test", id),
              "event is an event id (evt_...)."),
          status(request.queryParameter("status")));
      int limit = WebhookViews.limit(request.queryParameter("limit"));
      Optional<String> cursor = WebhookViews.matching(request.queryParameter("cursor"), "cursor",
          text -> text.matches("[A-Za-z0-9_-]{1,400}"),
          "cursor is the nextCursor of the previous page.");
      WebhookDeliveryRepository.DeliveryPage page = platform.webhookDeliveries()
          .list(call.tenantId(), call.mode(), filter, cursor, limit);
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("data", page.deliveries().stream().map(WebhookViews::delivery).toList());
      body.put("nextCursor", page.nextCursor().orElse(null));
      return ApiResult.ok(body);
    });
  }

  private static Optional<WebhookDelivery.Status> status(Optional<String> value) {
    return WebhookViews.matching(value.map(text -> text.toLowerCase(Locale.ROOT)), "status",
            text -> text.matches("pending|succeeded|failed|cancelled"), "status is one of " + STATUSES + ".")
        .map(text -> WebhookDelivery.Status.valueOf(text.toUpperCase(Locale.ROOT)));
  }
}
