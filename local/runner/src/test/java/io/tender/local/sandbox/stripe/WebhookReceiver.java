package io.tender.local.sandbox.stripe;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** A merchant's webhook endpoint in miniature: records raw bodies and signatures, can fail on purpose. */
final class WebhookReceiver implements AutoCloseable {
  record Received(String payload, String signature) {}

  private final HttpServer server;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final AtomicInteger failuresLeft = new AtomicInteger();

  WebhookReceiver() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/webhooks", exchange -> {
      try (exchange) {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
          exchange.sendResponseHeaders(500, -1);
          return;
        }
        received.add(new Received(body, exchange.getRequestHeaders().getFirst("Stripe-Signature")));
        exchange.sendResponseHeaders(200, -1);
      }
    });
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.start();
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/webhooks");
  }

  /** The next {@code count} deliveries are answered 500. */
  void failNext(int count) {
    failuresLeft.set(count);
  }

  List<Received> received() {
    return List.copyOf(received);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
