package io.tender.functions.checkout;

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

/** {@code GET /api/v1/checkout/sessions/{id}}: the session and its payment's status. */
public final class GetCheckoutSessionHandler
    implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

  static final Route ROUTE = Route.authenticated("GET /api/v1/checkout/sessions/{id}", ErrorFamily.PLATFORM,
          Permission.CHECKOUT_READ)
      .limitedBy(RateLimitPolicies.CHECKOUT_SESSION_GET, Route.RateScope.TENANT);

  private final Platform platform;

  public GetCheckoutSessionHandler() {
    this(Platform.fromEnvironment());
  }

  GetCheckoutSessionHandler(Platform platform) {
    this.platform = platform;
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    return platform.pipeline().handle(event, context, ROUTE, call -> {
      String id = call.request().pathParameter("id").orElse(null);
      return ApiResult.ok(CheckoutSessionViews.detailed(
          platform.checkouts().view(call.tenantId(), call.mode(), id), call.now()));
    });
  }
}
