package io.tender.functions.checkout;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tender.adapter.http.ApiResult;
import io.tender.adapter.http.ErrorFamily;
import io.tender.adapter.http.Route;
import io.tender.adapter.json.JsonFields;
import io.tender.adapter.platform.Platform;
import io.tender.functions.snapstart.SnapStartPriming;
import io.tender.core.auth.MfaAction;
import io.tender.core.auth.Permission;
import io.tender.core.checkout.CheckoutSessions;
import io.tender.core.checkout.CreateCheckoutSession;
import io.tender.core.ratelimit.RateLimitPolicies;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code POST /api/v1/checkout/sessions}: a hosted payment page for an amount; honours Idempotency-Key. */
public final class CreateCheckoutSessionHandler
    implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

  static final Route ROUTE = Route.authenticated("POST /api/v1/checkout/sessions", ErrorFamily.PLATFORM,
          Permission.CHECKOUT_CREATE)
      .withStepUp(MfaAction.CREATE_PAYMENT)
      .limitedBy(RateLimitPolicies.CHECKOUT_SESSION_CREATE, Route.RateScope.TENANT)
      .idempotent();

  private static final Set<String> FIELDS =
      Set.of("amount", "currency", "reference", "methodTypes", "successUrl", "cancelUrl");

  private final Platform platform;

  public CreateCheckoutSessionHandler() {
    this(Platform.fromEnvironment());
  }

  CreateCheckoutSessionHandler(Platform platform) {
    this.platform = platform;
    SnapStartPriming.register(platform);
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    return platform.pipeline().handle(event, context, ROUTE, call -> {
      CheckoutSessions.View view = platform.checkouts().create(call.principal(), call.body(CreateCheckoutSession.class,
          CreateCheckoutSessionHandler::fromJson));
      call.audit("checkout.session.created", Map.of("sessionId", view.session().id(),
          "paymentId", view.payment().id(), "amount", Long.toString(view.payment().amounts().requested()),
          "currency", view.payment().currency()));
      return ApiResult.ok(CheckoutSessionViews.created(view));
    });
  }

  /** The request as sent, when every field is plainly of its type; anything else is left to the mapper. */
  static Optional<CreateCheckoutSession> fromJson(ObjectNode body) {
    if (!JsonFields.onlyThese(body, FIELDS) || !JsonFields.isLong(body, "amount")
        || !JsonFields.isText(body, "currency", "reference", "successUrl", "cancelUrl")
        || !JsonFields.isTextList(body, "methodTypes")) {
      return Optional.empty();
    }
    return Optional.of(new CreateCheckoutSession(JsonFields.longOrNull(body, "amount"),
        JsonFields.textOrNull(body, "currency"), JsonFields.textOrNull(body, "reference"),
        JsonFields.textListOrNull(body, "methodTypes"), JsonFields.textOrNull(body, "successUrl"),
        JsonFields.textOrNull(body, "cancelUrl")));
  }
}
