package io.tender.bench.warm;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tender.adapter.aws.AwsClients;
import io.tender.adapter.stripe.StripeConnector;
import io.tender.adapter.stripe.StripeSettings;
import io.tender.bench.coldstart.probe.ProbeContext;
import io.tender.config.Environment;
import io.tender.core.id.RandomIdGenerator;
import io.tender.core.money.Money;
import io.tender.core.provider.CheckoutRequest;
import io.tender.core.signature.TimestampedHmacSignature;
import io.tender.functions.checkout.CreateCheckoutSessionHandler;
import io.tender.functions.settlement.SettleProviderEventHandler;
import io.tender.functions.stripe.ReceiveStripeWebhookHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Each handler, warm, in-process (the JMH fork), against the stack in the bench's main JVM; and
 * beside it the same DynamoDB/SQS requests that handler made, replayed raw ({@link RawReplay}),
 * plus its provider call made through the connector alone. Handler ÷ raw is the warm overhead.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class HandlerBenchmarks {
  static final String CREATE = "CreateCheckoutSessionFunction";
  static final String WEBHOOK = "ReceiveStripeWebhookFunction";
  static final String SETTLE = "SettleProviderEventFunction";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final AtomicLong SEQUENCE = new AtomicLong();

  BenchContext context;
  CreateCheckoutSessionHandler create;
  ReceiveStripeWebhookHandler webhook;
  SettleProviderEventHandler settle;
  RawReplay createRaw;
  RawReplay webhookRaw;
  RawReplay settleRaw;
  StripeConnector stripe;
  RandomIdGenerator ids = RandomIdGenerator.secure();

  @Setup(Level.Trial)
  public void wire() {
    context = BenchContext.load();
    create = Environment.with(Environment.of(context.environment(CREATE)), CreateCheckoutSessionHandler::new);
    webhook = Environment.with(Environment.of(context.environment(WEBHOOK)), ReceiveStripeWebhookHandler::new);
    settle = Environment.with(Environment.of(context.environment(SETTLE)), SettleProviderEventHandler::new);
    AwsClients clients = new AwsClients(Environment.of(context.environment(CREATE)));
    stripe = new StripeConnector(StripeSettings.of(URI.create(context.get("stripe.base"))),
        () -> context.get("stripe.key"));
    // Each handler runs once to warm its caches (keys, limits, secrets); the second run is the one recorded.
    createRaw = new RawReplay(twice(this::createEvent, event -> ok(create.handleRequest(event, new ProbeContext()))),
        clients.dynamoDb(), clients.sqs());
    webhookRaw = new RawReplay(twice(this::webhookEvent, event -> ok(webhook.handleRequest(event, new ProbeContext()))),
        clients.dynamoDb(), clients.sqs());
    settleRaw = new RawReplay(twice(() -> settleEvent(paidCheckout()),
        event -> ok(settle.handleRequest(event, new ProbeContext()))), clients.dynamoDb(), clients.sqs());
    record("createCheckoutSession", createRaw.operations() + ", provider: create checkout");
    record("receiveStripeWebhook", webhookRaw.operations());
    record("settleProviderEvent", "provider: fetch checkout, " + settleRaw.operations());
  }

  /** A fresh request per invocation: a new Idempotency-Key and reference, as merchants send them. */
  @State(Scope.Thread)
  public static class CreateRequest {
    APIGatewayV2HTTPEvent event;

    @Setup(Level.Invocation)
    public void next(HandlerBenchmarks bench) {
      event = bench.createEvent();
    }
  }

  /** A Stripe event with a new id, signed now. */
  @State(Scope.Thread)
  public static class StripeEvent {
    APIGatewayV2HTTPEvent event;

    @Setup(Level.Invocation)
    public void next(HandlerBenchmarks bench) {
      event = bench.webhookEvent();
    }
  }

  /** A checkout paid on the sandbox just now, not yet settled. */
  @State(Scope.Thread)
  public static class PaidCheckout {
    String checkout;
    SQSEvent event;

    @Setup(Level.Invocation)
    public void next(HandlerBenchmarks bench) {
      checkout = bench.paidCheckout();
      event = bench.settleEvent(checkout);
    }
  }

  @Benchmark
  public APIGatewayV2HTTPResponse createCheckoutSessionHandler(CreateRequest request) {
    return create.handleRequest(request.event, new ProbeContext());
  }

  @Benchmark
  public Object createCheckoutSessionRaw() {
    createRaw.run();
    return stripe.createCheckout(new CheckoutRequest(ids.next("pay"), Money.ofMinor(1999, "USD"), "bench",
        "https://shop.test/success", "https://shop.test/cancel", Instant.now().plus(Duration.ofMinutes(60)),
        "ten_bench", io.tender.core.tenant.Mode.TEST));
  }

  @Benchmark
  public APIGatewayV2HTTPResponse receiveStripeWebhookHandler(StripeEvent request) {
    return webhook.handleRequest(request.event, new ProbeContext());
  }

  @Benchmark
  public void receiveStripeWebhookRaw() {
    webhookRaw.run();
  }

  @Benchmark
  public SQSBatchResponse settleProviderEventHandler(PaidCheckout paid) {
    return settle.handleRequest(paid.event, new ProbeContext());
  }

  @Benchmark
  public Object settleProviderEventRaw(PaidCheckout paid) {
    Object truth = stripe.fetchCheckout(paid.checkout);
    settleRaw.run();
    return truth;
  }

  APIGatewayV2HTTPEvent createEvent() {
    long n = SEQUENCE.incrementAndGet();
    return http("POST", "/api/v1/checkout/sessions", Map.of("x-api-key", context.get("merchant.key"),
        "content-type", "application/json", "idempotency-key", "bench-" + ids.next("idem")),
        "{\"amount\":1999,\"currency\":\"USD\",\"reference\":\"warm-" + n + "\",\"methodTypes\":[\"card\"],"
            + "\"successUrl\":\"https://shop.test/success\",\"cancelUrl\":\"https://shop.test/cancel\"}");
  }

  APIGatewayV2HTTPEvent webhookEvent() {
    try {
      ObjectNode event = (ObjectNode) JSON.readTree(context.get("stripe.event"));
      event.put("id", ids.next("evt"));
      byte[] body = JSON.writeValueAsBytes(event);
      String signature = TimestampedHmacSignature.sign(body, Instant.now(), List.of(context.get("stripe.webhookSecret")));
      return http("POST", "/api/webhooks/stripe", Map.of("content-type", "application/json",
          "stripe-signature", signature), new String(body, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  SQSEvent settleEvent(String checkout) {
    SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
    message.setMessageId(ids.next("msg"));
    message.setBody("{\"provider\":\"stripe\",\"eventId\":\"" + ids.next("evt")
        + "\",\"eventType\":\"checkout.session.completed\",\"subject\":\"CHECKOUT\",\"providerObjectId\":\"" + checkout
        + "\"}");
    SQSEvent event = new SQSEvent();
    event.setRecords(List.of(message));
    return event;
  }

  /** A session created through the handler and paid on the sandbox's hosted page, over HTTP. */
  String paidCheckout() {
    APIGatewayV2HTTPResponse created = create.handleRequest(createEvent(), new ProbeContext());
    try {
      JsonNode session = JSON.readTree(ok(created).getBody());
      URI page = URI.create(session.path("redirect_url").asText());
      HttpResponse<String> paid = HTTP.send(HttpRequest.newBuilder(page)
          .header("content-type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString("action=pay")).build(), HttpResponse.BodyHandlers.ofString());
      if (paid.statusCode() != 303) {
        throw new IllegalStateException("the sandbox did not take the payment: " + paid.statusCode());
      }
      return page.getPath().replaceAll(".*/", "");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Leaves what the raw side of {@code benchmark} replays where the main JVM reports it. */
  private void record(String benchmark, String operations) {
    try {
      java.nio.file.Files.writeString(java.nio.file.Path.of(context.get("work.dir"), "raw-" + benchmark + ".txt"),
          operations);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Invokes once with a fresh event, then records a second invocation (its event made outside the recording). */
  private static <E> List<software.amazon.awssdk.core.SdkRequest> twice(java.util.function.Supplier<E> events,
      java.util.function.Consumer<E> invocation) {
    invocation.accept(events.get());
    E event = events.get();
    return CallRecorder.record(() -> invocation.accept(event));
  }

  private static APIGatewayV2HTTPResponse ok(APIGatewayV2HTTPResponse response) {
    if (response.getStatusCode() != 200) {
      throw new IllegalStateException("HTTP " + response.getStatusCode() + ": " + response.getBody());
    }
    return response;
  }

  private static SQSBatchResponse ok(SQSBatchResponse response) {
    if (!response.getBatchItemFailures().isEmpty()) {
      throw new IllegalStateException("settlement failed in the benchmark's setup");
    }
    return response;
  }

  private static APIGatewayV2HTTPEvent http(String method, String path, Map<String, String> headers, String body) {
    return APIGatewayV2HTTPEvent.builder()
        .withVersion("2.0").withRouteKey(method + " " + path).withRawPath(path).withRawQueryString("")
        .withHeaders(headers).withBody(body).withIsBase64Encoded(false)
        .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
            .withRequestId("bench-" + SEQUENCE.incrementAndGet())
            .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(method).withPath(path)
                .withProtocol("HTTP/1.1").withSourceIp("127.0.0.1").withUserAgent("tender-bench").build())
            .withTimeEpoch(System.currentTimeMillis()).build())
        .build();
  }
}
