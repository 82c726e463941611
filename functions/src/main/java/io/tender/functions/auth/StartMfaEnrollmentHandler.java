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
import io.tender.core.user.UserAccounts;
import java.util.Map;

/** {@code POST /api/v1/auth/mfa/enroll}: an {@code otpauth://} URI for the user's authenticator app. */
public final class StartMfaEnrollmentHandler
    implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

  static final Route ROUTE = Route.signedIn("POST /api/v1/auth/mfa/enroll", ErrorFamily.PLATFORM)
      .limitedBy(RateLimitPolicies.MFA, Route.RateScope.CALLER);

  private final Platform platform;

  public StartMfaEnrollmentHandler() {
    this(Platform.fromEnvironment());
  }

  StartMfaEnrollmentHandler(Platform platform) {
    this.platform = platform;
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    return platform.pipeline().handle(event, context, ROUTE, call -> {
      UserAccounts.Enrollment enrollment = platform.users().startEnrollment(call.user());
      return ApiResult.ok(Map.of("otpauthUri", enrollment.otpauthUri(), "secret", enrollment.secret()));
    });
  }
}
