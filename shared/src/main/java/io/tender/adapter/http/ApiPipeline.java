package io.tender.adapter.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.tender.adapter.json.Json;
import io.tender.adapter.log.JsonLog;
import io.tender.core.audit.AuditLog;
import io.tender.core.auth.AccessPolicy;
import io.tender.core.auth.Principal;
import io.tender.core.error.ApiException;
import io.tender.core.error.ErrorCode;
import io.tender.core.idempotency.IdempotencyKey;
import io.tender.core.idempotency.IdempotentExecution;
import io.tender.core.idempotency.RequestFingerprint;
import io.tender.core.idempotency.StoredResponse;
import io.tender.core.ratelimit.RateLimitDecision;
import io.tender.core.ratelimit.RateLimitPolicies;
import io.tender.core.ratelimit.RateLimitScope;
import io.tender.core.tenant.TenantRateLimits;
import io.tender.core.ratelimit.RateLimiter;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The one path every merchant route takes: authenticate, authorize (permission, then step-up
 * MFA), count against the route's rate limit, honour {@code Idempotency-Key}, run the action, and
 * render the answer or the refusal in the route family's shape. Handlers declare a {@link Route}
 * and an action; no handler repeats any of this.
 */
public final class ApiPipeline {
  public static final int MAX_BODY_BYTES = 64 * 1024;

  private final Authenticator authenticator;
  private final AccessPolicy access;
  private final RateLimiter rateLimiter;
  private final TenantRateLimits rateLimits;
  private final IdempotentExecution idempotency;
  private final AuditLog audit;
  private final Clock clock;
  private final JsonLog log;

  /** What a route does once the request is admitted. */
  @FunctionalInterface
  public interface Action {
    ApiResult run(Call call);
  }

  public ApiPipeline(Authenticator authenticator, AccessPolicy access, RateLimiter rateLimiter,
      TenantRateLimits rateLimits, IdempotentExecution idempotency, AuditLog audit, Clock clock, JsonLog log) {
    this.authenticator = authenticator;
    this.access = access;
    this.rateLimiter = rateLimiter;
    this.rateLimits = rateLimits;
    this.idempotency = idempotency;
    this.audit = audit;
    this.clock = clock;
    this.log = log;
  }

  public APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event, Context context, Route route, Action action) {
    String requestId = requestId(event, context);
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("x-request-id", requestId);
    ApiRequest request = new ApiRequest(event, MAX_BODY_BYTES);
    Optional<Principal> principal = Optional.empty();
    try {
      if (!route.isPublic()) {
        principal = Optional.of(authenticator.authenticate(request));
        access.authorize(principal.get(), route.permission(), route.stepUp());
      }
      if (route.rateLimit().isPresent()) {
        RateLimitPolicies policies = principal.map(p -> rateLimits.forTenant(p.tenantId()))
            .orElse(rateLimits.defaults());
        RateLimitDecision decision = rateLimiter.acquire(policies.get(route.rateLimit().get()),
            scope(route, principal, request), clock.instant());
        headers.putAll(decision.headers());
        if (!decision.allowed()) {
          throw ApiException.rateLimited(decision.retryAfterSeconds());
        }
      }
      Call call = new Call(request, principal, requestId, clock.instant(), audit);
      Optional<String> key = request.header("idempotency-key");
      if (route.honoursIdempotencyKey() && key.isPresent() && principal.isPresent()) {
        return idempotently(route, principal.get(), key.get(), request, call, action, context, headers);
      }
      ApiResult result = action.run(call);
      return render(result.status(), Json.write(result.body()), headers);
    } catch (ApiException refused) {
      return refusal(route, refused, headers);
    } catch (RuntimeException failure) {
      // Class and frames only: exception messages can carry request data.
      log.error("request failed", Map.of("route", route.name(), "request_id", requestId,
          "tenant", principal.map(Principal::tenantId).orElse(""), "error", failure.getClass().getName(),
          "at", frames(failure)));
      return refusal(route, ApiException.of(ErrorCode.INTERNAL_ERROR, "Internal error; quote request id " + requestId),
          headers);
    }
  }

  private APIGatewayV2HTTPResponse idempotently(Route route, Principal principal, String key, ApiRequest request,
      Call call, Action action, Context context, Map<String, String> headers) {
    IdempotencyKey idempotencyKey;
    try {
      idempotencyKey = new IdempotencyKey(principal.tenantId(), principal.mode().wire(), route.name(), key);
    } catch (IllegalArgumentException invalid) {
      throw ApiException.invalidRequest(invalid.getMessage());
    }
    // The caller is part of the request: another key or user of the tenant reusing the same
    // Idempotency-Key gets a mismatch, never the first caller's answer.
    String fingerprint = RequestFingerprint.of(request.method(),
        route.name() + " " + principal.actorType() + ":" + principal.actorId(), request.body());
    Duration remaining = Duration.ofMillis(context == null ? 30_000 : context.getRemainingTimeInMillis());
    IdempotentExecution.Outcome outcome = idempotency.execute(idempotencyKey, fingerprint, remaining, () -> {
      ApiResult result = action.run(call);
      return new StoredResponse(result.status(), Json.write(result.body()), Map.of());
    });
    return switch (outcome) {
      case IdempotentExecution.Outcome.Executed executed ->
          render(executed.r().status(), executed.r().body(), headers);
      case IdempotentExecution.Outcome.Replayed replayed -> {
        headers.put("idempotent-replayed", "true");
        yield render(replayed.r().status(), replayed.r().body(), headers);
      }
      case IdempotentExecution.Outcome.Conflict conflict -> refusal(route, ApiException.of(
          ErrorCode.IDEMPOTENCY_KEY_IN_USE,
          "A request with this Idempotency-Key is still being processed; retry shortly"), headers);
      case IdempotentExecution.Outcome.Mismatched mismatched -> refusal(route, ApiException.of(
          ErrorCode.IDEMPOTENCY_ERROR,
          "This Idempotency-Key was used with a different request; use a new key for a new request"), headers);
    };
  }

  private static String scope(Route route, Optional<Principal> principal, ApiRequest request) {
    return switch (route.rateScope()) {
      case IP -> RateLimitScope.ip(request.sourceIp());
      case TENANT -> RateLimitScope.tenant(principal.orElseThrow().tenantId(), principal.get().mode().wire());
      case CALLER -> switch (principal.orElseThrow()) {
        case Principal.ApiKeyCaller key -> RateLimitScope.apiKey(key.keyId());
        case Principal.UserCaller user -> RateLimitScope.user(user.userId());
        case Principal.PaymentLinkPayer payer -> throw new IllegalStateException("a link payer never signs in");
      };
    };
  }

  private static APIGatewayV2HTTPResponse refusal(Route route, ApiException refused, Map<String, String> headers) {
    refused.retryAfterSeconds().ifPresent(seconds -> headers.put("retry-after", Long.toString(seconds)));
    return render(route.family().status(refused), Json.write(route.family().body(refused)), headers);
  }

  private static APIGatewayV2HTTPResponse render(int status, String body, Map<String, String> headers) {
    Map<String, String> all = new LinkedHashMap<>(headers);
    all.put("content-type", "application/json");
    all.put("cache-control", "no-store");
    return APIGatewayV2HTTPResponse.builder().withStatusCode(status).withHeaders(all).withBody(body)
        .withIsBase64Encoded(false).build();
  }

  private static java.util.List<String> frames(Throwable failure) {
    java.util.List<String> frames = new java.util.ArrayList<>();
    for (Throwable t = failure; t != null && frames.size() < 12; t = t.getCause()) {
      if (t != failure) {
        frames.add("caused by " + t.getClass().getName());
      }
      for (StackTraceElement frame : t.getStackTrace()) {
        if (frames.size() >= 12) {
          break;
        }
        frames.add(frame.toString());
      }
    }
    return frames;
  }

  private static String requestId(APIGatewayV2HTTPEvent event, Context context) {
    if (event.getRequestContext() != null && event.getRequestContext().getRequestId() != null) {
      return event.getRequestContext().getRequestId();
    }
    return context != null ? context.getAwsRequestId() : "unknown";
  }

}
