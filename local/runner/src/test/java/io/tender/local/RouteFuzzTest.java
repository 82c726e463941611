package io.tender.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tender.local.function.Invocation;
import io.tender.local.http.FunctionRoute;
import io.tender.local.http.HttpApiRequestEvents;
import io.tender.local.http.IncomingRequest;
import io.tender.local.http.RouteMatch;
import io.tender.local.http.RouteTable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Bad input on every route of template.yaml: malformed and truncated JSON, wrong types, huge,
 * negative and fractional amounts, unknown currencies, unicode and control characters, missing
 * and duplicated headers, oversized bodies. Each request is the event API Gateway would send,
 * built by the runner's own translation of an HTTP request, and invoked in-process on the
 * route's function (faster than a socket, and the source address can vary, so the per-IP limits
 * do not hide every answer behind a 429). Every answer is below 500, with no stack trace, in the
 * route's error shape when refused; and a refused request writes nothing (the whole table is
 * compared before and after, rate-limit counters and the audit entry a refused refund is
 * recorded with aside). The gateway's clock is frozen, so no schedule writes meanwhile.
 *
 * <p>{@code -Djqwik.tries.default=2000} for a longer run (300 by default).
 */
class RouteFuzzTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The gateway's and the sandbox's time, frozen at the start: no schedule finds anything due. */
  private static final Instant NOW = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

  private static ProviderSandboxes sandboxes;
  private static LocalGateway gateway;
  private static RouteTable routes;
  private static String table;
  private static Accounts.Owner merchant;
  private static String sessionId;
  private static String slug;
  private static Map<String, String> tableBefore;
  private static final Map<String, Integer> STATUSES = new TreeMap<>();

  /** The error shape a route answers refusals in. */
  private enum Shape { PLATFORM, STRIPE, NEVER_REFUSES }

  /** What a route takes: its shape, the body a well-behaved caller sends, its path variable's values. */
  private record Profile(Shape shape, Map<String, Object> body, List<String> pathValues) {}

  /** One request to send: everything but the route's profile is drawn. */
  record Fuzzed(String route, int pathPick, String query, String body, List<Map.Entry<String, String>> headers,
      String sourceIp) {}

  @BeforeContainer
  static void start() throws Exception {
    Clock frozen = Clock.fixed(NOW, ZoneOffset.UTC);
    sandboxes = ProviderSandboxes.start(frozen);
    gateway = LocalGateway.start(sandboxes.wire(LocalGatewayOptions.defaults(Path.of("../../template.yaml"))
        .withPort(0).withClock(frozen)));
    sandboxes.connect(gateway);
    table = gateway.template().tables().get("TenderTable").tableName();
    routes = new RouteTable(gateway.template().routes().stream()
        .map(entry -> new FunctionRoute(entry.getKey().logicalId(), entry.getValue())).toList());
    merchant = Accounts.owner(gateway, frozen, "Fuzz Shop", "owner@fuzz.test", secret -> { });
    Map<String, Integer> limits = new LinkedHashMap<>();
    Accounts.TENANT_LIMITS.forEach(name -> limits.put(name, 1_000_000));
    Accounts.raiseLimits(gateway, merchant.tenantId(), limits);
    List<Map.Entry<String, String>> asMerchant = new ArrayList<>(credentialHeaders("key"));
    asMerchant.add(Map.entry("Content-Type", "application/json"));
    JsonNode session = response(invoke("POST /api/v1/checkout/sessions", "/api/v1/checkout/sessions", "",
        json(profiles().get("POST /api/v1/checkout/sessions").body()), asMerchant, "10.9.9.9"));
    sessionId = JSON.readTree(session.path("body").asText()).path("id").asText();
    JsonNode link = response(invoke("POST /api/v1/links", "/api/v1/links", "",
        json(profiles().get("POST /api/v1/links").body()), asMerchant, "10.9.9.9"));
    slug = JSON.readTree(link.path("body").asText()).path("slug").asText();
    assertThat(sessionId).as(session.toString()).startsWith("cs_");
    assertThat(slug).as(link.toString()).isNotBlank();
    tableBefore = table();
  }

  @AfterContainer
  static void stop() {
    System.out.println("route fuzzing: answers by status " + STATUSES);
    gateway.close();
    sandboxes.close();
  }

  @Example
  void everyRouteOfTheTemplateHasAProfile() {
    Set<String> served = new TreeSet<>();
    gateway.template().routes().forEach(route -> served.add(route.getValue().routeKey()));
    assertThat(profiles().keySet()).as("a route the template serves has no fuzzing profile: add one")
        .containsAll(served);
  }

  @Property
  void anyRequestToAnyRouteIsAnsweredBelow500InItsShapeAndARefusalWritesNothing(@ForAll("requests") Fuzzed fuzzed)
      throws Exception {
    Profile profile = profiles().get(fuzzed.route());
    assertThat(profile).as("no fuzzing profile for " + fuzzed.route()).isNotNull();
    String method = fuzzed.route().substring(0, fuzzed.route().indexOf(' '));
    String template = fuzzed.route().substring(fuzzed.route().indexOf(' ') + 1);
    String rawPath = template.replaceAll("\\{[a-z]+\\}", URLEncoder.encode(
        profile.pathValues().isEmpty() ? "" : profile.pathValues().get(fuzzed.pathPick() % profile.pathValues().size()),
        StandardCharsets.UTF_8).replace("+", "%20"));
    if (!(routes.match(method, rawPath) instanceof RouteMatch.Matched matched)
        || !matched.route().routeKey().equals(fuzzed.route())) {
      return; // the gateway answers this path itself (404), before any function
    }

    JsonNode response = response(invoke(fuzzed.route(), rawPath, fuzzed.query(), fuzzed.body(), fuzzed.headers(),
        fuzzed.sourceIp()));
    int status = response.path("statusCode").asInt();
    String body = response.path("body").asText("");
    synchronized (STATUSES) {
      STATUSES.merge(status / 100 + "xx", 1, Integer::sum);
    }
    String described = fuzzed.route() + " " + rawPath + "?" + fuzzed.query() + " headers " + fuzzed.headers()
        + " body " + abbreviated(fuzzed.body()) + " answered " + status + " " + abbreviated(body);
    assertThat(status).as(described).isBetween(200, 499);
    assertThat(body).as(described).doesNotContain("Exception", "\tat ", "java.", "software.amazon");
    Map<String, String> after = table();
    if (status >= 400) {
      JsonNode error = JSON.readTree(body);
      assertThat(profile.shape()).as(described).isNotEqualTo(Shape.NEVER_REFUSES);
      assertThat(error.path("error").asText()).as(described).isNotBlank();
      if (profile.shape() == Shape.PLATFORM) {
        assertThat(error.path("code").asText()).as(described).isNotBlank();
      }
      assertThat(written(tableBefore, after, fuzzed.route())).as("a refused request wrote: " + described).isEmpty();
    }
    tableBefore = after;
  }

  // --- what is sent ---

  @Provide
  Arbitrary<Fuzzed> requests() {
    List<String> routeKeys = new ArrayList<>(new TreeSet<>(profiles().keySet()));
    Arbitrary<String> route = Arbitraries.of(routeKeys);
    Arbitrary<String> query = Arbitraries.oneOf(Arbitraries.just(""), Arbitraries.of("limit=1", "limit=0", "limit=-5",
            "limit=101", "limit=1.5", "limit=abc", "limit=99999999999999999999", "cursor=abc", "cursor=%00%ff",
            "limit=2&limit=3", "cursor=" + "A".repeat(3000), "after=evt_x", "after=%ff", "endpoint=we_x&status=nope",
            "event=..&status=failed"),
        Arbitraries.strings().ofMaxLength(40).map(text -> "cursor=" + URLEncoder.encode(text, StandardCharsets.UTF_8)));
    Arbitrary<String> sourceIp = Arbitraries.integers().between(1, 250).tuple3()
        .map(t -> "10." + t.get1() + "." + t.get2() + "." + t.get3());
    return Combinators.combine(route, Arbitraries.integers().between(0, 10), query, bodies(), headers(), sourceIp)
        .as((r, pick, q, body, headers, ip) -> new Fuzzed(r, pick, q, body.apply(profiles().get(r)), headers, ip));
  }

  /** A body drawn from the route's own: as it is, or broken one way or another. */
  private static Arbitrary<java.util.function.Function<Profile, String>> bodies() {
    Arbitrary<String> odd = Arbitraries.of("null", "true", "0", "-1", "1.5", "-0.01", "1e308", "-9223372036854775808",
        "99999999999999999999999", "\"\"", "\"   \"", "\"\\u0000\"", "\"\\u202e\\u0007\"", "\"\uD83D\uDCB3\"",
        "\"" + "x".repeat(5000) + "\"", "[]", "{}", "[\"card\",null]", "\"XXX\"", "\"usd\"", "\"\u20ac\u20ac\u20ac\"",
        "\"NaN\"", "{\"$gt\":\"\"}", "\"pay_00000000000000000000000000\"", "\"../../etc/passwd\"", "\"<script>\"");
    Arbitrary<String> garbage = Arbitraries.strings().all().ofMaxLength(300);
    Arbitrary<Integer> pick = Arbitraries.integers().between(0, 1000);
    return Arbitraries.oneOf(
        Arbitraries.just(profile -> json(profile.body())),
        pick.map(n -> profile -> json(without(profile.body(), n))),
        Combinators.combine(pick, odd).as((n, value) -> profile -> replaced(profile.body(), n, value)),
        odd.map(value -> profile -> "{\"unexpected\":" + value + "," + json(profile.body()).substring(1)),
        pick.map(n -> profile -> duplicated(profile.body(), n)),
        pick.map(n -> profile -> {
          String whole = json(profile.body());
          return whole.substring(0, n % Math.max(1, whole.length()));
        }),
        garbage.map(text -> profile -> text),
        odd.map(value -> profile -> value),
        Arbitraries.of(70_000, 1_100_000).map(size -> profile -> "{\"name\":\"" + "a".repeat(size) + "\"}"),
        Arbitraries.of(2_000, 20_000).map(depth -> profile -> "[".repeat(depth) + "]".repeat(depth)),
        Arbitraries.just(profile -> ""));
  }

  private static Arbitrary<List<Map.Entry<String, String>>> headers() {
    Arbitrary<List<Map.Entry<String, String>>> credential = Arbitraries.of("user", "user", "key", "key", "none",
        "garbage", "twice", "other-tenant-header", "live").map(RouteFuzzTest::credentialHeaders);
    Arbitrary<List<Map.Entry<String, String>>> contentType = Arbitraries.of("application/json", "text/plain",
        "application/json; charset=utf-16", "application/octet-stream", "", "none").map(type ->
        type.equals("none") ? List.of() : List.of(Map.entry("Content-Type", type)));
    Arbitrary<List<Map.Entry<String, String>>> idempotency = Arbitraries.oneOf(Arbitraries.just(List.of()),
        Arbitraries.strings().ofMinLength(1).ofMaxLength(300).map(key -> List.of(Map.entry("Idempotency-Key", key))),
        Arbitraries.just(List.of(Map.entry("Idempotency-Key", "fuzz-1"), Map.entry("Idempotency-Key", "fuzz-2"))));
    Arbitrary<List<Map.Entry<String, String>>> extra = Arbitraries.oneOf(Arbitraries.just(List.of()),
        Arbitraries.strings().ofMaxLength(200).map(value -> List.of(Map.entry("Stripe-Signature", value))),
        Arbitraries.strings().ofMaxLength(200).map(value -> List.of(Map.entry("X-Forwarded-For", value))));
    return Combinators.combine(credential, contentType, idempotency, extra).as((a, b, c, d) -> {
      List<Map.Entry<String, String>> all = new ArrayList<>(a);
      all.addAll(b);
      all.addAll(c);
      all.addAll(d);
      return all;
    });
  }

  private static List<Map.Entry<String, String>> credentialHeaders(String kind) {
    return switch (kind) {
      case "user" -> List.of(Map.entry("Authorization", "Bearer " + merchant.token()));
      case "key" -> List.of(Map.entry("X-API-Key", merchant.apiKey()));
      case "garbage" -> List.of(Map.entry("Authorization", "Bearer tst1.not-a-token"));
      case "twice" -> List.of(Map.entry("X-API-Key", merchant.apiKey()), Map.entry("X-API-Key", merchant.apiKey()));
      case "other-tenant-header" -> List.of(Map.entry("X-API-Key", merchant.apiKey()), Map.entry("X-Tenant", "ten_other"));
      case "live" -> List.of(Map.entry("Authorization", "Bearer " + merchant.token()), Map.entry("Tender-Mode", "live"));
      default -> List.of();
    };
  }

  /** Every route of the template, with what it takes. A new route fails {@link #everyRouteOfTheTemplateHasAProfile}. */
  private static Map<String, Profile> profiles() {
    Map<String, Profile> profiles = new HashMap<>();
    List<String> ids = new ArrayList<>(List.of("cs_00000000000000000000000000", "not-an-id", "\u00e9\u00e8", "%00",
        "a".repeat(600), "cs_" + "z".repeat(26), " ", ".."));
    if (sessionId != null) {
      ids.add(sessionId);
    }
    List<String> slugs = new ArrayList<>(List.of("no-such-link", "AB", "x", "a--b", "\uD83D\uDCB3", "a".repeat(70),
        "../keys", "null"));
    if (slug != null) {
      slugs.add(slug);
    }
    profiles.put("GET /api/health", new Profile(Shape.NEVER_REFUSES, Map.of(), List.of()));
    profiles.put("POST /api/keys:create", new Profile(Shape.PLATFORM, Map.of("name", "fuzz key"), List.of()));
    profiles.put("POST /api/keys:revoke", new Profile(Shape.PLATFORM,
        Map.of("keyId", "key_00000000000000000000000000"), List.of()));
    profiles.put("GET /api/keys", new Profile(Shape.PLATFORM, Map.of(), List.of()));
    profiles.put("POST /api/v1/auth/login", new Profile(Shape.PLATFORM,
        Map.of("email", "owner@fuzz.test", "password", "not-the-password-at-all"), List.of()));
    profiles.put("POST /api/v1/auth/mfa/enroll", new Profile(Shape.PLATFORM, Map.of(), List.of()));
    profiles.put("POST /api/v1/auth/mfa/confirm", new Profile(Shape.PLATFORM, Map.of("code", "123456"), List.of()));
    profiles.put("POST /api/v1/auth/mfa/verify", new Profile(Shape.PLATFORM,
        Map.of("code", "000000", "recoveryCode", "aaaa-bbbb"), List.of()));
    profiles.put("GET /api/v1/audit-logs", new Profile(Shape.PLATFORM, Map.of(), List.of()));
    profiles.put("GET /api/v1/audit-logs/verify", new Profile(Shape.PLATFORM, Map.of(), List.of()));
    profiles.put("POST /api/v1/checkout/sessions", new Profile(Shape.PLATFORM, ordered("amount", 1999, "currency", "USD",
        "reference", "fuzz order", "methodTypes", List.of("card"), "successUrl", "https://fuzz.test/ok",
        "cancelUrl", "https://fuzz.test/cancel"), List.of()));
    profiles.put("GET /api/v1/checkout/sessions/{id}", new Profile(Shape.PLATFORM, Map.of(), ids));
    profiles.put("POST /api/v1/links", new Profile(Shape.PLATFORM, ordered("amount", 500, "currency", "USD",
        "reference", "fuzz link", "expires_at", NOW.plus(java.time.Duration.ofDays(30)).toString(), "usage_limit", 1000000), List.of()));
    profiles.put("GET /api/v1/links", new Profile(Shape.PLATFORM, Map.of(), List.of()));
    profiles.put("GET /api/v1/links/{slug}", new Profile(Shape.PLATFORM, Map.of(), slugs));
    profiles.put("GET /api/v1/links/{slug}/sessions", new Profile(Shape.PLATFORM, Map.of(), slugs));
    profiles.put("POST /api/v1/links/{slug}/deactivate", new Profile(Shape.PLATFORM, Map.of(),
        slugs.stream().filter(s -> !s.equals(slug)).toList()));
    profiles.put("POST /api/v1/links/{slug}/checkout", new Profile(Shape.PLATFORM,
        Map.of("methodTypes", List.of("card")), slugs));
    profiles.put("POST /api/v1/refunds", new Profile(Shape.PLATFORM, ordered("paymentId",
        "pay_00000000000000000000000000", "amount", 100, "reason", "fuzz"), List.of()));
    List<String> webhookIds = List.of("we_00000000000000000000000000", "not-an-id", "\u00e9", "a".repeat(600), "..");
    List<String> deliveryIds = List.of("whd_00000000000000000000000000", "not-an-id", "\u202e", "a".repeat(600));
    profiles.put("POST /api/v1/webhooks", new Profile(Shape.PLATFORM, ordered("url", "https://fuzz.test/hooks",
        "events", List.of("payment.succeeded")), List.of()));
    profiles.put("GET /api/v1/webhooks", new Profile(Shape.PLATFORM, Map.of(), List.of()));
    profiles.put("DELETE /api/v1/webhooks/{id}", new Profile(Shape.PLATFORM, Map.of(), webhookIds));
    profiles.put("POST /api/v1/webhooks/{id}/rotate-secret", new Profile(Shape.PLATFORM, Map.of(), webhookIds));
    profiles.put("GET /api/v1/webhooks/deliveries", new Profile(Shape.PLATFORM, Map.of(), List.of()));
    profiles.put("POST /api/v1/webhooks/deliveries/{id}/redeliver", new Profile(Shape.PLATFORM, Map.of(), deliveryIds));
    profiles.put("GET /api/v1/events", new Profile(Shape.PLATFORM, Map.of(), List.of()));
    profiles.put("POST /api/webhooks/test", new Profile(Shape.PLATFORM, ordered("eventType", "payment.succeeded",
        "data", Map.of("id", "pay_fuzz")), List.of()));
    profiles.put("POST /api/webhooks/stripe", new Profile(Shape.STRIPE, ordered("id", "evt_fuzz", "object", "event",
        "type", "checkout.session.completed", "data", Map.of("object", Map.of("id", "cs_test_fuzz"))), List.of()));
    return profiles;
  }

  // --- bodies ---

  private static Map<String, Object> ordered(Object... pairs) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], pairs[i + 1]);
    }
    return map;
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Object> without(Map<String, Object> body, int pick) {
    Map<String, Object> copy = new LinkedHashMap<>(body);
    if (!copy.isEmpty()) {
      copy.remove(new ArrayList<>(copy.keySet()).get(pick % copy.size()));
    }
    return copy;
  }

  /** The body with one field's value (JSON text) replaced by {@code value}. */
  private static String replaced(Map<String, Object> body, int pick, String value) {
    if (body.isEmpty()) {
      return "{\"field\":" + value + "}";
    }
    String field = new ArrayList<>(body.keySet()).get(pick % body.size());
    Map<String, Object> copy = new LinkedHashMap<>(body);
    copy.put(field, "\u0001placeholder\u0001");
    return json(copy).replace("\"\\u0001placeholder\\u0001\"", value);
  }

  private static String duplicated(Map<String, Object> body, int pick) {
    if (body.isEmpty()) {
      return "{\"a\":1,\"a\":2}";
    }
    String field = new ArrayList<>(body.keySet()).get(pick % body.size());
    return "{\"" + field + "\":\"duplicate\"," + json(body).substring(1);
  }

  // --- invoking, as the HTTP server would ---

  private static Invocation invoke(String route, String rawPath, String query, String body,
      List<Map.Entry<String, String>> headers, String sourceIp) throws Exception {
    String method = route.substring(0, route.indexOf(' '));
    RouteMatch.Matched matched = (RouteMatch.Matched) routes.match(method, rawPath);
    String requestId = UUID.randomUUID().toString();
    IncomingRequest request = new IncomingRequest(method, rawPath, query, headers,
        body.getBytes(StandardCharsets.UTF_8), sourceIp, "HTTP/1.1");
    byte[] event = JSON.writeValueAsBytes(HttpApiRequestEvents.toEvent(request, matched, requestId, NOW, "local",
        "localhost"));
    return gateway.invoke(matched.functionId(), event);
  }

  private static JsonNode response(Invocation invocation) throws Exception {
    assertThat(invocation).as("the function answered (a throw or a timeout is a 5xx)")
        .isInstanceOf(Invocation.Succeeded.class);
    return JSON.readTree(((Invocation.Succeeded) invocation).output());
  }

  // --- the table ---

  /** Every item but rate-limit counters, by key. */
  private static Map<String, String> table() {
    Map<String, String> items = new HashMap<>();
    gateway.dynamoDb().scanPaginator(scan -> scan.tableName(table).consistentRead(true)).items().forEach(item -> {
      String pk = item.get("pk").s();
      if (!pk.startsWith("RATE#")) {
        items.put(pk + " | " + item.get("sk").s(), new TreeMap<>(item).toString());
      }
    });
    return items;
  }

  /**
   * What changed between two reads of the table, less what a refusal is documented to write: a
   * refused refund is kept in the tenant's audit trail ({@code refund.failed}, ids only).
   */
  private static List<String> written(Map<String, String> before, Map<String, String> after, String route) {
    List<String> changed = new ArrayList<>();
    after.forEach((key, item) -> {
      if (!item.equals(before.get(key))) {
        boolean auditedRefusal = route.equals("POST /api/v1/refunds") && key.contains("#AUDIT | ")
            && !before.containsKey(key) && item.contains("action=AttributeValue(S=refund.failed)");
        if (!auditedRefusal) {
          changed.add((before.containsKey(key) ? "changed " : "added ") + key);
        }
      }
    });
    before.keySet().stream().filter(key -> !after.containsKey(key)).forEach(key -> changed.add("removed " + key));
    return changed;
  }

  private static String abbreviated(String text) {
    return text.length() <= 300 ? text : text.substring(0, 300) + "…(" + text.length() + " chars)";
  }
}
