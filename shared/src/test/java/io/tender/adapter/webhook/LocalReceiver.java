package io.tender.adapter.webhook;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A real HTTP server on 127.0.0.1 that records what reaches it. */
final class LocalReceiver implements AutoCloseable {
  /** One request as received. */
  record Received(String method, String pathAndQuery, Headers headers, byte[] body) {
    /** Names are case-insensitive, as in HTTP. */
    String header(String name) {
      return headers.getFirst(name);
    }
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final List<Received> received = new CopyOnWriteArrayList<>();

  LocalReceiver(HttpServer server) {
    this.server = server;
    server.setExecutor(executor);
  }

  static LocalReceiver start() throws IOException {
    LocalReceiver receiver = new LocalReceiver(
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
    receiver.server.start();
    return receiver;
  }

  /** Serves {@code path}, recording each request before {@code handler} answers it. */
  LocalReceiver on(String path, HttpHandler handler) {
    server.createContext(path, exchange -> {
      byte[] body = exchange.getRequestBody().readAllBytes();
      String query = exchange.getRequestURI().getRawQuery();
      received.add(new Received(exchange.getRequestMethod(),
          exchange.getRequestURI().getRawPath() + (query == null ? "" : "?" + query),
          new Headers(exchange.getRequestHeaders()), body));
      try (exchange) {
        handler.handle(exchange);
      }
    });
    return this;
  }

  int port() {
    return server.getAddress().getPort();
  }

  String url(String pathAndQuery) {
    return "http://127.0.0.1:" + port() + pathAndQuery;
  }

  List<Received> received() {
    return List.copyOf(received);
  }

  List<Received> receivedAt(String path) {
    return received.stream().filter(r -> r.pathAndQuery().startsWith(path)).toList();
  }

  static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    exchange.getResponseBody().write(body);
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
