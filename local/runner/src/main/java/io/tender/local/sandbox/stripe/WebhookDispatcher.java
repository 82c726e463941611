package io.tender.local.sandbox.stripe;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tender.core.signature.TimestampedHmacSignature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Stripe's webhook delivery, in small: each event is signed per endpoint at each attempt and
 * POSTed from a virtual thread; failures are retried with backoff a few times (Stripe keeps
 * trying for three days). Events go out in publication order unless a test asks for the
 * duplicates and reordering Stripe documents.
 */
final class WebhookDispatcher implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final int MAX_ATTEMPTS = 4;
  private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
  private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(5);

  private record Endpoint(URI url, String secret) {}

  private record Event(String id, String type, String payload) {}

  private final Clock clock;
  private final SandboxIds ids;
  private final String apiVersion;
  private final HttpClient http;
  private final List<Endpoint> endpoints = new CopyOnWriteArrayList<>();
  private final List<JsonNode> published = Collections.synchronizedList(new ArrayList<>());
  private final List<DeliveredEvent> delivered = new CopyOnWriteArrayList<>();
  private final BlockingQueue<Event> queue = new LinkedBlockingQueue<>();
  private final List<Event> held = new ArrayList<>();
  private final Thread worker;
  private volatile boolean duplicating;
  private boolean holding;

  WebhookDispatcher(Clock clock, SandboxIds ids, String apiVersion) {
    this.clock = clock;
    this.ids = ids;
    this.apiVersion = apiVersion;
    this.http = HttpClient.newBuilder()
        .connectTimeout(ATTEMPT_TIMEOUT)
        .executor(Executors.newVirtualThreadPerTaskExecutor())
        .build();
    this.worker = Thread.ofVirtual().name("stripe-sandbox-webhooks").start(this::run);
  }

  void addEndpoint(URI url, String secret) {
    if (secret == null || !secret.startsWith("whsec_")) {
      throw new IllegalArgumentException("a Stripe endpoint secret starts with whsec_");
    }
    endpoints.add(new Endpoint(url, secret));
  }

  /** Wraps {@code object} in an event envelope and queues it; never blocks on delivery. */
  void publish(String type, ObjectNode object) {
    ObjectNode envelope = JSON.createObjectNode();
    envelope.put("id", ids.next("evt"));
    envelope.put("object", "event");
    envelope.put("api_version", apiVersion);
    envelope.put("created", clock.instant().getEpochSecond());
    envelope.putObject("data").set("object", object);
    envelope.put("livemode", false);
    envelope.put("pending_webhooks", endpoints.size());
    ObjectNode request = envelope.putObject("request");
    request.putNull("id");
    request.putNull("idempotency_key");
    envelope.put("type", type);
    published.add(envelope);
    Event event = new Event(envelope.get("id").asText(), type, write(envelope));
    synchronized (held) {
      if (holding) {
        held.add(event);
      } else {
        queue.add(event);
      }
    }
  }

  List<JsonNode> published() {
    synchronized (published) {
      return List.copyOf(published);
    }
  }

  List<DeliveredEvent> delivered() {
    return List.copyOf(delivered);
  }

  void duplicateDeliveries(boolean on) {
    duplicating = on;
  }

  void hold() {
    synchronized (held) {
      holding = true;
    }
  }

  /** Stops holding and sends what was held newest first: the out-of-order arrival Stripe warns of. */
  void releaseReversed() {
    synchronized (held) {
      holding = false;
      for (Event event : held.reversed()) {
        queue.add(event);
      }
      held.clear();
    }
  }

  private void run() {
    try {
      while (!Thread.currentThread().isInterrupted()) {
        Event event = queue.take();
        for (Endpoint endpoint : endpoints) {
          attempt(endpoint, event, 1);
          if (duplicating) {
            attempt(endpoint, event, 1);
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void attempt(Endpoint endpoint, Event event, int attempt) {
    if (send(endpoint, event, attempt) || attempt >= MAX_ATTEMPTS) {
      return;
    }
    Duration backoff = FIRST_BACKOFF.multipliedBy(1L << (attempt - 1));
    Thread.ofVirtual().start(() -> {
      try {
        Thread.sleep(backoff);
        attempt(endpoint, event, attempt + 1);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
  }

  private boolean send(Endpoint endpoint, Event event, int attempt) {
    byte[] body = event.payload().getBytes(StandardCharsets.UTF_8);
    // Signed at each attempt, as Stripe does: a retry carries a fresh timestamp.
    String signature = TimestampedHmacSignature.sign(body, clock.instant(), List.of(endpoint.secret()));
    HttpRequest request = HttpRequest.newBuilder(endpoint.url())
        .timeout(ATTEMPT_TIMEOUT)
        .header("Content-Type", "application/json; charset=utf-8")
        .header("User-Agent", "Stripe/1.0 (+https://stripe.com/docs/webhooks)")
        .header("Stripe-Signature", signature)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build();
    try {
      int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      if (status / 100 == 2) {
        delivered.add(new DeliveredEvent(endpoint.url(), event.id(), event.type(), event.payload(),
            signature, attempt));
        return true;
      }
      return false;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return true;
    }
  }

  private static String write(JsonNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    worker.interrupt();
    http.close();
  }
}
