package io.tender.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.tender.adapter.dynamo.DynamoMerchantEventStore;
import io.tender.adapter.dynamo.DynamoWebhookDeliveryRepository;
import io.tender.adapter.dynamo.DynamoWebhookEndpointRepository;
import io.tender.adapter.dynamo.MerchantEventItems;
import io.tender.adapter.sqs.SqsDeliveryQueue;
import io.tender.adapter.webhook.DnsHostResolver;
import io.tender.adapter.webhook.GuardedWebhookSender;
import io.tender.adapter.webhook.SendTimeouts;
import io.tender.core.event.MerchantEvent;
import io.tender.core.tenant.Mode;
import io.tender.core.webhook.OutboundUrlPolicy;
import io.tender.core.webhook.WebhookDelivery;
import io.tender.core.webhook.WebhookDeliveryRepository.DeliveryFilter;
import io.tender.core.webhook.WebhookDispatcher;
import io.tender.core.webhook.WebhookEndpoint;
import io.tender.core.webhook.WebhookSigner;
import io.tender.core.webhook.WebhookSigningSecret;
import io.tender.local.engines.LocalEngines;
import io.tender.local.engines.SharedEngines;
import io.tender.reliability.CrashInjector.When;
import io.tender.testing.LocalTender;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Merchant-event dispatch killed at every DynamoDB and SQS call, before the call reached the
 * service and after it was done: the stream hands the event to fan-out again when fan-out died,
 * the queue hands a ticket to the delivery consumer again when the attempt died, and the end state
 * is always an unbroken run's: one delivery, succeeded, its one recorded attempt, nothing queued.
 * The receiver may be POSTed twice (a crash after its answer, before the record): delivery is at
 * least once, and merchants drop repeats by event id.
 */
@ExtendWith(SharedEngines.class)
class DispatchCrashInjectionTest {
  private static final CrashInjector CRASH = new CrashInjector();
  private static final AtomicInteger CASES = new AtomicInteger();

  private static LocalTender tender;
  private static DynamoDbClient dynamo;
  private static SqsClient sqs;
  private static SqsClient cleanSqs;
  private static String queueUrl;
  private static HttpServer receiver;
  private static final AtomicInteger RECEIVED = new AtomicInteger();

  private record Case(String tenantId, String eventId) {}

  @BeforeAll
  static void provision(LocalEngines engines) throws Exception {
    tender = LocalTender.provision(engines);
    dynamo = EngineClients.dynamoDb(tender, CRASH);
    sqs = EngineClients.sqs(tender, CRASH);
    cleanSqs = tender.clients().sqs();
    queueUrl = tender.stack().queueUrl("WebhookDeliveryQueue");
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext("/hooks", exchange -> {
      exchange.getRequestBody().readAllBytes();
      RECEIVED.incrementAndGet();
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    receiver.start();
  }

  @AfterAll
  static void close() {
    receiver.stop(0);
    dynamo.close();
    sqs.close();
    cleanSqs.close();
    tender.close();
  }

  @Test
  void dispatchRetriedAfterACrashAnywhereEndsAsAnUnbrokenRun() {
    Case reference = newCase();
    CRASH.arm(0, When.BEFORE);
    int receivedBefore = RECEIVED.get();
    run(reference);
    int calls = CRASH.calls();
    List<String> operations = CRASH.operations();
    String expected = finalState(reference);
    assertThat(expected).isEqualTo("1 delivery: SUCCEEDED, attempts [200 none], queue empty");
    assertThat(RECEIVED.get() - receivedBefore).isEqualTo(1);

    List<String> diverged = new ArrayList<>();
    for (int n = 1; n <= calls; n++) {
      for (When when : When.values()) {
        Case crashed = newCase();
        CRASH.arm(n, when);
        int before = RECEIVED.get();
        boolean died = false;
        try {
          run(crashed);
        } catch (CrashInjector.InjectedCrash crash) {
          died = true;
        }
        CRASH.disarm();
        run(crashed); // the stream and the queue hand over again what was not acknowledged
        String actual = finalState(crashed);
        int posts = RECEIVED.get() - before;
        if (!died || !actual.equals(expected) || posts < 1 || posts > 2) {
          diverged.add("call " + n + " " + operations.get(n - 1) + " " + when + ": died " + died + ", " + actual
              + ", " + posts + " POSTs");
        }
      }
    }
    System.out.printf("crash injection: dispatch: %d calls %s, %d crash points%n", calls, operations, calls * 2);
    assertThat(calls).as("fan-out reads endpoints, puts the delivery, queues; the attempt reads and records")
        .isGreaterThanOrEqualTo(6);
    assertThat(diverged).isEmpty();
  }

  /** Fan-out of the event (as the stream delivers it), then the queue drained (as Lambda polls it). */
  private static void run(Case c) {
    WebhookDispatcher dispatcher = dispatcher();
    dispatcher.fanOut(c.tenantId(), Mode.TEST, c.eventId(), "payment.succeeded");
    for (int round = 0; round < 20; round++) {
      List<Message> messages = cleanSqs.receiveMessage(receive -> receive.queueUrl(queueUrl).maxNumberOfMessages(10)
          .waitTimeSeconds(0)).messages();
      if (messages.isEmpty()) {
        return;
      }
      for (Message message : messages) {
        try {
          dispatcher.attempt(SqsDeliveryQueue.parse(message.body()));
          cleanSqs.deleteMessage(delete -> delete.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
        } catch (CrashInjector.InjectedCrash crash) {
          // Not deleted: the queue delivers it again once its visibility runs out; here, at once.
          cleanSqs.changeMessageVisibility(change -> change.queueUrl(queueUrl)
              .receiptHandle(message.receiptHandle()).visibilityTimeout(0));
          throw crash;
        } catch (java.io.IOException unreadable) {
          throw new IllegalStateException(unreadable);
        }
      }
    }
    throw new IllegalStateException("the delivery queue did not drain");
  }

  private static WebhookDispatcher dispatcher() {
    Clock clock = Clock.systemUTC();
    return new WebhookDispatcher(new DynamoWebhookEndpointRepository(dynamo, tender.tableName()),
        new DynamoWebhookDeliveryRepository(dynamo, tender.tableName()),
        new DynamoMerchantEventStore(dynamo, tender.tableName()), new SqsDeliveryQueue(sqs, queueUrl),
        new GuardedWebhookSender(OutboundUrlPolicy.allowingLocalDemoReceiver(new DnsHostResolver()),
            (SSLSocketFactory) SSLSocketFactory.getDefault(), new SendTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5))),
        new WebhookSigner(clock), clock);
  }

  /** A tenant with one endpoint at the receiver and one committed event, written without crashes. */
  private static Case newCase() {
    int n = CASES.incrementAndGet();
    String tenant = "ten_dispatch" + n;
    String eventId = io.tender.core.id.RandomIdGenerator.secure().next("evt");
    Clock clock = Clock.systemUTC();
    DynamoDbClient clean = tender.clients().dynamoDb();
    new DynamoWebhookEndpointRepository(clean, tender.tableName()).create(new WebhookEndpoint(
        "we_dispatch" + n, tenant, Mode.TEST, "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks",
        Set.of("payment.succeeded"), WebhookEndpoint.Status.ENABLED,
        List.of(WebhookSigningSecret.current("whsec_dispatch_" + n)), 0, clock.instant()));
    MerchantEvent event = new MerchantEvent(eventId, tenant, Mode.TEST, "payment.succeeded", clock.instant(),
        clock.instant(), 2, "pay_dispatch" + n, Map.of("id", "pay_dispatch" + n, "object", "payment"));
    clean.putItem(put -> put.tableName(tender.tableName()).item(MerchantEventItems.item(event)));
    return new Case(tenant, eventId);
  }

  private static String finalState(Case c) {
    List<WebhookDelivery> deliveries = new DynamoWebhookDeliveryRepository(tender.clients().dynamoDb(),
        tender.tableName()).list(c.tenantId(), Mode.TEST, new DeliveryFilter(Optional.empty(), Optional.empty(),
        Optional.empty()), Optional.empty(), 10).deliveries();
    int queued = Integer.parseInt(cleanSqs.getQueueAttributes(get -> get.queueUrl(queueUrl).attributeNamesWithStrings(
        "ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible")).attributesAsStrings().values()
        .stream().mapToInt(Integer::parseInt).sum() + "");
    return deliveries.size() + " delivery: " + deliveries.stream().map(d -> d.status() + ", attempts "
        + d.attempts().stream().map(a -> a.statusCode().map(String::valueOf).orElse("-") + " " + a.errorClass())
        .toList()).toList().toString().replaceAll("^\\[|\\]$", "")
        + (queued == 0 ? ", queue empty" : ", " + queued + " queued");
  }
}
