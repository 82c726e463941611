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
import java.util.List;

/**
 * {@code POST /api/v1/links/{slug}/checkout}, public: opens a checkout for the link's amount
 * {methodTypes} (the body may be left out: card). Not audited: the payer is nobody the tenant knows.
 */
public final class CheckoutPaymentLinkHandler
    implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

  static final Route ROUTE = Route.open("POST /api/v1/links/{slug}/checkout", ErrorFamily.PLATFORM)
      .limitedBy(RateLimitPolicies.PAYMENT_LINK_CHECKOUT, Route.RateScope.IP);

  record Body(List<String> methodTypes) {}

  private final Platform platform;

  public CheckoutPaymentLinkHandler() {
    this(Platform.fromEnvironment());
  }

  CheckoutPaymentLinkHandler(Platform platform) {
    this.platform = platform;
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    return platform.pipeline().handle(event, context, ROUTE, call -> {
      List<String> methodTypes = call.request().body().length == 0 ? null : call.body(Body.class).methodTypes();
      return ApiResult.ok(PaymentLinkViews.checkout(
          platform.links().checkout(call.request().pathParameter("slug").orElse(null), methodTypes)));
    });
  }
}
