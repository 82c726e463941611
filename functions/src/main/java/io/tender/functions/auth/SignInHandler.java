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
import java.util.Optional;

/**
 * {@code POST /api/v1/auth/login} {email, password, code?}: a short-lived session token. Limited
 * per client IP here and per account inside sign-in, so neither one address nor many can guess
 * one account's password.
 */
public final class SignInHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

  static final Route ROUTE = Route.open("POST /api/v1/auth/login", ErrorFamily.PLATFORM)
      .limitedBy(RateLimitPolicies.LOGIN_IP, Route.RateScope.IP);

  record SignIn(String email, String password, String code) {}

  private final Platform platform;

  public SignInHandler() {
    this(Platform.fromEnvironment());
  }

  SignInHandler(Platform platform) {
    this.platform = platform;
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    return platform.pipeline().handle(event, context, ROUTE, call -> {
      SignIn body = call.body(SignIn.class);
      char[] password = body.password() == null ? new char[0] : body.password().toCharArray();
      return ApiResult.ok(SessionViews.session(platform.users().signIn(body.email(), password,
          Optional.ofNullable(body.code()))));
    });
  }
}
