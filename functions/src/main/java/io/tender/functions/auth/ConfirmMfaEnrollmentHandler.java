package io.tender.functions.auth;

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
import java.util.Map;

/** {@code POST /api/v1/auth/mfa/confirm} {code}: turns MFA on; the recovery codes are shown once. */
public final class ConfirmMfaEnrollmentHandler
    implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

  static final Route ROUTE = Route.signedIn("POST /api/v1/auth/mfa/confirm", ErrorFamily.PLATFORM)
      .limitedBy(RateLimitPolicies.MFA, Route.RateScope.CALLER);

  record Confirm(String code) {}

  private final Platform platform;

  public ConfirmMfaEnrollmentHandler() {
    this(Platform.fromEnvironment());
  }

  ConfirmMfaEnrollmentHandler(Platform platform) {
    this.platform = platform;
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    return platform.pipeline().handle(event, context, ROUTE, call -> {
      List<String> recoveryCodes = platform.users().confirmEnrollment(
          call.user(), call.body(Confirm.class).code());
      call.audit("user.mfa.enabled", Map.of("userId", call.principal().actorId()));
      return ApiResult.ok(Map.of("enabled", true, "recoveryCodes", recoveryCodes));
    });
  }
}
