package io.tender.functions.webhook;

import io.tender.core.id.Ids;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.tender.adapter.http.ApiResult;
import io.tender.adapter.http.ErrorFamily;
import io.tender.adapter.http.Route;
import io.tender.adapter.json.Json;
import io.tender.adapter.platform.Platform;
import io.tender.core.auth.Permission;
import io.tender.core.ratelimit.RateLimitPolicies;
import io.tender.core.webhook.StoredEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /api/v1/events?after=evt_...&limit=}: the pull fallback for a merchant whose endpoint
 * was down past the retries. The committed events of the last 30 days, oldest first, each exactly
 * as its webhook carries it; {@code next_after} continues where a page stopped. Test sends are
 * never here: they were never committed.
 */
public final class ListMerchantEventsHandler
    implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

  static final Route ROUTE = Route.authenticated("GET /api/v1/events", ErrorFamily.PLATFORM,
          Permission.WEBHOOKS_MANAGE)
      .limitedBy(RateLimitPolicies.EVENTS_READ, Route.RateScope.TENANT);

  private final Platform platform;

  public ListMerchantEventsHandler() {
    this(Platform.fromEnvironment());
  }

  ListMerchantEventsHandler(Platform platform) {
    this.platform = platform;
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    return platform.pipeline().handle(event, context, ROUTE, call -> {
      Optional<String> after = WebhookViews.matching(call.request().queryParameter("after"), "after",
          id -> Ids.isId("evt", id), "after is the id of an event already read (evt_...).");
      int limit = WebhookViews.limit(call.request().queryParameter("limit"));
      // One more than asked says whether another page follows without a second query.
      List<StoredEvent> found = platform.merchantEvents().after(call.tenantId(), call.mode(), after, limit + 1,
          call.now());
      List<StoredEvent> page = found.subList(0, Math.min(limit, found.size()));
      boolean more = found.size() > limit;
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("data", page.stream().map(ListMerchantEventsHandler::body).toList());
      body.put("has_more", more);
      body.put("next_after", page.isEmpty() ? after.orElse(null) : page.getLast().id());
      return ApiResult.ok(body);
    });
  }

  /** The stored body is the JSON every delivery signed; it is answered as that object, unchanged. */
  private static JsonNode body(StoredEvent event) {
    try {
      return Json.mapper().readTree(event.body());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored event " + event.id() + " is not JSON", e);
    }
  }
}
