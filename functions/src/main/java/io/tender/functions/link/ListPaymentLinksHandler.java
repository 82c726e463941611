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

/** {@code GET /api/v1/links?limit=&cursor=}: the tenant's links in the caller's mode, newest first. */
public final class ListPaymentLinksHandler
    implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

  static final Route ROUTE = Route.authenticated("GET /api/v1/links", ErrorFamily.PLATFORM, Permission.LINKS_MANAGE)
      .limitedBy(RateLimitPolicies.LINKS_READ, Route.RateScope.TENANT);

  private final Platform platform;

  public ListPaymentLinksHandler() {
    this(Platform.fromEnvironment());
  }

  ListPaymentLinksHandler(Platform platform) {
    this.platform = platform;
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    return platform.pipeline().handle(event, context, ROUTE, call -> ApiResult.ok(PaymentLinkViews.page(
        platform.links().list(call.tenantId(), call.mode(), call.request().queryParameter("cursor"),
            PaymentLinkViews.limit(call.request().queryParameter("limit"))),
        PaymentLinkViews::merchant)));
  }
}
