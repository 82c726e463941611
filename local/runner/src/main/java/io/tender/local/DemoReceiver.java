package io.tender.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.tender.core.signature.TimestampedHmacSignature;
import io.tender.core.signature.Verification;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A merchant's webhook endpoint for the local runner: an HTTP server on 127.0.0.1 (an ephemeral
 * port) that checks each POST's {@code Tender-Signature} with the endpoint's secret, exactly as a
 * merchant would, prints one line per event (type, id, whether it verified) and keeps the last
 * {@value #KEPT} for tests. It answers 200 to a verified event and 400 otherwise, so an event
 * that does not verify is retried like any refused delivery. The secret is never printed.
 */
public final class DemoReceiver implements AutoCloseable {
  public static final String PATH = "/webhooks";
  static final int KEPT = 1_000;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final ExecutorService executor;
  private final Clock clock;
  private final PrintStream out;
  private final AtomicReference<String> secret = new AtomicReference<>();
  private final List<Received> received = new ArrayList<>();

  /**
   * One POST as the receiver saw it.
   *
   * @param eventId the body's {@code id}, or "" when the body was not an event
   * @param failure why it did not verify; empty when it did
   */
  public record Received(Instant at, String eventId, String type, boolean verified, Optional<String> failure,
      String body) {}

  private DemoReceiver(HttpServer server, ExecutorService executor, Clock clock, PrintStream out) {
    this.server = server;
    this.executor = executor;
    this.clock = clock;
    this.out = out;
  }

  public static DemoReceiver start(Clock clock, PrintStream out) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
      server.setExecutor(executor);
      DemoReceiver receiver = new DemoReceiver(server, executor, clock, out);
      server.createContext(PATH, receiver::handle);
      server.start();
      return receiver;
    } catch (IOException e) {
      throw new UncheckedIOException("the demo webhook receiver could not listen on 127.0.0.1", e);
    }
  }

  /** Where to register it: {@code http://127.0.0.1:<port>/webhooks}. */
  public URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + PATH);
  }

  /** The endpoint's signing secret, as registration (or a rotation) answered it. */
  public void useSecret(String signingSecret) {
    secret.set(signingSecret);
  }

  /** What arrived, oldest first. */
  public List<Received> received() {
    synchronized (received) {
      return List.copyOf(received);
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!"POST".equals(exchange.getRequestMethod())) {
        respond(exchange, 405, "{\"error\":\"POST only\"}");
        return;
      }
      byte[] body = exchange.getRequestBody().readAllBytes();
      String signingSecret = secret.get();
      Verification verification = TimestampedHmacSignature.verify(body,
          exchange.getRequestHeaders().getFirst("Tender-Signature"),
          signingSecret == null ? List.of() : List.of(signingSecret), clock.instant());
      Optional<String> failure = verification instanceof Verification.Rejected rejected
          ? Optional.of(rejected.reason().name()) : Optional.empty();
      JsonNode event = parse(body);
      Received arrival = new Received(clock.instant(), event.path("id").asText(""), event.path("type").asText(""),
          failure.isEmpty(), failure, new String(body, StandardCharsets.UTF_8));
      keep(arrival);
      out.println("  [demo receiver] " + (arrival.type().isEmpty() ? "(not an event)" : arrival.type()) + " "
          + arrival.eventId() + (event.path("test").asBoolean() ? " (test)" : "")
          + (failure.isEmpty() ? "  signature verified" : "  signature NOT verified: " + failure.get()));
      respond(exchange, failure.isEmpty() ? 200 : 400,
          failure.isEmpty() ? "{\"received\":true}" : "{\"received\":false,\"reason\":\"" + failure.get() + "\"}");
    }
  }

  private void keep(Received arrival) {
    synchronized (received) {
      if (received.size() == KEPT) {
        received.removeFirst();
      }
      received.add(arrival);
    }
  }

  private static JsonNode parse(byte[] body) {
    try {
      JsonNode node = JSON.readTree(body);
      return node == null ? JSON.createObjectNode() : node;
    } catch (IOException notJson) {
      return JSON.createObjectNode();
    }
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("content-type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
