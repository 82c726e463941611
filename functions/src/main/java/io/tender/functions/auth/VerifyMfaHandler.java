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
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /api/v1/auth/mfa/verify} {code | recoveryCode}: step-up MFA. Answers a renewed
 * session whose MFA time is now, which step-up actions accept for a few minutes.
 */
public final class VerifyMfaHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

  static final Route ROUTE = Route.signedIn("POST /api/v1/auth/mfa/verify", ErrorFamily.PLATFORM)
      .limitedBy(RateLimitPolicies.MFA, Route.RateScope.CALLER);

  record Verify(String code, String recoveryCode) {}

  private final Platform platform;

  public VerifyMfaHandler() {
    this(Platform.fromEnvironment());
  }

  VerifyMfaHandler(Platform platform) {
    this.platform = platform;
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    return platform.pipeline().handle(event, context, ROUTE, call -> {
      Verify body = call.body(Verify.class);
      boolean viaRecoveryCode = body.code() == null && body.recoveryCode() != null;
      var session = platform.users().verify(call.user(),
          Optional.ofNullable(body.code()), Optional.ofNullable(body.recoveryCode()));
      if (viaRecoveryCode) {
        call.audit("user.mfa.recovery_code_used", Map.of("userId", call.principal().actorId()));
      }
      return ApiResult.ok(SessionViews.session(session));
    });
  }
}
