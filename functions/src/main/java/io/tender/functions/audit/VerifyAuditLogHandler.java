package io.tender.functions.audit;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.tender.adapter.http.ApiResult;
import io.tender.adapter.http.ErrorFamily;
import io.tender.adapter.http.Route;
import io.tender.adapter.platform.Platform;
import io.tender.core.ratelimit.RateLimitPolicies;
import io.tender.core.audit.ChainVerification;
import io.tender.core.auth.Permission;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code GET /api/v1/audit-logs/verify}: walks the tenant's hash chain and says where it breaks. */
public final class VerifyAuditLogHandler
    implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

  static final Route ROUTE = Route.authenticated("GET /api/v1/audit-logs/verify", ErrorFamily.PLATFORM,
      Permission.AUDIT_READ)
      .limitedBy(RateLimitPolicies.AUDIT_READ, Route.RateScope.TENANT);

  private final Platform platform;

  public VerifyAuditLogHandler() {
    this(Platform.fromEnvironment());
  }

  VerifyAuditLogHandler(Platform platform) {
    this.platform = platform;
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    return platform.pipeline().handle(event, context, ROUTE, call -> {
      ChainVerification result = platform.audit().verify(call.tenantId());
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("intact", result.intact());
      body.put("entriesChecked", result.entriesChecked());
      body.put("firstBrokenSequence", result.firstBrokenSequence().orElse(null));
      body.put("problem", result.problem().orElse(null));
      return ApiResult.ok(body);
    });
  }
}
