package io.tender.functions.link;

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
import io.tender.core.link.PaymentLinks;
import java.util.Map;

/** {@code POST /api/v1/links/{slug}/deactivate}: the link takes no more payments; repeating it answers the same. */
public final class DeactivatePaymentLinkHandler
    implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

  static final Route ROUTE = Route.authenticated("POST /api/v1/links/{slug}/deactivate", ErrorFamily.PLATFORM,
      Permission.LINKS_MANAGE).limitedBy(RateLimitPolicies.LINKS_WRITE, Route.RateScope.TENANT);

  private final Platform platform;

  public DeactivatePaymentLinkHandler() {
    this(Platform.fromEnvironment());
  }

  DeactivatePaymentLinkHandler(Platform platform) {
    this.platform = platform;
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    return platform.pipeline().handle(event, context, ROUTE, call -> {
      String slug = call.request().pathParameter("slug").orElse(null);
      PaymentLinks.Deactivation deactivation = platform.links().deactivate(call.tenantId(), call.mode(), slug);
      if (deactivation.byThisCall()) {
        call.audit("payment_link.deactivated", Map.of("slug", slug));
      }
      return ApiResult.ok(PaymentLinkViews.merchant(deactivation.link()));
    });
  }
}
