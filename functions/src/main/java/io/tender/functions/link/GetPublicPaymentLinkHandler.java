package io.tender.functions.link;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.tender.adapter.http.ApiResult;
import io.tender.adapter.http.ErrorFamily;
import io.tender.adapter.http.Route;
import io.tender.adapter.platform.Platform;
import io.tender.core.ratelimit.RateLimitPolicies;

/** {@code GET /api/v1/links/{slug}}, public: what the link asks for and whether it can be paid now. */
public final class GetPublicPaymentLinkHandler
    implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

  static final Route ROUTE = Route.open("GET /api/v1/links/{slug}", ErrorFamily.PLATFORM)
      .limitedBy(RateLimitPolicies.PAYMENT_LINK_GET, Route.RateScope.IP);

  private final Platform platform;

  public GetPublicPaymentLinkHandler() {
    this(Platform.fromEnvironment());
  }

  GetPublicPaymentLinkHandler(Platform platform) {
    this.platform = platform;
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    return platform.pipeline().handle(event, context, ROUTE, call -> ApiResult.ok(PaymentLinkViews.publicView(
        platform.links().view(call.request().pathParameter("slug").orElse(null)))));
  }
}
