package io.tender.functions.refund;

import io.tender.core.id.Ids;
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
import io.tender.core.error.ApiException;
import io.tender.core.ratelimit.RateLimitPolicies;
import io.tender.core.refund.CreateRefund;
import io.tender.core.refund.Refunds;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code POST /api/v1/refunds}: a partial or full refund of a captured payment. */
public final class CreateRefundHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

  static final Route ROUTE = Route.authenticated("POST /api/v1/refunds", ErrorFamily.PLATFORM,
          Permission.REFUNDS_CREATE)
      .withStepUp(MfaAction.REFUND)
      .limitedBy(RateLimitPolicies.REFUND_CREATE, Route.RateScope.TENANT)
      .idempotent();

  private final Platform platform;

  public CreateRefundHandler() {
    this(Platform.fromEnvironment());
  }

  CreateRefundHandler(Platform platform) {
    this.platform = platform;
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    return platform.pipeline().handle(event, context, ROUTE, call -> {
      CreateRefund request = call.body(CreateRefund.class);
      Refunds.Refunded refunded;
      try {
        refunded = platform.refunds().refund(call.principal(), request, call.request().header("idempotency-key"));
      } catch (ApiException refused) {
        // Only a well-formed id is kept: the trail is permanent, and a client may send anything, a card number included.
        call.audit("refund.failed", Map.of("paymentId", Ids.isId("pay", request.paymentId())
                ? request.paymentId() : "invalid",
            "amount", Long.toString(request.amount()), "code", refused.code().wire()));
        throw refused;
      }
      call.audit("refund.created", Map.of("refundId", refunded.refundId(), "paymentId", refunded.paymentId(),
          "amount", Long.toString(refunded.amount()), "status", refunded.status()));
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("refundId", refunded.refundId());
      body.put("paymentId", refunded.paymentId());
      body.put("status", refunded.status());
      body.put("amount", refunded.amount());
      body.put("providerRefundId", refunded.providerRefundId().orElse(null));
      return ApiResult.ok(body);
    });
  }
}
