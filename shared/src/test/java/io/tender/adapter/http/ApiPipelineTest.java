package io.tender.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import io.tender.adapter.json.Json;
import io.tender.adapter.log.JsonLog;
import io.tender.core.apikey.ApiKeySecrets;
import io.tender.core.apikey.ApiKeyService;
import io.tender.core.apikey.InMemoryApiKeyRepository;
import io.tender.core.audit.InMemoryAuditLog;
import io.tender.core.auth.AccessPolicy;
import io.tender.core.auth.Permission;
import io.tender.core.error.ApiException;
import io.tender.core.id.RandomIdGenerator;
import io.tender.core.idempotency.IdempotentExecution;
import io.tender.core.idempotency.InMemoryIdempotencyStore;
import io.tender.core.ratelimit.InMemoryRateLimiter;
import io.tender.core.ratelimit.RateLimitPolicies;
import io.tender.core.tenant.InMemoryTenantRepository;
import io.tender.core.tenant.Mode;
import io.tender.core.tenant.Tenant;
import io.tender.core.tenant.TenantRateLimits;
import io.tender.testing.MutableClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The request pipeline on in-memory twins: what every route gets without writing it. */
class ApiPipelineTest {
  private static final Route ROUTE = Route.authenticated("POST /api/things", ErrorFamily.PLATFORM,
          Permission.CHECKOUT_CREATE)
      .limitedBy(RateLimitPolicies.REFUND_CREATE, Route.RateScope.TENANT)
      .idempotent();

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T12:00:10Z"));
  private final InMemoryAuditLog audit = new InMemoryAuditLog();
  private final InMemoryTenantRepository tenants = new InMemoryTenantRepository();
  private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
  private final ApiKeyService keys = new ApiKeyService(new InMemoryApiKeyRepository(),
      new ApiKeySecrets(new Random(3)), new RandomIdGenerator(clock, new Random(4)), clock);
  private final ApiPipeline pipeline = new ApiPipeline(
      new Authenticator(keys, () -> { throw new AssertionError("no session tokens in these tests"); },
          (tenant, user) -> { throw new AssertionError("no users in these tests"); }),
      new AccessPolicy(clock), new InMemoryRateLimiter(),
      new TenantRateLimits(tenants, RateLimitPolicies.defaults(), clock),
      new IdempotentExecution(new InMemoryIdempotencyStore(), clock), audit, clock,
      new JsonLog("test", clock, new PrintStream(logged, true, StandardCharsets.UTF_8)));
  private final String secret = keys.create("ten_pipe1", Mode.TEST, "server").secret();
  private final AtomicInteger executions = new AtomicInteger();

  private final ApiPipeline.Action countingAction = call -> {
    record Thing(String name) {}
    Thing thing = call.body(Thing.class);
    executions.incrementAndGet();
    call.audit("thing.created", Map.of("name", thing.name()));
    return ApiResult.created(Map.of("name", thing.name(), "n", executions.get()));
  };

  @Test
  void theRequestAfterTheLimitIs429WithHeadersAndTheSeedBody() {
    for (int i = 1; i <= 5; i++) {
      APIGatewayV2HTTPResponse allowed = pipeline.handle(request("{\"name\":\"a\"}", null), null, ROUTE, countingAction);
      assertThat(allowed.getStatusCode()).isEqualTo(201);
      assertThat(allowed.getHeaders()).containsEntry("X-RateLimit-Limit", "5")
          .containsEntry("X-RateLimit-Remaining", Integer.toString(5 - i))
          .containsEntry("X-RateLimit-Reset", Long.toString(Instant.parse("2026-11-23T12:01:00Z").getEpochSecond()));
    }

    APIGatewayV2HTTPResponse refused = pipeline.handle(request("{\"name\":\"a\"}", null), null, ROUTE, countingAction);

    assertThat(refused.getStatusCode()).isEqualTo(429);
    assertThat(refused.getHeaders()).containsEntry("Retry-After", "50").containsEntry("retry-after", "50")
        .containsEntry("X-RateLimit-Remaining", "0");
    assertThat(json(refused)).isEqualTo(json(
        "{\"error\":\"Rate limit exceeded\",\"code\":\"RATE_LIMIT_EXCEEDED\",\"retryAfter\":50}"));
    assertThat(executions).hasValue(5);
  }

  @Test
  void aTenantsOwnLimitReplacesTheDefault() {
    tenants.create(new Tenant("ten_pipe1", "Pipe", List.of(), Map.of(RateLimitPolicies.REFUND_CREATE, 2),
        clock.instant()));

    assertThat(pipeline.handle(request("{\"name\":\"a\"}", null), null, ROUTE, countingAction).getHeaders())
        .containsEntry("X-RateLimit-Limit", "2");
    pipeline.handle(request("{\"name\":\"a\"}", null), null, ROUTE, countingAction);

    assertThat(pipeline.handle(request("{\"name\":\"a\"}", null), null, ROUTE, countingAction).getStatusCode())
        .isEqualTo(429);
  }

  @Test
  void fiftyConcurrentRequestsWithOneKeyExecuteOnce() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(16);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<APIGatewayV2HTTPResponse>> responses = new ArrayList<>();
    ApiPipeline.Action slow = call -> {
      sleep(20);
      return countingAction.run(call);
    };
    Route unlimited = Route.authenticated("POST /api/things", ErrorFamily.PLATFORM, Permission.CHECKOUT_CREATE)
        .idempotent();
    for (int i = 0; i < 50; i++) {
      responses.add(pool.submit(() -> {
        start.await();
        return pipeline.handle(request("{\"name\":\"once\"}", "order-77"), null, unlimited, slow);
      }));
    }
    start.countDown();
    List<Integer> statuses = new ArrayList<>();
    for (Future<APIGatewayV2HTTPResponse> response : responses) {
      APIGatewayV2HTTPResponse answer = response.get();
      statuses.add(answer.getStatusCode());
      if (answer.getStatusCode() == 201) {
        assertThat(answer.getBody()).contains("\"n\":1");
      }
    }
    pool.shutdown();

    assertThat(executions).hasValue(1);
    assertThat(statuses).containsOnly(201, 409).contains(201);
    assertThat(audit.entries("ten_pipe1")).hasSize(1);
  }

  @Test
  void aClientMistakeIsA4xxAndNothingRunsOrIsAudited() {
    Route route = Route.authenticated("POST /api/things", ErrorFamily.PLATFORM, Permission.CHECKOUT_CREATE)
        .idempotent();
    Map<String, Integer> cases = Map.of(
        "{\"name\":", 400,
        "[1,2]", 400,
        "{\"name\":\"a\",\"extra\":1}", 400,
        "\"just a string\"", 400,
        "", 400);
    cases.forEach((body, status) -> {
      APIGatewayV2HTTPResponse response = pipeline.handle(request(body, null), null, route, countingAction);
      assertThat(response.getStatusCode()).as(body).isEqualTo(status);
      assertThat(json(response).path("code").asText()).isEqualTo("INVALID_REQUEST");
    });
    APIGatewayV2HTTPResponse tooLarge = pipeline.handle(
        request("{\"name\":\"" + "x".repeat(ApiPipeline.MAX_BODY_BYTES) + "\"}", null), null, route, countingAction);
    assertThat(tooLarge.getStatusCode()).isEqualTo(413);
    APIGatewayV2HTTPResponse badKey = pipeline.handle(request("{\"name\":\"a\"}", "k".repeat(256)), null, route,
        countingAction);
    assertThat(badKey.getStatusCode()).isEqualTo(400);

    assertThat(executions).as("no action got past reading its body").hasValue(0);
    assertThat(audit.entries("ten_pipe1")).isEmpty();
  }

  @Test
  void aFailureIs500WithTheRequestIdAndNothingInternal() {
    APIGatewayV2HTTPResponse response = pipeline.handle(request("{}", "fail-1"), null, ROUTE, call -> {
      throw new IllegalStateException("database password is hunter2");
    });

    assertThat(response.getStatusCode()).isEqualTo(500);
    assertThat(json(response).path("code").asText()).isEqualTo("INTERNAL_ERROR");
    assertThat(response.getBody()).contains("req-test").doesNotContain("hunter2", "IllegalStateException");
    assertThat(response.getHeaders()).containsEntry("x-request-id", "req-test");
    APIGatewayV2HTTPResponse retried = pipeline.handle(request("{\"name\":\"b\"}", "fail-1"), null, ROUTE,
        countingAction);
    assertThat(retried.getStatusCode()).as("a 5xx is not stored against the key").isEqualTo(201);
  }

  @Test
  void aRefusalInsideTheActionIsNotStoredAgainstTheKey() {
    // The platform family answers field errors with 400, as its published error table does.
    APIGatewayV2HTTPResponse refused = pipeline.handle(request("{\"name\":\"a\"}", "fix-me"), null, ROUTE, call -> {
      throw ApiException.validation(Map.of("name", List.of("The name is too short.")));
    });
    APIGatewayV2HTTPResponse corrected = pipeline.handle(request("{\"name\":\"abc\"}", "fix-me"), null, ROUTE,
        countingAction);

    assertThat(refused.getStatusCode()).isEqualTo(400);
    assertThat(json(refused).path("errors").path("name").get(0).asText()).isEqualTo("The name is too short.");
    assertThat(corrected.getStatusCode()).isEqualTo(201);
  }

  @Test
  void noCredentialIs401AndABase64BodyIsDecoded() {
    APIGatewayV2HTTPEvent anonymous = request("{\"name\":\"a\"}", null);
    anonymous.getHeaders().remove("x-api-key");
    assertThat(pipeline.handle(anonymous, null, ROUTE, countingAction).getStatusCode()).isEqualTo(401);

    APIGatewayV2HTTPEvent encoded = request(Base64.getEncoder().encodeToString(
        "{\"name\":\"b64\"}".getBytes(StandardCharsets.UTF_8)), null);
    encoded.setIsBase64Encoded(true);
    assertThat(pipeline.handle(encoded, null, ROUTE, countingAction).getBody()).contains("\"name\":\"b64\"");
  }

  private APIGatewayV2HTTPEvent request(String body, String idempotencyKey) {
    Map<String, String> headers = new java.util.HashMap<>();
    headers.put("x-api-key", secret);
    headers.put("content-type", "application/json");
    if (idempotencyKey != null) {
      headers.put("idempotency-key", idempotencyKey);
    }
    return APIGatewayV2HTTPEvent.builder()
        .withHeaders(headers)
        .withBody(body)
        .withIsBase64Encoded(false)
        .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
            .withRequestId("req-test")
            .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("POST").withPath("/api/things")
                .withSourceIp("203.0.113.7").build())
            .build())
        .build();
  }

  private static JsonNode json(APIGatewayV2HTTPResponse response) {
    return json(response.getBody());
  }

  private static JsonNode json(String text) {
    try {
      return Json.mapper().readTree(text);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
