package io.tender.functions.link;

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
import io.tender.core.link.CreatePaymentLink;
import io.tender.core.link.PaymentLink;
import java.util.Map;

/** {@code POST /api/v1/links}: a shareable link for a fixed amount; honours Idempotency-Key. */
public final class CreatePaymentLinkHandler
    implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

  /** A standing offer to take payments: a user needs the same recent MFA as for one payment. */
  static final Route ROUTE = Route.authenticated("POST /api/v1/links", ErrorFamily.PLATFORM, Permission.LINKS_MANAGE)
      .withStepUp(MfaAction.CREATE_PAYMENT)
      .limitedBy(RateLimitPolicies.LINKS_WRITE, Route.RateScope.TENANT)
      .idempotent();

  /** The body as the merchant API names its fields (seed: {@code expires_at}, {@code usage_limit}). */
  record Body(String slug, Long amount, String currency, String reference, String expires_at, Long usage_limit,
      String successUrl, String cancelUrl) {
    CreatePaymentLink request() {
      return new CreatePaymentLink(slug, amount, currency, reference, expires_at, usage_limit, successUrl, cancelUrl);
    }
  }

  private final Platform platform;

  public CreatePaymentLinkHandler() {
    this(Platform.fromEnvironment());
  }

  CreatePaymentLinkHandler(Platform platform) {
    this.platform = platform;
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    return platform.pipeline().handle(event, context, ROUTE, call -> {
      PaymentLink link = platform.links().create(call.principal(), call.body(Body.class).request());
      call.audit("payment_link.created", Map.of("slug", link.slug(), "amount", Long.toString(link.amount().minor()),
          "currency", link.amount().currency().code()));
      return ApiResult.ok(PaymentLinkViews.merchant(link));
    });
  }
}
