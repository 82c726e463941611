package io.tender.adapter.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.tender.core.provider.ProviderConfigurationException;
import io.tender.core.provider.ProviderRefusedException;
import io.tender.core.provider.ProviderRefusedException.Refusal;
import io.tender.core.provider.ProviderUnavailableException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Stripe's HTTP conventions over the client production uses, against a local server that answers as told. */
class StripeHttpTest {
  private static final String KEY = "sk_test_51HttpTestKeyHttpTestKey0042";
  /** Generous, so that a busy machine never fails a test by the clock; one test waits out a short one. */
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration SHORT_READ_TIMEOUT = Duration.ofMillis(300);

  private HttpServer server;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final AtomicInteger redirectTargetCalls = new AtomicInteger();
  private volatile Answer answer = new Answer(200, "{\"id\":\"cs_test_1\",\"object\":\"checkout.session\"}", 0);

  record Received(String method, String path, Map<String, List<String>> headers, String body) {
    String header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> String.join(",", e.getValue())).findFirst().orElse(null);
    }
  }

  record Answer(int status, String body, long delayMillis, String... headers) {}

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/v1", this::answer);
    server.createContext("/elsewhere", exchange -> {
      redirectTargetCalls.incrementAndGet();
      respond(exchange, new Answer(200, "{\"id\":\"cs_test_elsewhere\"}", 0));
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private void answer(HttpExchange exchange) throws IOException {
    received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
        Map.copyOf(exchange.getRequestHeaders()),
        new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
    Answer now = answer;
    if (now.delayMillis() > 0) {
      try {
        Thread.sleep(now.delayMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    respond(exchange, now);
  }

  private static void respond(HttpExchange exchange, Answer answer) throws IOException {
    for (int i = 0; i + 1 < answer.headers().length; i += 2) {
      exchange.getResponseHeaders().add(answer.headers()[i], answer.headers()[i + 1]);
    }
    byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
    try (var out = exchange.getResponseBody()) {
      out.write(body);
    } catch (IOException e) {
      // The client stopped reading: what an oversized answer is for.
    }
  }

  private URI base() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  private StripeHttp http(URI base, String key) {
    return http(base, key, READ_TIMEOUT);
  }

  private StripeHttp http(URI base, String key, Duration readTimeout) {
    StripeSettings settings = new StripeSettings(base, Duration.ofSeconds(2), readTimeout);
    return new StripeHttp(StripeConnector.httpClient(settings), settings, () -> key);
  }

  private StripeHttp http() {
    return http(base(), KEY);
  }

  private static StripeForm form() {
    return new StripeForm().add("mode", "payment").add("metadata[tender_payment_id]", "pay 1&2=3é");
  }

  @Test
  void aPostCarriesTheKeyTheVersionTheIdempotencyKeyAndTheFormBody() {
    JsonNode session = http().post("/v1/checkout/sessions", form(), "idem_pay_1");

    assertThat(session.path("id").asText()).isEqualTo("cs_test_1");
    assertThat(received).singleElement().satisfies(request -> {
      assertThat(request.method()).isEqualTo("POST");
      assertThat(request.path()).isEqualTo("/v1/checkout/sessions");
      assertThat(request.header("Authorization")).isEqualTo("Bearer " + KEY);
      assertThat(request.header("Stripe-Version")).isEqualTo(StripeConnector.API_VERSION);
      assertThat(request.header("Idempotency-Key")).isEqualTo("idem_pay_1");
      assertThat(request.header("Accept")).isEqualTo("application/json");
      assertThat(request.header("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
      assertThat(request.body())
          .isEqualTo("mode=payment&metadata%5Btender_payment_id%5D=pay+1%262%3D3%C3%A9");
      assertThat(request.header("Content-Length"))
          .isEqualTo(Integer.toString(request.body().getBytes(StandardCharsets.UTF_8).length));
    });
  }

  @Test
  void aGetHasNoBodyAndNoIdempotencyKeyAndKeepsAnEncodedPath() {
    http().get("/v1/refunds/re%2F1");

    assertThat(received).singleElement().satisfies(request -> {
      assertThat(request.method()).isEqualTo("GET");
      assertThat(request.path()).isEqualTo("/v1/refunds/re%2F1");
      assertThat(request.header("Idempotency-Key")).isNull();
      assertThat(request.header("Authorization")).isEqualTo("Bearer " + KEY);
      assertThat(request.body()).isEmpty();
    });
  }

  @Test
  void aRedirectIsNotFollowed() {
    answer = new Answer(302, "", 0, "Location", base() + "/elsewhere");

    assertThatThrownBy(() -> http().post("/v1/checkout/sessions", form(), "idem_redirect"))
        .isInstanceOf(ProviderRefusedException.class)
        .hasMessageContaining("302");
    assertThatThrownBy(() -> http().get("/v1/checkout/sessions/cs_1"))
        .isInstanceOf(ProviderRefusedException.class);
    assertThat(redirectTargetCalls).hasValue(0);
  }

  @Test
  void aRefusedKeyOnAPostIsAConfigurationErrorThatNamesNoKey() {
    answer = new Answer(401, "{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"Invalid API Key provided: "
        + KEY + "\"}}", 0, "WWW-Authenticate", "Basic realm=\"Stripe\"");

    assertThatThrownBy(() -> http().post("/v1/checkout/sessions", form(), "idem_401"))
        .isInstanceOf(ProviderConfigurationException.class)
        .hasMessageContaining("401")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(KEY).doesNotContain("0042"));
    assertThatThrownBy(() -> http().get("/v1/checkout/sessions/cs_1"))
        .isInstanceOf(ProviderConfigurationException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(KEY));
    assertThat(received).as("the POST is sent once, never resent after the 401").hasSize(2);
  }

  @Test
  void aRefusalCarriesStripesCodeAndMessageWithAnyEchoedKeyRedacted() {
    answer = new Answer(400, "{\"error\":{\"type\":\"invalid_request_error\",\"code\":\"amount_too_large\","
        + "\"message\":\"Too much for " + KEY + " and rk_live_abc123\"}}", 0);

    assertThatThrownBy(() -> http().post("/v1/refunds", form(), "idem_400"))
        .asInstanceOf(type(ProviderRefusedException.class))
        .satisfies(e -> {
          assertThat(e.refusal()).isEqualTo(Refusal.AMOUNT_TOO_LARGE);
          assertThat(e.providerCode()).contains("amount_too_large");
          assertThat(e.getMessage()).contains("Too much for [secret key] and [secret key]")
              .doesNotContain(KEY).doesNotContain("rk_live_abc123");
        });
  }

  @Test
  void aServerErrorIsUnknown() {
    answer = new Answer(503, "<html>down</html>", 0);

    assertThatThrownBy(() -> http().post("/v1/checkout/sessions", form(), "idem_503"))
        .isInstanceOf(ProviderUnavailableException.class)
        .hasMessageContaining("503")
        .hasMessageContaining("may have taken effect");
  }

  @Test
  void noAnswerInTimeIsUnknown() {
    answer = new Answer(200, "{\"id\":\"cs_test_late\"}", SHORT_READ_TIMEOUT.toMillis() * 5);

    assertThatThrownBy(() -> http(base(), KEY, SHORT_READ_TIMEOUT).post("/v1/checkout/sessions", form(), "idem_slow"))
        .isInstanceOf(ProviderUnavailableException.class)
        .hasMessageContaining("in time");
    assertThat(received).as("a POST that timed out is not resent").hasSize(1);
  }

  @Test
  void nothingListeningIsUnknownAndNamesNoKey() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }

    assertThatThrownBy(() -> http(URI.create("http://127.0.0.1:" + closedPort), KEY).get("/v1/checkout/sessions/cs_1"))
        .isInstanceOf(ProviderUnavailableException.class)
        .hasMessageContaining("failed in transit")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(KEY));
  }

  @Test
  void anAnswerLongerThanTheBoundIsNotReadWhole() {
    String huge = "{\"id\":\"cs_test_huge\",\"pad\":\"" + "x".repeat(StripeHttp.MAX_ANSWER_BYTES) + "\"}";
    answer = new Answer(200, huge, 0);

    assertThatThrownBy(() -> http().get("/v1/checkout/sessions/cs_huge"))
        .isInstanceOf(ProviderUnavailableException.class)
        .hasMessageContaining("more than " + StripeHttp.MAX_ANSWER_BYTES + " bytes");

    answer = new Answer(404, "{\"error\":{\"code\":\"resource_missing\",\"pad\":\""
        + "x".repeat(StripeHttp.MAX_ANSWER_BYTES) + "\"}}", 0);
    assertThatThrownBy(() -> http().get("/v1/checkout/sessions/cs_gone"))
        .asInstanceOf(type(ProviderRefusedException.class))
        .extracting(ProviderRefusedException::refusal).isEqualTo(Refusal.NOT_FOUND);
  }

  @Test
  void anAnswerThatIsNotAJsonObjectIsUnknown() {
    answer = new Answer(200, "[1,2]", 0);

    assertThatThrownBy(() -> http().get("/v1/checkout/sessions/cs_list"))
        .isInstanceOf(ProviderUnavailableException.class)
        .hasMessageContaining("other than a JSON object");
  }

  @Test
  void noKeyIsAConfigurationErrorBeforeAnyRequest() {
    assertThatThrownBy(() -> http(base(), " ").get("/v1/checkout/sessions/cs_1"))
        .isInstanceOf(ProviderConfigurationException.class);
    assertThat(received).isEmpty();
  }
}
