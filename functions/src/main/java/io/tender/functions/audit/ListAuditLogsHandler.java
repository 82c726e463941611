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
import io.tender.core.audit.AuditEntry;
import io.tender.core.audit.AuditPage;
import io.tender.core.audit.InvalidAuditCursorException;
import io.tender.core.auth.Permission;
import io.tender.core.error.ApiException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code GET /api/v1/audit-logs?limit=&cursor=}: the tenant's audit trail, newest first. */
public final class ListAuditLogsHandler
    implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

  static final Route ROUTE = Route.authenticated("GET /api/v1/audit-logs", ErrorFamily.PLATFORM,
      Permission.AUDIT_READ)
      .limitedBy(RateLimitPolicies.AUDIT_READ, Route.RateScope.TENANT);

  private final Platform platform;

  public ListAuditLogsHandler() {
    this(Platform.fromEnvironment());
  }

  ListAuditLogsHandler(Platform platform) {
    this.platform = platform;
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    return platform.pipeline().handle(event, context, ROUTE, call -> {
      int limit = call.request().queryParameter("limit").map(ListAuditLogsHandler::limit).orElse(50);
      AuditPage page;
      try {
        page = platform.audit().list(call.tenantId(), call.request().queryParameter("cursor"), limit);
      } catch (InvalidAuditCursorException e) {
        throw ApiException.invalidRequest("The cursor is not one this list gave out");
      }
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("data", page.entries().stream().map(ListAuditLogsHandler::view).toList());
      body.put("nextCursor", page.nextCursor().orElse(null));
      return ApiResult.ok(body);
    });
  }

  private static int limit(String value) {
    try {
      int limit = Integer.parseInt(value);
      if (limit >= 1 && limit <= 100) {
        return limit;
      }
    } catch (NumberFormatException ignored) {
      // answered below
    }
    throw ApiException.validation(Map.of("limit", List.of("The limit is a whole number from 1 to 100.")));
  }

  private static Map<String, Object> view(AuditEntry entry) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("sequence", entry.sequence());
    view.put("action", entry.event().action());
    view.put("actor", Map.of("type", entry.event().actor().type(), "id", entry.event().actor().id()));
    view.put("ip", entry.event().ip());
    view.put("requestId", entry.event().requestId());
    view.put("details", entry.event().details());
    view.put("at", entry.at().toString());
    view.put("previousHash", entry.previousHash());
    view.put("hash", entry.hash());
    return view;
  }
}
