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
import io.tender.core.webhook.RegisterWebhookEndpoint;
import io.tender.core.webhook.WebhookEndpoints;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/v1/webhooks {url, events[]}}: registers an endpoint on one of the tenant's
 * approved domains, past the SSRF guard, and answers its signing secret this once.
 */
public final class CreateWebhookEndpointHandler
    implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

  /*
   * Idempotent, unlike API key creation: a replay answers the same secret, and the table holds
   * that secret anyway (every delivery is signed with it), where an API key keeps only its hash.
   */
  static final Route ROUTE = Route.authenticated("POST /api/v1/webhooks", ErrorFamily.PLATFORM,
          Permission.WEBHOOKS_MANAGE)
      .withStepUp(MfaAction.WEBHOOKS)
      .limitedBy(RateLimitPolicies.WEBHOOKS_WRITE, Route.RateScope.TENANT)
      .idempotent();

  record Body(String url, List<String> events) {}

  private final Platform platform;

  public CreateWebhookEndpointHandler() {
    this(Platform.fromEnvironment());
  }

  CreateWebhookEndpointHandler(Platform platform) {
    this.platform = platform;
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    return platform.pipeline().handle(event, context, ROUTE, call -> {
      Body body = call.body(Body.class);
      WebhookEndpoints.WithSecret created = platform.webhookEndpoints().register(call.principal(),
          new RegisterWebhookEndpoint(body.url(), body.events()));
      call.audit("webhook_endpoint.created", Map.of("endpointId", created.endpoint().id(),
          "events", String.join(",", created.endpoint().events().stream().sorted().toList())));
      return ApiResult.ok(WebhookViews.withSecret(created));
    });
  }
}
