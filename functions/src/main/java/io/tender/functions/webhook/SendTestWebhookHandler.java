package io.tender.functions.webhook;

import io.tender.adapter.event.MerchantEventJson;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import io.tender.adapter.http.ApiResult;
import io.tender.adapter.http.ErrorFamily;
import io.tender.adapter.http.Route;
import io.tender.adapter.json.Json;
import io.tender.adapter.platform.Platform;
import io.tender.core.auth.MfaAction;
import io.tender.core.auth.Permission;
import io.tender.core.error.ApiException;
import io.tender.core.ratelimit.RateLimitPolicies;
import io.tender.core.webhook.WebhookTestSends;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/webhooks/test {eventType, data}}: sends a test event now, signed like every
 * webhook, to the newest enabled endpoint receiving {@code eventType}, and answers
 * {@code {sent, webhookEventId, targetUrl}} with how the endpoint answered. The event is marked
 * {@code "test": true}, its id starts {@code evt_test_}, and its {@code data.object} is the given
 * {@code data}. The attempt is in the delivery log; the event is not in {@code GET /api/v1/events}.
 */
public final class SendTestWebhookHandler
    implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

  static final Route ROUTE = Route.authenticated("POST /api/webhooks/test", ErrorFamily.PLATFORM,
          Permission.WEBHOOKS_MANAGE)
      .withStepUp(MfaAction.WEBHOOKS)
      .limitedBy(RateLimitPolicies.WEBHOOK_TEST, Route.RateScope.TENANT);

  record Body(String eventType, JsonNode data) {}

  private final Platform platform;

  public SendTestWebhookHandler() {
    this(Platform.fromEnvironment());
  }

  SendTestWebhookHandler(Platform platform) {
    this.platform = platform;
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    return platform.pipeline().handle(event, context, ROUTE, call -> {
      Body body = call.body(Body.class);
      boolean absent = body.data() == null || body.data().isNull();
      if (!absent && !body.data().isObject()) {
        throw ApiException.validation(Map.of("data", List.of("data is a JSON object: the test event's data.object.")));
      }
      JsonNode data = absent ? Json.object() : body.data();
      WebhookTestSends.Sent sent = platform.webhookTests().send(call.principal(), body.eventType(),
          (eventId, created, livemode) -> MerchantEventJson.testBody(eventId, body.eventType(), created, livemode,
              data));
      var attempt = sent.delivery().attempts().getFirst();
      call.audit("webhook.test.sent", Map.of("eventId", sent.eventId(), "eventType", body.eventType(),
          "endpointId", sent.endpoint().id(), "deliveryId", sent.delivery().id(),
          "delivered", Boolean.toString(sent.delivered())));
      Map<String, Object> answer = new LinkedHashMap<>();
      answer.put("sent", sent.delivered());
      answer.put("webhookEventId", sent.eventId());
      answer.put("targetUrl", sent.endpoint().url());
      answer.put("endpointId", sent.endpoint().id());
      answer.put("deliveryId", sent.delivery().id());
      answer.put("statusCode", attempt.statusCode().orElse(null));
      answer.put("errorClass", attempt.errorClass());
      return ApiResult.ok(answer);
    });
  }
}
