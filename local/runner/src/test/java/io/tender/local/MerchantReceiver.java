package io.tender.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A merchant's webhook endpoint for tests: a real HTTP server on 127.0.0.1 that keeps every
 * request exactly as it arrived (raw body, signature header) and answers with the status the test
 * sets; a 3xx carries the {@code Location} the test sets.
 */
final class MerchantReceiver implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final AtomicInteger status;
  private final AtomicReference<String> location = new AtomicReference<>();

  /** One POST as received. */
  record Request(String body, String signature, String eventIdHeader) {
    JsonNode event() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    String type() {
      return event().path("type").asText();
    }
  }

  private MerchantReceiver(HttpServer server, int status) {
    this.server = server;
    this.status = new AtomicInteger(status);
  }

  static MerchantReceiver answering(int status) {
    try {
      MerchantReceiver receiver = new MerchantReceiver(
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0), status);
      receiver.server.setExecutor(receiver.executor);
      receiver.server.createContext("/hook", exchange -> {
        try (exchange) {
          byte[] body = exchange.getRequestBody().readAllBytes();
          receiver.requests.add(new Request(new String(body, StandardCharsets.UTF_8),
              exchange.getRequestHeaders().getFirst("Tender-Signature"),
              exchange.getRequestHeaders().getFirst("Tender-Event-Id")));
          int answer = receiver.status.get();
          if (answer >= 300 && answer < 400 && receiver.location.get() != null) {
            exchange.getResponseHeaders().set("Location", receiver.location.get());
          }
          byte[] text = (answer >= 400 ? "down for maintenance" : "ok").getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(answer, text.length);
          exchange.getResponseBody().write(text);
        }
      });
      receiver.server.start();
      return receiver;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Redirects every request to {@code target} with a 302. */
  static MerchantReceiver redirectingTo(String target) {
    MerchantReceiver receiver = answering(302);
    receiver.location.set(target);
    return receiver;
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
  }

  void answer(int nextStatus) {
    status.set(nextStatus);
  }

  List<Request> requests() {
    return List.copyOf(requests);
  }

  List<Request> ofType(String type) {
    return requests.stream().filter(request -> type.equals(request.type())).toList();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
