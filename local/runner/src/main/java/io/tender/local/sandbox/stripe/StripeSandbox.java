package io.tender.local.sandbox.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.tender.core.id.RandomIdGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A Stripe account on loopback that speaks Stripe's wire format: Checkout Sessions,
 * PaymentIntents and Refunds under {@code /v1}, a hosted payment page, and signed webhooks. A
 * connector pointed at {@link #baseUrl()} with {@link #apiKey()} works unchanged against
 * {@code https://api.stripe.com} with a real key.
 *
 * <p>Tests act as the payer through {@link #hostedPagePay} and friends (or over HTTP at the
 * session's {@code url}), steer faults through {@link #failures()}, and read what webhook
 * endpoints acknowledged through {@link #deliveredEvents()}.
 */
public final class StripeSandbox implements AutoCloseable {
  /**
   * The API version stamped on responses and events: the one stripe-java 33.3.0 pins, so that its
   * event deserialiser accepts the payloads. Stripe stamps each endpoint's version the same way.
   */
  public static final String API_VERSION = "2026-07-29.dahlia";
  private static final Duration SWEEP_INTERVAL = Duration.ofMillis(500);

  private final HttpServer server;
  private final ExecutorService executor;
  private final String apiKey;
  private final StripeLedger ledger;
  private final WebhookDispatcher webhooks;
  private final FailureSwitches failures;
  private final Thread sweeper;

  private StripeSandbox(HttpServer server, ExecutorService executor, String apiKey, StripeLedger ledger,
      WebhookDispatcher webhooks, FailureSwitches failures) {
    this.server = server;
    this.executor = executor;
    this.apiKey = apiKey;
    this.ledger = ledger;
    this.webhooks = webhooks;
    this.failures = failures;
    this.sweeper = Thread.ofVirtual().name("stripe-sandbox-expiry").start(this::sweep);
  }

  /** Starts on 127.0.0.1 on a free port; {@code clock} drives created, expires_at and expiry. */
  public static StripeSandbox start(Clock clock) {
    SecureRandom random = new SecureRandom();
    SandboxIds ids = new SandboxIds(new RandomIdGenerator(clock, random));
    byte[] keyBytes = new byte[24];
    random.nextBytes(keyBytes);
    String apiKey = "sk_test_" + HexFormat.of().formatHex(keyBytes);
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the Stripe sandbox's port", e);
    }
    URI baseUrl = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    FailureSwitches failures = new FailureSwitches();
    WebhookDispatcher webhooks = new WebhookDispatcher(clock, ids, API_VERSION);
    StripeLedger ledger = new StripeLedger(clock, ids, webhooks, failures, baseUrl);
    StripeApi api = new StripeApi(ledger, new IdempotencyKeys(clock), failures, ids, apiKey, API_VERSION);
    ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    server.createContext("/", api::serve);
    server.setExecutor(executor);
    server.start();
    return new StripeSandbox(server, executor, apiKey, ledger, webhooks, failures);
  }

  /** What a connector uses in place of {@code https://api.stripe.com}. */
  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** The one secret key this sandbox accepts; a fresh {@code sk_test_...} per sandbox. */
  public String apiKey() {
    return apiKey;
  }

  /** Events go to {@code url}, signed with {@code whsecSecret} as Stripe signs them. */
  public void addWebhookEndpoint(URI url, String whsecSecret) {
    webhooks.addEndpoint(url, whsecSecret);
  }

  public FailureSwitches failures() {
    return failures;
  }

  /**
   * The payer presses Pay: answers the success_url to redirect to, or empty when
   * {@link FailureSwitches#declineNextPayment} turned it into a decline.
   *
   * @throws IllegalStateException when the session is not open
   */
  public Optional<URI> hostedPagePay(String sessionId) {
    try {
      return Optional.ofNullable(ledger.pay(sessionId));
    } catch (StripeError e) {
      throw new IllegalStateException(e.getMessage());
    }
  }

  /** The payer's card is declined; the session stays open. */
  public void hostedPageDecline(String sessionId) {
    try {
      ledger.decline(sessionId);
    } catch (StripeError e) {
      throw new IllegalStateException(e.getMessage());
    }
  }

  /** The payer goes back: answers the cancel_url; the session stays open, as on Stripe. */
  public URI hostedPageCancel(String sessionId) {
    try {
      return ledger.cancel(sessionId);
    } catch (StripeError e) {
      throw new IllegalStateException(e.getMessage());
    }
  }

  /** A refund created pending by {@link FailureSwitches#pendNextRefund} succeeds now. */
  public void settleRefund(String refundId) {
    ledger.settleRefund(refundId);
  }

  /** Every event published so far, in order, whether or not any endpoint has received it. */
  public List<JsonNode> events() {
    return webhooks.published();
  }

  /** Deliveries endpoints acknowledged with a 2xx, in the order they were acknowledged. */
  public List<DeliveredEvent> deliveredEvents() {
    return webhooks.delivered();
  }

  /** Each event goes to each endpoint twice, as Stripe warns it may. */
  public void duplicateDeliveries(boolean on) {
    webhooks.duplicateDeliveries(on);
  }

  /** Events are held back from now on, until {@link #releaseHeldEventsReversed}. */
  public void holdEvents() {
    webhooks.hold();
  }

  /** Delivers the held events newest first, and stops holding. */
  public void releaseHeldEventsReversed() {
    webhooks.releaseReversed();
  }

  private void sweep() {
    try {
      while (!Thread.currentThread().isInterrupted()) {
        Thread.sleep(SWEEP_INTERVAL);
        ledger.sweep();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    sweeper.interrupt();
    server.stop(0);
    executor.shutdownNow();
    webhooks.close();
  }
}
