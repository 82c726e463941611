package io.tender.functions.stripe;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.tender.adapter.http.ApiRequest;
import io.tender.adapter.http.HttpResponses;
import io.tender.adapter.platform.Platform;
import io.tender.functions.snapstart.SnapStartPriming;
import io.tender.adapter.stripe.StripeWebhookIngress;
import io.tender.core.error.ApiException;

/** {@code POST /api/webhooks/stripe}: Stripe's events, verified, recorded and queued for settlement. */
public final class ReceiveStripeWebhookHandler
    implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

  private final Platform platform;

  public ReceiveStripeWebhookHandler() {
    this(Platform.fromEnvironment());
  }

  ReceiveStripeWebhookHandler(Platform platform) {
    this.platform = platform;
    SnapStartPriming.register(platform);
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    ApiRequest request = new ApiRequest(event, StripeWebhookIngress.MAX_BODY_BYTES);
    byte[] body;
    try {
      body = request.body();
    } catch (ApiException tooLargeOrUnreadable) {
      return HttpResponses.json(tooLargeOrUnreadable.status(), java.util.Map.of("error", tooLargeOrUnreadable.getMessage()));
    }
    StripeWebhookIngress.Answer answer = platform.stripeWebhooks().receive(body, request.header("stripe-signature"));
    return HttpResponses.json(answer.status(), answer.body());
  }
}
