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
import io.tender.core.id.RandomIdGenerator;
import io.tender.core.idempotency.IdempotentExecution;
import io.tender.core.idempotency.InMemoryIdempotencyStore;
import io.tender.core.money.AmountPolicy;
import io.tender.core.ratelimit.InMemoryRateLimiter;
import io.tender.core.ratelimit.RateLimitPolicies;
import io.tender.core.tenant.InMemoryTenantRepository;
import io.tender.core.tenant.Mode;
import io.tender.core.tenant.TenantRateLimits;
import io.tender.testing.MutableClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever a client sends — truncated or malformed JSON, wrong types, huge or fractional
 * amounts, unknown currencies, control characters, odd headers — the pipeline answers a 2xx or a
 * 4xx in the route family's shape: never a 5xx, never a stack trace, and nothing is written for a
 * refused request.
 */
class ApiPipelineFuzzTest {
  private static final Route ROUTE = Route.authenticated("POST /api/things", ErrorFamily.PLATFORM,
      Permission.CHECKOUT_CREATE).idempotent();

  record Thing(String name, long amount, String currency) {}

  @Property(tries = 400)
  void anyRequestIsAnsweredWithoutAServerError(@ForAll("bodies") String body, @ForAll("headers") Map<String, String> headers,
      @ForAll boolean base64) {
    MutableClock clock = new MutableClock(Instant.parse("2026-11-23T12:00:00Z"));
    InMemoryAuditLog audit = new InMemoryAuditLog();
    ApiKeyService keys = new ApiKeyService(new InMemoryApiKeyRepository(), new ApiKeySecrets(new Random(1)),
        new RandomIdGenerator(clock, new Random(2)), clock);
    String secret = keys.create("ten_fuzz1", Mode.TEST, "server").secret();
    ApiPipeline pipeline = new ApiPipeline(
        new Authenticator(keys, () -> new io.tender.core.auth.SessionTokens(new io.tender.core.auth.SigningKeyring(
                new io.tender.core.auth.SigningKey("k1", new byte[32]), java.util.List.of()), clock),
            (tenant, user) -> java.util.Optional.empty()),
        new AccessPolicy(clock), new InMemoryRateLimiter(),
        new TenantRateLimits(new InMemoryTenantRepository(), RateLimitPolicies.defaults(), clock),
        new IdempotentExecution(new InMemoryIdempotencyStore(), clock), audit, clock,
        new JsonLog("fuzz", clock, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
    int[] executed = {0};
    ApiPipeline.Action action = call -> {
      Thing thing = call.body(Thing.class);
      AmountPolicy.standard().requireMinor(thing.amount(), thing.currency());
      if (thing.name() == null || thing.name().isBlank()) {
        throw io.tender.core.error.ApiException.invalidRequest("name is required");
      }
      executed[0]++;
      call.audit("thing.created", Map.of("name", thing.name().length() > 100 ? "long" : thing.name()));
      return ApiResult.created(Map.of("name", thing.name()));
    };

    Map<String, String> all = new HashMap<>(headers);
    all.putIfAbsent("x-api-key", secret);
    APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder()
        .withHeaders(all)
        .withBody(base64 ? java.util.Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8)) : body)
        .withIsBase64Encoded(base64)
        .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withRequestId("req-fuzz")
            .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("POST").withSourceIp("198.51.100.4")
                .build()).build())
        .build();

    APIGatewayV2HTTPResponse response = pipeline.handle(event, null, ROUTE, action);

    assertThat(response.getStatusCode()).as("%s %s", body, headers).isBetween(200, 499);
    assertThat(response.getBody()).doesNotContain("Exception", "\tat ", "java.");
    JsonNode json = parse(response.getBody());
    if (response.getStatusCode() >= 400) {
      assertThat(json.path("error").asText()).isNotBlank();
      assertThat(json.path("code").asText()).isNotBlank();
      assertThat(executed[0]).isZero();
      assertThat(audit.entries("ten_fuzz1")).isEmpty();
    } else {
      assertThat(audit.entries("ten_fuzz1")).hasSize(1);
    }
  }

  @Provide
  Arbitrary<String> bodies() {
    Arbitrary<String> names = Arbitraries.strings().all().ofMaxLength(40);
    Arbitrary<String> amounts = Arbitraries.oneOf(
        Arbitraries.longs().map(Object::toString),
        Arbitraries.of("1.5", "-1", "0", "1e3", "99999999999999999999999", "\"100\"", "null", "true", "NaN"));
    Arbitrary<String> currencies = Arbitraries.oneOf(Arbitraries.of("\"USD\"", "\"JPY\"", "\"KWD\"", "\"usd\"",
        "\"XXX\"", "\"\"", "null", "42"), Arbitraries.strings().all().ofMaxLength(5).map(Json::write));
    Arbitrary<String> wellFormed = Combinators.combine(names, amounts, currencies).as((name, amount, currency) ->
        "{\"name\":" + Json.write(name) + ",\"amount\":" + amount + ",\"currency\":" + currency + "}");
    return Arbitraries.oneOf(
        wellFormed,
        wellFormed.map(json -> json.substring(0, json.length() / 2)),
        wellFormed.map(json -> json.replace("\"name\"", "\"nam\"")),
        wellFormed.map(json -> json + json),
        Arbitraries.strings().all().ofMaxLength(200),
        Arbitraries.of("", "{}", "[]", "null", "{\"name\":\"a\",\"name\":\"b\",\"amount\":1,\"currency\":\"USD\"}"));
  }

  @Provide
  Arbitrary<Map<String, String>> headers() {
    Arbitrary<String> keys = Arbitraries.of("x-api-key", "authorization", "x-tenant", "idempotency-key", "tender-mode",
        "content-type");
    Arbitrary<String> values = Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(300),
        Arbitraries.of("Bearer ", "Bearer sk_test_nope", "sk_live_x", "live", "test", "ten_other", "k".repeat(300)));
    return Arbitraries.maps(keys, values).ofMaxSize(3);
  }

  private static JsonNode parse(String body) {
    try {
      return Json.mapper().readTree(body);
    } catch (java.io.IOException e) {
      throw new AssertionError("not JSON: " + body, e);
    }
  }
}
