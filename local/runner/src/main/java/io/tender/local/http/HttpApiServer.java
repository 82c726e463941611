package io.tender.local.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.tender.local.function.Invocation;
import io.tender.local.function.LocalFunction;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;

/**
 * API Gateway's HTTP API, locally: serves the template's routes on loopback, turns each request
 * into the payload 2.0 event, invokes the route's function and maps its answer back. Requests
 * under {@code /_local/} go to the runner's own operator endpoints instead.
 */
public final class HttpApiServer implements AutoCloseable {
  /** API Gateway refuses request bodies above 10 MB. */
  private static final int MAX_BODY_BYTES = 10 * 1024 * 1024;
  public static final String LOCAL_PREFIX = "/_local/";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final RouteTable routes;
  private final Map<String, LocalFunction> functions;
  private final LocalEndpoints localEndpoints;
  private final Clock clock;
  private final PrintStream log;

  /** The runner's own operator endpoints, for paths under {@link #LOCAL_PREFIX}. */
  @FunctionalInterface
  public interface LocalEndpoints {
    OutgoingResponse handle(String method, String path);
  }

  private HttpApiServer(HttpServer server, RouteTable routes, Map<String, LocalFunction> functions,
      LocalEndpoints localEndpoints, Clock clock, PrintStream log) {
    this.server = server;
    this.routes = routes;
    this.functions = functions;
    this.localEndpoints = localEndpoints;
    this.clock = clock;
    this.log = log;
  }

  public static HttpApiServer start(int port, RouteTable routes, Map<String, LocalFunction> functions,
      LocalEndpoints localEndpoints, Clock clock, PrintStream log) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
    HttpApiServer api = new HttpApiServer(server, routes, functions, localEndpoints, clock, log);
    server.createContext("/", api::serve);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.start();
    return api;
  }

  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  private void serve(HttpExchange exchange) throws IOException {
    try (exchange) {
      String requestId = UUID.randomUUID().toString();
      OutgoingResponse response;
      try {
        response = answer(exchange, requestId);
      } catch (RuntimeException e) {
        log.printf("request %s failed in the local gateway:%n", requestId);
        e.printStackTrace(log);
        response = GatewayErrorResponses.handlerFailure(requestId);
      }
      send(exchange, requestId, response);
    }
  }

  private OutgoingResponse answer(HttpExchange exchange, String requestId) throws IOException {
    String method = exchange.getRequestMethod();
    String rawPath = exchange.getRequestURI().getRawPath();
    if (rawPath.startsWith(LOCAL_PREFIX)) {
      return localEndpoints.handle(method, rawPath);
    }
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readNBytes(MAX_BODY_BYTES + 1);
    }
    if (body.length > MAX_BODY_BYTES) {
      return new OutgoingResponse(413, List.of(Map.entry("content-type", "application/json")),
          "{\"message\":\"Request Entity Too Large\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    return switch (routes.match(method, rawPath)) {
      case RouteMatch.NotFound notFound -> GatewayErrorResponses.notFound();
      case RouteMatch.MethodNotAllowed notAllowed ->
          GatewayErrorResponses.methodNotAllowed(notAllowed.allowedMethods());
      case RouteMatch.Matched matched -> invoke(exchange, matched, body, requestId);
    };
  }

  private OutgoingResponse invoke(HttpExchange exchange, RouteMatch.Matched matched, byte[] body,
      String requestId) throws IOException {
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    exchange.getRequestHeaders().forEach((name, values) ->
        values.forEach(value -> headers.add(Map.entry(name, value))));
    String rawQuery = exchange.getRequestURI().getRawQuery();
    IncomingRequest request = new IncomingRequest(exchange.getRequestMethod(),
        exchange.getRequestURI().getRawPath(), rawQuery == null ? "" : rawQuery, headers, body,
        exchange.getRemoteAddress().getAddress().getHostAddress(), exchange.getProtocol());
    byte[] event = JSON.writeValueAsBytes(HttpApiRequestEvents.toEvent(request, matched, requestId,
        clock.instant(), "local", baseUrl().getAuthority()));
    Invocation result = functions.get(matched.functionId()).invoke(event, requestId);
    if (result instanceof Invocation.Succeeded succeeded) {
      JsonNode output;
      try {
        output = JSON.readTree(succeeded.output());
      } catch (IOException e) {
        return GatewayErrorResponses.malformedHandlerResponse();
      }
      return HttpApiResponses.toResponse(output);
    }
    return GatewayErrorResponses.handlerFailure(requestId);
  }

  private static void send(HttpExchange exchange, String requestId, OutgoingResponse response)
      throws IOException {
    response.headers().forEach(header -> exchange.getResponseHeaders().add(header.getKey(), header.getValue()));
    exchange.getResponseHeaders().set("apigw-requestid", requestId);
    boolean noBody = response.body().length == 0 || "HEAD".equals(exchange.getRequestMethod());
    exchange.sendResponseHeaders(response.status(), noBody ? -1 : response.body().length);
    if (!noBody) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(response.body());
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
