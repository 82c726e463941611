package io.tender.local.sandbox.stripe;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Stripe's HTTP surface over the {@link StripeLedger}: bearer-key authentication, form-encoded
 * requests, JSON answers and errors, Idempotency-Key on POSTs, the failure switches, and the
 * hosted Checkout page under {@code /c/pay/}.
 */
final class StripeApi {
  static final String HOSTED_PAGE_PREFIX = "/c/pay/";
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Stripe refuses request bodies much smaller than this; a cap keeps a bad client from hurting us. */
  private static final int MAX_BODY_BYTES = 1024 * 1024;

  private final StripeLedger ledger;
  private final IdempotencyKeys idempotencyKeys;
  private final FailureSwitches switches;
  private final SandboxIds ids;
  private final String apiKey;
  private final String apiVersion;

  StripeApi(StripeLedger ledger, IdempotencyKeys idempotencyKeys, FailureSwitches switches,
      SandboxIds ids, String apiKey, String apiVersion) {
    this.ledger = ledger;
    this.idempotencyKeys = idempotencyKeys;
    this.switches = switches;
    this.ids = ids;
    this.apiKey = apiKey;
    this.apiVersion = apiVersion;
  }

  void serve(HttpExchange exchange) {
    try (exchange) {
      String path = exchange.getRequestURI().getRawPath();
      if (path.startsWith(HOSTED_PAGE_PREFIX)) {
        hostedPage(exchange, path.substring(HOSTED_PAGE_PREFIX.length()));
      } else {
        api(exchange, path);
      }
    } catch (IOException e) {
      // The client went away (a timeout switch does this on purpose); nothing is left to answer.
    }
  }

  private void api(HttpExchange exchange, String path) throws IOException {
    String method = exchange.getRequestMethod();
    String key = method.equals("POST") ? exchange.getRequestHeaders().getFirst("Idempotency-Key") : null;
    ApiResponse response;
    boolean replayed = false;
    Duration delay = null;
    try {
      String body = readBody(exchange);
      authenticate(exchange.getRequestHeaders().getFirst("Authorization"));
      if (switches.takeServerError()) {
        throw new StripeError(500, "api_error", null, null,
            "An unknown error occurred while processing your request (sandbox failure switch).");
      }
      delay = switches.takeSlowResponse();
      Function<Params, ObjectNode> route = route(method, path);
      ObjectNode params = FormParams.parse(method.equals("POST") ? body : exchange.getRequestURI().getRawQuery());
      if (key == null) {
        response = ok(route.apply(Params.root(params)));
      } else {
        switch (idempotencyKeys.claim(key, method + " " + path, params)) {
          case IdempotencyKeys.Replay replay -> {
            response = replay.response();
            replayed = true;
          }
          case IdempotencyKeys.Execute execute -> {
            try {
              response = ok(route.apply(Params.root(params)));
            } catch (RuntimeException e) {
              idempotencyKeys.release(key);
              throw e;
            }
            idempotencyKeys.complete(key, response);
          }
        }
      }
    } catch (StripeError e) {
      response = new ApiResponse(e.status, write(e.toJson()));
    }
    if (delay != null) {
      sleep(delay);
    }
    var headers = exchange.getResponseHeaders();
    headers.set("Content-Type", "application/json");
    headers.set("Request-Id", ids.next("req"));
    headers.set("Stripe-Version", apiVersion);
    if (key != null) {
      headers.set("Idempotency-Key", key);
    }
    if (replayed) {
      headers.set("Idempotent-Replayed", "true");
    }
    if (response.status() == 401) {
      headers.set("WWW-Authenticate", "Bearer realm=\"Stripe\"");
    }
    send(exchange, response.status(), response.body().getBytes(StandardCharsets.UTF_8));
  }

  private void authenticate(String authorization) {
    if (authorization == null || !authorization.startsWith("Bearer ") || authorization.length() == 7) {
      throw new StripeError(401, "invalid_request_error", null, null, "You did not provide an API key."
          + " You need to provide your API key in the Authorization header, using Bearer auth"
          + " (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').");
    }
    String given = authorization.substring(7).trim();
    if (!MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), apiKey.getBytes(StandardCharsets.UTF_8))) {
      // Masked as Stripe masks it: only the last four characters are ever echoed.
      String tail = given.length() > 4 ? given.substring(given.length() - 4) : "";
      throw new StripeError(401, "invalid_request_error", "api_key_invalid", null,
          "Invalid API Key provided: " + (given.startsWith("sk_test_") ? "sk_test_" : "") + "****" + tail);
    }
  }

  private Function<Params, ObjectNode> route(String method, String path) {
    String[] parts = path.split("/");
    // parts[0] is empty: paths start with "/".
    if (parts.length >= 3 && parts[1].equals("v1")) {
      if (parts.length == 4 && parts[2].equals("checkout") && parts[3].equals("sessions") && method.equals("POST")) {
        return ledger::createSession;
      }
      if (parts.length == 5 && parts[2].equals("checkout") && parts[3].equals("sessions") && method.equals("GET")) {
        return retrieve(() -> ledger.session(parts[4]));
      }
      if (parts.length == 6 && parts[2].equals("checkout") && parts[3].equals("sessions")
          && parts[5].equals("expire") && method.equals("POST")) {
        return params -> {
          params.allowOnly(Set.of());
          return ledger.expireSession(parts[4]);
        };
      }
      if (parts.length == 4 && parts[2].equals("payment_intents") && method.equals("GET")) {
        return retrieve(() -> ledger.paymentIntent(parts[3]));
      }
      if (parts.length == 3 && parts[2].equals("refunds") && method.equals("POST")) {
        return ledger::createRefund;
      }
      if (parts.length == 4 && parts[2].equals("refunds") && method.equals("GET")) {
        return retrieve(() -> ledger.refund(parts[3]));
      }
    }
    throw new StripeError(404, "invalid_request_error", null, null,
        "Unrecognized request URL (" + method + ": " + path + ").");
  }

  /** Retrieval takes no parameters here: the sandbox does not model {@code expand}. */
  private static Function<Params, ObjectNode> retrieve(Supplier<ObjectNode> read) {
    return params -> {
      params.allowOnly(Set.of());
      return read.get();
    };
  }

  private void hostedPage(HttpExchange exchange, String sessionId) throws IOException {
    String method = exchange.getRequestMethod();
    JsonNode session;
    try {
      session = ledger.session(sessionId);
    } catch (StripeError e) {
      html(exchange, 404, "<!doctype html><title>Not found</title><p>No such checkout session.</p>");
      return;
    }
    if (method.equals("GET")) {
      html(exchange, 200, HostedPage.render(session, null));
      return;
    }
    if (!method.equals("POST")) {
      exchange.getResponseHeaders().set("Allow", "GET, POST");
      send(exchange, 405, new byte[0]);
      return;
    }
    try {
      JsonNode action = FormParams.parse(readBody(exchange)).get("action");
      switch (action == null ? "" : action.asText()) {
        case "pay" -> {
          URI next = ledger.pay(sessionId);
          if (next == null) {
            html(exchange, 200, HostedPage.render(ledger.session(sessionId), "Your card was declined."));
          } else {
            redirect(exchange, next);
          }
        }
        case "decline" -> {
          ledger.decline(sessionId);
          html(exchange, 200, HostedPage.render(ledger.session(sessionId), "Your card was declined."));
        }
        case "cancel" -> redirect(exchange, ledger.cancel(sessionId));
        default -> html(exchange, 400, HostedPage.render(session, "Unknown action."));
      }
    } catch (StripeError e) {
      html(exchange, 409, HostedPage.render(ledger.session(sessionId), e.getMessage()));
    }
  }

  private static void redirect(HttpExchange exchange, URI location) throws IOException {
    exchange.getResponseHeaders().set("Location", location.toString());
    send(exchange, 303, new byte[0]);
  }

  private static void html(HttpExchange exchange, int status, String page) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
    send(exchange, status, page.getBytes(StandardCharsets.UTF_8));
  }

  private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private static String readBody(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
      if (body.length > MAX_BODY_BYTES) {
        throw StripeError.invalidRequest(null, "Request body too large.");
      }
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  private static ApiResponse ok(ObjectNode object) {
    return new ApiResponse(200, write(object));
  }

  private static String write(JsonNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void sleep(Duration delay) {
    try {
      Thread.sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
