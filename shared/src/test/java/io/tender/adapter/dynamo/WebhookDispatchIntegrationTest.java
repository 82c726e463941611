package io.tender.adapter.dynamo;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.tender.adapter.webhook.DnsHostResolver;
import io.tender.adapter.webhook.GuardedWebhookSender;
import io.tender.adapter.webhook.SendTimeouts;
import io.tender.core.event.MerchantEvent;
import io.tender.core.id.RandomIdGenerator;
import io.tender.core.tenant.Mode;
import io.tender.core.webhook.DeliveryAttempt;
import io.tender.core.webhook.DeliveryQueue;
import io.tender.core.webhook.DeliveryTicket;
import io.tender.core.webhook.MerchantEventStore;
import io.tender.core.webhook.StoredEvent;
import io.tender.core.webhook.OutboundUrlPolicy;
import io.tender.core.webhook.RetrySchedule;
import io.tender.core.webhook.WebhookDelivery;
import io.tender.core.webhook.WebhookDispatcher;
import io.tender.core.webhook.WebhookEndpoint;
import io.tender.core.webhook.WebhookEndpointRepository;
import io.tender.core.webhook.WebhookSigner;
import io.tender.core.webhook.WebhookSigningSecret;
import io.tender.local.engines.LocalEngines;
import io.tender.local.engines.SharedEngines;
import io.tender.testing.LocalTender;
import io.tender.testing.MutableClock;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Merchant webhook delivery on DynamoDB Local with a real HTTP receiver: the retry schedule on an
 * injected clock, the attempt log, long waits released by the sweeper, deleted endpoints and stale
 * tickets.
 */
@ExtendWith(SharedEngines.class)
class WebhookDispatchIntegrationTest {
  private static final Instant START = Instant.parse("2026-11-23T12:00:00Z");
  private static LocalTender tender;

  private final MutableClock clock = new MutableClock(START);
  private final RandomIdGenerator ids = new RandomIdGenerator(clock, new java.util.Random(5));
  private final Deque<Queued> queue = new ConcurrentLinkedDeque<>();
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private HttpServer receiver;
  private DynamoWebhookEndpointRepository endpoints;
  private DynamoWebhookDeliveryRepository deliveries;
  private WebhookDispatcher dispatcher;
  private GuardedWebhookSender sender;

  record Queued(DeliveryTicket ticket, Duration delay) {}

  record Received(String body, String signature, String eventId) {}

  @BeforeAll
  static void provision(LocalEngines engines) {
    tender = LocalTender.provision(engines);
  }

  @AfterAll
  static void close() {
    tender.close();
  }

  @AfterEach
  void stopReceiver() {
    if (receiver != null) {
      receiver.stop(0);
    }
  }

  @Test
  void failedAttemptsFollowTheScheduleAndTheLogShowsEachUntilDelivered() throws Exception {
    // 500, then too slow to answer, then 200.
    int[] calls = {0};
    String url = startReceiver(() -> ++calls[0] == 1 ? 500 : calls[0] == 2 ? -1 : 200);
    wire();
    WebhookEndpoint endpoint = endpoint("ten_whd1", url, Set.of("payment.succeeded"));
    MerchantEvent event = event("ten_whd1", "payment.succeeded");

    List<WebhookDelivery> started = dispatcher.fanOut("ten_whd1", Mode.TEST, event.id(), event.type());
    assertThat(started).hasSize(1);
    assertThat(started.get(0).id()).as("filed under its event's day, found from its id alone")
        .startsWith("wd_" + event.id().substring("evt_".length(), "evt_".length() + 10)).hasSize(29);
    assertThat(dispatcher.fanOut("ten_whd1", Mode.TEST, event.id(), event.type()))
        .as("a repeated fan-out finds the untried delivery and queues it again, making no second one")
        .extracting(WebhookDelivery::id).containsExactly(started.get(0).id());
    queue.pollLast();

    assertThat(dispatcher.attempt(next(Duration.ZERO))).isEqualTo(WebhookDispatcher.Outcome.RETRY_SCHEDULED);
    clock.advance(Duration.ofMinutes(2));
    assertThat(dispatcher.attempt(next(Duration.ofMinutes(2)))).isEqualTo(WebhookDispatcher.Outcome.RETRY_SCHEDULED);
    clock.set(START.plus(Duration.ofMinutes(8)));
    Queued third = queue.pollFirst();
    assertThat(third.ticket().attempt()).isEqualTo(3);
    assertThat(dispatcher.attempt(third.ticket())).isEqualTo(WebhookDispatcher.Outcome.DELIVERED);

    WebhookDelivery delivery = deliveries.find("ten_whd1", Mode.TEST, started.get(0).id()).orElseThrow();
    assertThat(delivery.status()).isEqualTo(WebhookDelivery.Status.SUCCEEDED);
    assertThat(delivery.attempts()).extracting(DeliveryAttempt::errorClass)
        .containsExactly("http_error", "timeout", DeliveryAttempt.DELIVERED);
    assertThat(delivery.attempts()).extracting(attempt -> attempt.statusCode().orElse(0)).containsExactly(500, 0, 200);
    assertThat(delivery.attempts()).extracting(DeliveryAttempt::at)
        .containsExactly(START, START.plus(Duration.ofMinutes(2)), START.plus(Duration.ofMinutes(8)));
    assertThat(delivery.attempts().get(0).excerpt()).isEqualTo("answer 1");
    assertThat(received).hasSize(3);
    String stored = new DynamoMerchantEventStore(tender.clients().dynamoDb(), tender.tableName())
        .find("ten_whd1", Mode.TEST, event.id()).orElseThrow().body();
    assertThat(received).allSatisfy(request -> {
      assertThat(request.body()).isEqualTo(stored);
      assertThat(request.eventId()).isEqualTo(event.id());
      assertThat(request.signature()).matches("t=\\d+,v1=[0-9a-f]{64}");
    });
    assertThat(queue).as("nothing more is queued once delivered").isEmpty();
    assertThat(dispatcher.attempt(third.ticket())).as("a repeated ticket is dropped").isEqualTo(WebhookDispatcher.Outcome.STALE);
    assertThat(received).hasSize(3);
    assertThat(endpoint.secrets()).hasSize(1);
  }

  @Test
  void waitsLongerThanTheQueueHoldsAreReleasedByTheSweeperAndTheLastFailureEndsTheDelivery() throws Exception {
    String url = startReceiver(() -> 503);
    wire();
    endpoint("ten_whd2", url, Set.of("*"));
    MerchantEvent event = event("ten_whd2", "refund.succeeded");
    String id = dispatcher.fanOut("ten_whd2", Mode.TEST, event.id(), event.type()).get(0).id();

    for (int attempt = 1; attempt <= RetrySchedule.attempts(); attempt++) {
      Instant due = RetrySchedule.due(START, attempt).orElseThrow();
      Queued queued = queue.pollFirst();
      if (queued == null) {
        assertThat(Duration.between(clock.instant(), due)).as("only long waits are left to the sweeper")
            .isGreaterThan(DeliveryQueue.MAX_DELAY);
        clock.set(due.minus(Duration.ofMinutes(2)));
        assertThat(dispatcher.releaseDue(100)).as("not yet: released a minute before it is due").isZero();
        clock.set(due.minus(Duration.ofMinutes(1)));
        assertThat(dispatcher.releaseDue(100)).isEqualTo(1);
        assertThat(dispatcher.releaseDue(100)).as("released once, not every minute").isZero();
        queued = queue.pollFirst();
        assertThat(queued.delay()).isEqualTo(Duration.ofMinutes(1));
      }
      assertThat(queued.ticket().attempt()).isEqualTo(attempt);
      clock.set(due);
      WebhookDispatcher.Outcome outcome = dispatcher.attempt(queued.ticket());
      assertThat(outcome).isEqualTo(attempt < RetrySchedule.attempts()
          ? WebhookDispatcher.Outcome.RETRY_SCHEDULED : WebhookDispatcher.Outcome.FAILED);
    }

    WebhookDelivery failed = deliveries.find("ten_whd2", Mode.TEST, id).orElseThrow();
    assertThat(failed.status()).isEqualTo(WebhookDelivery.Status.FAILED);
    assertThat(failed.attempts()).hasSize(8);
    assertThat(Duration.between(START, failed.attempts().get(7).at())).isEqualTo(Duration.ofMinutes(2186));
    assertThat(queue).isEmpty();
    clock.advance(Duration.ofDays(3));
    assertThat(dispatcher.releaseDue(100)).as("a finished delivery leaves the due index").isZero();
  }

  @Test
  void aDeletedEndpointReceivesNothingMoreAndALostTicketIsReleasedAgain() throws Exception {
    String url = startReceiver(() -> 500);
    wire();
    WebhookEndpoint endpoint = endpoint("ten_whd3", url, Set.of("payment.failed"));
    MerchantEvent event = event("ten_whd3", "payment.failed");
    assertThat(dispatcher.fanOut("ten_whd3", Mode.TEST, event.id(), "payment.succeeded"))
        .as("not subscribed to that type").isEmpty();
    String id = dispatcher.fanOut("ten_whd3", Mode.TEST, event.id(), event.type()).get(0).id();
    assertThat(dispatcher.attempt(queue.pollFirst().ticket())).isEqualTo(WebhookDispatcher.Outcome.RETRY_SCHEDULED);

    queue.clear(); // the queue lost the retry's ticket
    clock.advance(Duration.ofMinutes(2).plus(Duration.ofMinutes(5)));
    assertThat(dispatcher.releaseDue(100)).as("the safety net queues it again").isEqualTo(1);
    assertThat(queue.peekFirst().ticket().attempt()).isEqualTo(2);

    assertThat(endpoints.replace(endpoint.deleted())).isTrue();
    assertThat(dispatcher.attempt(queue.pollFirst().ticket())).isEqualTo(WebhookDispatcher.Outcome.CANCELLED);
    assertThat(received).hasSize(1);
    assertThat(deliveries.find("ten_whd3", Mode.TEST, id).orElseThrow().status())
        .isEqualTo(WebhookDelivery.Status.CANCELLED);
    assertThat(dispatcher.fanOut("ten_whd3", Mode.TEST, "evt_whd3b", event.type())).isEmpty();
  }

  @Test
  void aBatchReadsEachTenantsEndpointsOnceAndItsTicketsCarryTheEventsBody() throws Exception {
    String url = startReceiver(() -> 200);
    wire();
    var dynamo = tender.clients().dynamoDb();
    DynamoMerchantEventStore stored = new DynamoMerchantEventStore(dynamo, tender.tableName());
    AtomicInteger lists = new AtomicInteger();
    AtomicInteger eventReads = new AtomicInteger();
    WebhookEndpointRepository counted = new WebhookEndpointRepository() {
      @Override
      public void create(WebhookEndpoint endpoint) {
        endpoints.create(endpoint);
      }

      @Override
      public Optional<WebhookEndpoint> find(String tenantId, Mode mode, String endpointId) {
        return endpoints.find(tenantId, mode, endpointId);
      }

      @Override
      public List<WebhookEndpoint> list(String tenantId, Mode mode) {
        lists.incrementAndGet();
        return endpoints.list(tenantId, mode);
      }

      @Override
      public boolean replace(WebhookEndpoint next) {
        return endpoints.replace(next);
      }
    };
    MerchantEventStore countedEvents = new MerchantEventStore() {
      @Override
      public Optional<StoredEvent> find(String tenantId, Mode mode, String eventId) {
        eventReads.incrementAndGet();
        return stored.find(tenantId, mode, eventId);
      }

      @Override
      public List<StoredEvent> after(String tenantId, Mode mode, Optional<String> after, int limit, Instant now) {
        return stored.after(tenantId, mode, after, limit, now);
      }
    };
    WebhookDispatcher batched = new WebhookDispatcher(counted, deliveries, countedEvents,
        (ticket, delay) -> queue.addLast(new Queued(ticket, delay)), sender, new WebhookSigner(clock), clock);
    WebhookEndpoint kept = endpoint("ten_whd6", url, Set.of("*"));
    endpoint("ten_whd7", url, Set.of("*"));
    List<MerchantEvent> events = List.of(event("ten_whd6", "payment.succeeded"),
        event("ten_whd6", "checkout.session.completed"), event("ten_whd7", "payment.succeeded"));

    WebhookDispatcher.Batch batch = batched.batch();
    for (MerchantEvent event : events) {
      String body = stored.find(event.tenantId(), event.mode(), event.id()).orElseThrow().body();
      assertThat(batch.fanOut(event.tenantId(), event.mode(), event.id(), event.type(), Optional.of(body))).hasSize(1);
    }

    assertThat(lists).as("one read per tenant and mode in the batch").hasValue(2);
    assertThat(queue).hasSize(3).allSatisfy(queued -> assertThat(queued.ticket().eventBody()).isPresent());
    assertThat(batched.attempt(queue.pollFirst().ticket())).isEqualTo(WebhookDispatcher.Outcome.DELIVERED);
    assertThat(eventReads).as("the body came with the ticket").hasValue(0);
    assertThat(received.get(0).body()).isEqualTo(stored.find("ten_whd6", Mode.TEST, events.get(0).id()).orElseThrow().body());

    // Deleted after the batch read it: the attempt reads the endpoint again and sends nothing.
    assertThat(endpoints.replace(kept.deleted())).isTrue();
    assertThat(batched.attempt(queue.pollFirst().ticket())).isEqualTo(WebhookDispatcher.Outcome.CANCELLED);
    assertThat(received).hasSize(1);
  }

  @Test
  void deliveriesAreListedNewestFirstByFilterAndPage() throws Exception {
    String url = startReceiver(() -> 200);
    wire();
    WebhookEndpoint first = endpoint("ten_whd4", url, Set.of("*"));
    List<String> made = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      clock.advance(Duration.ofSeconds(1));
      MerchantEvent event = event("ten_whd4", i % 2 == 0 ? "payment.succeeded" : "refund.failed");
      made.add(event.id());
      dispatcher.fanOut("ten_whd4", Mode.TEST, event.id(), event.type());
    }
    dispatcher.attempt(queue.pollFirst().ticket()); // the first event's delivered

    var page = deliveries.list("ten_whd4", Mode.TEST, filter(null, null, null), java.util.Optional.empty(), 2);
    assertThat(page.deliveries()).extracting(WebhookDelivery::eventId).containsExactly(made.get(4), made.get(3));
    var rest = deliveries.list("ten_whd4", Mode.TEST, filter(null, null, null), page.nextCursor(), 10);
    assertThat(rest.deliveries()).extracting(WebhookDelivery::eventId)
        .containsExactly(made.get(2), made.get(1), made.get(0));
    assertThat(rest.nextCursor()).isEmpty();
    assertThat(deliveries.list("ten_whd4", Mode.TEST, filter(null, null, WebhookDelivery.Status.SUCCEEDED),
        java.util.Optional.empty(), 10).deliveries()).extracting(WebhookDelivery::eventId).containsExactly(made.get(0));
    assertThat(deliveries.list("ten_whd4", Mode.TEST, filter(first.id(), made.get(3), null),
        java.util.Optional.empty(), 10).deliveries()).hasSize(1);
    assertThat(deliveries.list("ten_other", Mode.TEST, filter(null, null, null), java.util.Optional.empty(), 10)
        .deliveries()).as("another tenant sees none").isEmpty();
    // Delivered, so that no other test's sweep finds them pending in the shared due index.
    while (!queue.isEmpty()) {
      assertThat(dispatcher.attempt(queue.pollFirst().ticket())).isEqualTo(WebhookDispatcher.Outcome.DELIVERED);
    }
  }

  private static io.tender.core.webhook.WebhookDeliveryRepository.DeliveryFilter filter(String endpoint, String event,
      WebhookDelivery.Status status) {
    return new io.tender.core.webhook.WebhookDeliveryRepository.DeliveryFilter(java.util.Optional.ofNullable(endpoint),
        java.util.Optional.ofNullable(event), java.util.Optional.ofNullable(status));
  }

  private DeliveryTicket next(Duration expectedDelay) {
    Queued queued = queue.pollFirst();
    assertThat(queued).as("a ticket was queued").isNotNull();
    assertThat(queued.delay()).isBetween(expectedDelay.minusSeconds(1), expectedDelay);
    return queued.ticket();
  }

  private void wire() {
    var dynamo = tender.clients().dynamoDb();
    endpoints = new DynamoWebhookEndpointRepository(dynamo, tender.tableName());
    deliveries = new DynamoWebhookDeliveryRepository(dynamo, tender.tableName());
    sender = new GuardedWebhookSender(
        OutboundUrlPolicy.allowingLocalDemoReceiver(new DnsHostResolver()),
        (SSLSocketFactory) SSLSocketFactory.getDefault(),
        new SendTimeouts(Duration.ofMillis(500), Duration.ofMillis(700)));
    DeliveryQueue recording = (ticket, delay) -> queue.addLast(new Queued(ticket, delay));
    dispatcher = new WebhookDispatcher(endpoints, deliveries, new DynamoMerchantEventStore(dynamo, tender.tableName()),
        recording, sender, new WebhookSigner(clock), clock);
  }

  private WebhookEndpoint endpoint(String tenant, String url, Set<String> events) {
    WebhookEndpoint endpoint = new WebhookEndpoint("we_" + tenant.substring(4) + "0000000000000000000000",
        tenant, Mode.TEST, url, events, WebhookEndpoint.Status.ENABLED,
        List.of(WebhookSigningSecret.current("whsec_test_" + tenant)), 0, START);
    endpoints.create(endpoint);
    return endpoint;
  }

  private MerchantEvent event(String tenant, String type) {
    String id = ids.next("evt");
    MerchantEvent event = new MerchantEvent(id, tenant, Mode.TEST, type, clock.instant(), clock.instant(), 3,
        "pay_" + id, Map.of("id", "pay_" + id, "object", "payment"));
    tender.clients().dynamoDb().putItem(put -> put.tableName(tender.tableName()).item(MerchantEventItems.item(event)));
    return event;
  }

  /** A receiver answering each request with the status {@code script} gives; -1 never answers in time. */
  private String startReceiver(IntSupplier script) throws Exception {
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext("/hook", exchange -> {
      byte[] body = exchange.getRequestBody().readAllBytes();
      received.add(new Received(new String(body, StandardCharsets.UTF_8),
          exchange.getRequestHeaders().getFirst("Tender-Signature"), exchange.getRequestHeaders().getFirst("Tender-Event-Id")));
      int status = script.getAsInt();
      if (status < 0) {
        try {
          Thread.sleep(2_000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        status = 200;
      }
      byte[] answer = ("answer " + received.size()).getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(status, answer.length);
      exchange.getResponseBody().write(answer);
      exchange.close();
    });
    receiver.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    receiver.start();
    return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
  }
}
