package io.tender.bench.capacity;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/** A merchant's webhook endpoint on loopback that answers every POST with 200 and counts them. */
final class Receiver implements AutoCloseable {
  private final HttpServer server;
  private final AtomicInteger requests = new AtomicInteger();

  private Receiver(HttpServer server) {
    this.server = server;
  }

  static Receiver start() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      Receiver receiver = new Receiver(server);
      server.createContext("/hooks", exchange -> {
        exchange.getRequestBody().readAllBytes();
        receiver.requests.incrementAndGet();
        exchange.sendResponseHeaders(200, -1);
        exchange.close();
      });
      server.start();
      return receiver;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
  }

  int requests() {
    return requests.get();
  }

  void awaitRequests(int count, Duration within) {
    Instant deadline = Instant.now().plus(within);
    while (requests.get() < count) {
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("the merchant's endpoint got " + requests.get() + " of " + count + " events");
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
