package io.tender.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tender.local.fixture.FixtureRecorder;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The runner end to end over HTTP, on a template that uses every part of it: routes, an SQS event
 * source with partial batch failures and a dead-letter queue, schedules, a table and a secret.
 */
class LocalGatewayEndToEndTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Instant TIMER_AT = Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.SECONDS);

  private static LocalGateway gateway;

  @BeforeAll
  static void start() {
    String at = "at(" + DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")
        .withZone(ZoneOffset.UTC).format(TIMER_AT) + ")";
    gateway = LocalGateway.start(LocalGatewayOptions.defaults(Path.of("src/test/resources/runner/fixture-template.yaml"))
        .withPort(0)
        .withParameters(Map.of("TimerExpression", at)));
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @Test
  void aRouteGetsTheApiGatewayEventAndTheTemplatesEnvironment() throws Exception {
    HttpResponse<String> response = get("/echo/cs%2042?expand=a&expand=b");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("apigw-requestid")).isPresent();
    JsonNode echo = JSON.readTree(response.body());
    assertThat(echo.path("routeKey").asText()).isEqualTo("GET /echo/{id}");
    assertThat(echo.path("rawPath").asText()).isEqualTo("/echo/cs%2042");
    assertThat(echo.path("pathParameters").path("id").asText()).isEqualTo("cs 42");
    assertThat(echo.path("query").path("expand").asText()).isEqualTo("a,b");
    assertThat(echo.path("method").asText()).isEqualTo("GET");
    assertThat(echo.path("tableName").asText()).isEqualTo("tender-local-FixtureTable");
    assertThat(echo.path("queueUrl").asText()).endsWith("/tender-local-WorkQueue")
        .startsWith(gateway.engines().sqsEndpoint().toString());
    assertThat(echo.path("functionName").asText()).isEqualTo("tender-local-EchoFunction");
    assertThat(echo.path("remainingMillis").asInt()).isBetween(1, 5_000);
    assertThat(echo.path("secretLength").asInt()).as("generated as the template asks").isEqualTo(48);
  }

  @Test
  void aJsonBodyArrivesAsTextAndAFormBodyAsBase64() throws Exception {
    JsonNode json = JSON.readTree(post("/echo", "application/json", "{\"amount\":100}").body());
    JsonNode form = JSON.readTree(post("/echo", "application/x-www-form-urlencoded", "a=1").body());

    assertThat(json.path("body").asText()).isEqualTo("{\"amount\":100}");
    assertThat(json.path("isBase64Encoded").asBoolean()).isFalse();
    assertThat(form.path("body").asText()).isEqualTo("YT0x");
    assertThat(form.path("isBase64Encoded").asBoolean()).isTrue();
  }

  @Test
  void anUnknownRouteIs404Json() throws Exception {
    HttpResponse<String> response = get("/nowhere");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(response.body()).path("message").asText()).isEqualTo("Not Found");
  }

  @Test
  void aWrongMethodIs405WithTheAllowedOnes() throws Exception {
    HttpResponse<String> response = post("/fail", "application/json", "{}");

    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.headers().firstValue("allow")).hasValue("GET");
    assertThat(JSON.readTree(response.body()).path("message").asText()).isEqualTo("Method Not Allowed");
  }

  @Test
  void aHandlerThatThrowsIs500WithARequestIdAndNothingInternal() throws Exception {
    HttpResponse<String> response = get("/fail");

    assertThat(response.statusCode()).isEqualTo(500);
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.path("message").asText()).isEqualTo("Internal Server Error");
    assertThat(body.path("requestId").asText())
        .isEqualTo(response.headers().firstValue("apigw-requestid").orElseThrow());
    assertThat(response.body()).doesNotContain("sk_test_do_not_leak", "IllegalStateException", "at io.");
  }

  @Test
  void queueMessagesReachTheirHandlerAndAFailingOneEndsInTheDeadLetterQueue() {
    String queueUrl = gateway.queueUrl("WorkQueue");
    gateway.sqs().sendMessage(send -> send.queueUrl(queueUrl).messageBody("ok-1"));
    gateway.sqs().sendMessage(send -> send.queueUrl(queueUrl).messageBody("fail-1"));

    await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
        assertThat(FixtureRecorder.QUEUE_DELIVERIES).contains("fail-1#1", "fail-1#2", "fail-1#3"));
    String dlqUrl = gateway.queueUrl("WorkDeadLetterQueue");
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      List<Message> dead = gateway.sqs().receiveMessage(r -> r.queueUrl(dlqUrl).waitTimeSeconds(1)).messages();
      assertThat(dead).extracting(Message::body).containsExactly("fail-1");
    });
    assertThat(FixtureRecorder.QUEUE_DELIVERIES)
        .as("a success is deleted, not redelivered").containsOnlyOnce("ok-1#1")
        .noneMatch(delivery -> delivery.startsWith("ok-1#2"))
        .noneMatch(delivery -> delivery.startsWith("fail-1#4"));
  }

  @Test
  void aScheduleCanBeTriggeredNowOverHttp() throws Exception {
    int before = FixtureRecorder.SCHEDULED_EVENTS.size();

    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(url("/_local/schedules/SweepFunction"))
        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(response.body()).path("invocations").asInt()).isEqualTo(1);
    assertThat(FixtureRecorder.SCHEDULED_EVENTS).hasSize(before + 1);
    assertThat(FixtureRecorder.SCHEDULED_EVENTS.get(before))
        .startsWith("Scheduled Event|aws.events|[arn:aws:events:");
  }

  @Test
  void aScheduleFiresOnItsOwnTime() {
    await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
        assertThat(Instant.now()).isAfter(TIMER_AT));
    await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
        assertThat(FixtureRecorder.SCHEDULED_EVENTS).anyMatch(e -> e.startsWith("Scheduled Event")));
  }

  @Test
  void aTriggerForAFunctionWithoutScheduleIs404() throws Exception {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(url("/_local/schedules/EchoFunction"))
        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(404);
  }

  private static URI url(String path) {
    return URI.create(gateway.baseUrl() + path);
  }

  private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(url(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> post(String path, String contentType, String body)
      throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(url(path)).header("content-type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
