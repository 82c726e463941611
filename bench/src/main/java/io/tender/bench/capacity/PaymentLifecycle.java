package io.tender.bench.capacity;

import com.fasterxml.jackson.databind.JsonNode;
import io.tender.adapter.dynamo.DuePaymentPolls;
import io.tender.adapter.dynamo.DynamoCheckoutSessionRepository;
import io.tender.adapter.dynamo.DynamoLedger;
import io.tender.adapter.dynamo.DynamoPaymentRepository;
import io.tender.adapter.dynamo.DynamoSettlementStore;
import io.tender.adapter.stripe.StripeConnector;
import io.tender.adapter.stripe.StripeSettings;
import io.tender.bench.stack.BenchStack;
import io.tender.config.Environment;
import io.tender.core.payment.PaymentState;
import io.tender.core.reconcile.ReconciliationPoller;
import io.tender.core.settlement.Settlement;
import io.tender.core.tenant.Mode;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * One payment's life through the running gateway, metered: a checkout session created (with an
 * Idempotency-Key, as merchants send it), paid on the sandbox's hosted page (Stripe's two signed
 * webhooks, each received and queued, then settled into the ledger), read twice, and the
 * reconciliation poller run when its session's time is up (a checkout's first poll, which a paid
 * payment no longer has: it finds nothing of it to read or write); then a full refund. In the first payment every
 * function starts cold, so every first request reads its API key and tenant limits: its figures are
 * the upper bound. The payments after it run on warm functions, as nearly every payment does: their
 * mean is what a payment costs in steady state.
 *
 * <p>The merchant is subscribed to {@code payment.succeeded} at a local receiver, so the merchant
 * notification is in the totals: its outbox records are written inside the settlement transaction
 * (counted under "pay"), and the dispatcher's fan-out and the delivery attempt under "notify".
 */
public final class PaymentLifecycle {
  public static final String CREATE = "1 create checkout session";
  public static final String PAY = "2 pay: webhooks in, settlement";
  public static final String NOTIFY = "3 merchant notification";
  public static final String STATUS = "4 two status GETs";
  public static final String SWEEP = "5 session's end: the poller (nothing due once paid)";
  public static final String REFUND = "refund (full, with its webhooks)";
  /** The poller's due-index queries: once a minute for all payments, not per payment. */
  public static final String PER_SWEEP = "per sweep, not per payment";

  private static final String BODY = "{\"amount\":4200,\"currency\":\"USD\",\"reference\":\"order_lifecycle_1\","
      + "\"methodTypes\":[\"card\"],\"successUrl\":\"https://shop.test/success\",\"cancelUrl\":\"https://shop.test/cancel\"}";
  private static final Duration WAIT = Duration.ofSeconds(30);
  /** Payments after the first, on functions already warm: what a payment costs in steady state. */
  public static final int WARM_PAYMENTS = 3;
  /** The bench's own poller run, named like a function so its calls are told apart from the schedule's. */
  private static final String SWEEP_SOURCE = "bench-session-end-poll";

  /** The metered calls, split into the lifecycle, the refund, and what is not per payment. */
  public record Result(List<MeteredCall> lifecycle, List<List<MeteredCall>> warm, List<MeteredCall> refund,
      List<MeteredCall> perSweep, List<MeteredCall> background, String stackName) {

    /** Totals, then every metered call of the first payment, its refund and the poller's index read, then one warm payment. */
    public String report() {
      List<MeteredCall> first = new ArrayList<>(lifecycle);
      first.addAll(refund);
      first.addAll(perSweep);
      return "Per payment, warm functions (mean of " + warm.size() + " payments, merchant notification included): "
          + CapacityReport.units(warmWrite()) + " WRU, " + CapacityReport.units(warmRead()) + " RRU\n"
          + "First payment, every function cold (API keys, tenants and leases read or taken once per container): "
          + CapacityReport.units(CapacityReport.write(lifecycle)) + " WRU, "
          + CapacityReport.units(CapacityReport.read(lifecycle)) + " RRU\n"
          + "Refund (cold): " + CapacityReport.units(CapacityReport.write(refund)) + " WRU, "
          + CapacityReport.units(CapacityReport.read(refund)) + " RRU\n"
          + "Per poller run at the session's end (once a minute, shared by every payment): "
          + CapacityReport.units(CapacityReport.read(perSweep)) + " RRU\n\n"
          + "First payment and its refund:\n\n" + CapacityReport.markdown(CapacityReport.lines(first, this::part))
          + "\nThe last warm payment:\n\n"
          + CapacityReport.markdown(CapacityReport.lines(warm.get(warm.size() - 1), this::part));
    }

    /** Write units of one payment on warm functions: the mean over the warm payments. */
    public double warmWrite() {
      return warm.stream().mapToDouble(CapacityReport::write).average().orElseThrow();
    }

    /** Read units of one payment on warm functions: the mean over the warm payments. */
    public double warmRead() {
      return warm.stream().mapToDouble(CapacityReport::read).average().orElseThrow();
    }

    /** The function's logical id (the template's name for it), from its physical name. */
    public String part(MeteredCall call) {
      String prefix = stackName + "-";
      return call.source().startsWith(prefix) ? call.source().substring(prefix.length()) : call.source();
    }
  }

  private PaymentLifecycle() {}

  public static Result run(BenchStack stack, String stackName) {
    return run(stack, stackName, WARM_PAYMENTS);
  }

  /** The first payment with every function cold, its refund, then {@code warmPayments} more. */
  public static Result run(BenchStack stack, String stackName, int warmPayments) {
    BenchStack.Merchant merchant = stack.bootstrap("Lifecycle Shop", "owner@lifecycle.test");
    Receiver receiver = Receiver.start();
    stack.approveDomains(merchant.tenantId(), "127.0.0.1");
    ok(stack.post("/api/v1/webhooks", "{\"url\":\"" + receiver.url() + "\",\"events\":[\"payment.succeeded\"]}",
        merchant.apiKey(), "endpoint_lifecycle_1"));
    Sorting sorting = new Sorting(stack, stackName);
    try (receiver) {
      Sorted first;
      try (CapacityMeter meter = CapacityMeter.start(stack.gateway().dynamoDb())) {
        String paymentId = payOnce(stack, merchant, receiver, meter, 1);
        awaitNoCalls(meter);
        meter.step(REFUND);
        int delivered = stack.stripe().deliveredEvents().size();
        ok(stack.post("/api/v1/refunds", "{\"paymentId\":\"" + paymentId + "\",\"amount\":4200}", merchant.apiKey(),
            "refund_lifecycle_1"));
        awaitQuiet(stack, delivered + 2,
            () -> state(stack.gateway().dynamoDb(), stack.tableName(), merchant, paymentId) == PaymentState.REFUNDED);
        awaitNoCalls(meter); // the stream dispatcher's fan-out of the refund's events
        first = sorting.sort(meter.calls());
      }
      List<List<MeteredCall>> warm = new ArrayList<>();
      for (int n = 2; n < 2 + warmPayments; n++) {
        try (CapacityMeter meter = CapacityMeter.start(stack.gateway().dynamoDb())) {
          payOnce(stack, merchant, receiver, meter, n);
          awaitNoCalls(meter);
          warm.add(sorting.sort(meter.calls()).lifecycle());
        }
      }
      return new Result(first.lifecycle(), warm, first.refund(), first.perSweep(), first.background(), stackName);
    }
  }

  /** One payment from create to its session's end; answers the payment's id. */
  private static String payOnce(BenchStack stack, BenchStack.Merchant merchant, Receiver receiver,
      CapacityMeter meter, int n) {
    DynamoDbClient dynamo = stack.gateway().dynamoDb();
    String table = stack.tableName();
    meter.step(CREATE);
    JsonNode session = ok(stack.post("/api/v1/checkout/sessions", BODY.replace("order_lifecycle_1", "order_lifecycle_" + n),
        merchant.apiKey(), "order_lifecycle_" + n));
    String paymentId = session.path("payment_id").asText();

    meter.step(PAY);
    int delivered = stack.stripe().deliveredEvents().size();
    int notified = receiver.requests();
    stack.stripe().hostedPagePay(BenchStack.stripeCheckoutId(session));
    awaitQuiet(stack, delivered + 2, () -> state(dynamo, table, merchant, paymentId) == PaymentState.CAPTURED);
    meter.step(NOTIFY);
    receiver.awaitRequests(notified + 1, WAIT);
    awaitEmpty(stack, "WebhookDeliveryQueue");

    meter.step(STATUS);
    ok(stack.get("/api/v1/checkout/sessions/" + session.path("id").asText(), merchant.apiKey()));
    ok(stack.get("/api/v1/checkout/sessions/" + session.path("id").asText(), merchant.apiKey()));

    meter.step(SWEEP);
    List<ReconciliationPoller.Polled> polled = Environment.with(
        Environment.of(Map.of("AWS_LAMBDA_FUNCTION_NAME", SWEEP_SOURCE)),
        () -> pollerAt(stack, Clock.offset(Clock.systemUTC(), Duration.ofMinutes(31))).poll(10));
    if (!polled.isEmpty()) {
      throw new IllegalStateException("the poller 31 minutes on found payments due, none expected: " + polled);
    }
    return paymentId;
  }

  /** One meter's calls, sorted into the lifecycle, the refund, and what is not per payment. */
  private record Sorted(List<MeteredCall> lifecycle, List<MeteredCall> refund, List<MeteredCall> perSweep,
      List<MeteredCall> background) {}

  private record Sorting(String scheduledPoller, List<String> notifiers) {
    Sorting(BenchStack stack, String stackName) {
      this(stack.function("ReconcilePaymentsFunction").functionName(),
          List.of(stack.function("DispatchMerchantEventsFunction").functionName(),
              stack.function("DeliverWebhookFunction").functionName()));
    }

    Sorted sort(List<MeteredCall> calls) {
      // Fan-out and delivery run on their own schedule: their calls are the notification, whenever they ran.
      List<MeteredCall> functions = calls.stream().filter(call -> !call.source().equals("direct"))
          .map(call -> notifiers.contains(call.source()) && !call.step().equals(REFUND) ? call.inStep(NOTIFY) : call)
          .toList();
      List<MeteredCall> background = functions.stream().filter(call -> call.source().equals(scheduledPoller)).toList();
      List<MeteredCall> ours = functions.stream().filter(call -> !call.source().equals(scheduledPoller)).toList();
      List<MeteredCall> perSweep = ours.stream().filter(PaymentLifecycle::dueIndexQuery).toList();
      List<MeteredCall> perPayment = ours.stream().filter(call -> !dueIndexQuery(call)).toList();
      return new Sorted(perPayment.stream().filter(call -> !call.step().equals(REFUND)).toList(),
          perPayment.stream().filter(call -> call.step().equals(REFUND)).toList(), perSweep, background);
    }
  }

  private static boolean dueIndexQuery(MeteredCall call) {
    return call.operation().equals("Query index due");
  }

  private static ReconciliationPoller pollerAt(BenchStack stack, Clock clock) {
    DynamoDbClient dynamo = stack.gateway().dynamoDb();
    String table = stack.tableName();
    DynamoPaymentRepository payments = new DynamoPaymentRepository(dynamo, table);
    StripeConnector stripe = new StripeConnector(StripeSettings.of(stack.stripe().baseUrl()), stack.stripe()::apiKey);
    Settlement settlement = new Settlement(stripe, payments,
        new DynamoSettlementStore(payments, new DynamoLedger(dynamo, table), table),
        new io.tender.core.id.RandomIdGenerator(clock, new java.security.SecureRandom()), clock);
    return new ReconciliationPoller(new DuePaymentPolls(dynamo, table), payments,
        new DynamoCheckoutSessionRepository(dynamo, table, payments), stripe, settlement, (name, context) -> { }, clock);
  }

  private static PaymentState state(DynamoDbClient dynamo, String table, BenchStack.Merchant merchant, String paymentId) {
    return CapacityMeter.unmetered(() -> new DynamoPaymentRepository(dynamo, table)
        .find(merchant.tenantId(), Mode.TEST, paymentId).map(payment -> payment.state()).orElse(null));
  }

  /** Waits until the webhooks were acknowledged, {@code done} holds, and the settlement queue is empty. */
  private static void awaitQuiet(BenchStack stack, int deliveries, BooleanSupplier done) {
    String queue = stack.gateway().queueUrl("SettlementQueue");
    Instant deadline = Instant.now().plus(WAIT);
    while (Instant.now().isBefore(deadline)) {
      if (stack.stripe().deliveredEvents().size() >= deliveries && done.getAsBoolean() && empty(stack, queue)) {
        return;
      }
      sleep(50);
    }
    throw new IllegalStateException("the payment did not settle within " + WAIT);
  }

  /** Waits until nothing is queued or in flight on {@code queueId}: the attempt has been recorded. */
  private static void awaitEmpty(BenchStack stack, String queueId) {
    String queue = stack.gateway().queueUrl(queueId);
    Instant deadline = Instant.now().plus(WAIT);
    while (Instant.now().isBefore(deadline)) {
      if (empty(stack, queue)) {
        return;
      }
      sleep(50);
    }
    throw new IllegalStateException(queueId + " did not drain within " + WAIT);
  }

  /** Waits until no DynamoDB call was metered for a while: stream consumers have caught up. */
  private static void awaitNoCalls(CapacityMeter meter) {
    Instant deadline = Instant.now().plus(WAIT);
    int seen = -1;
    while (Instant.now().isBefore(deadline)) {
      int now = meter.calls().size();
      if (now == seen) {
        return;
      }
      seen = now;
      sleep(1_500);
    }
    throw new IllegalStateException("DynamoDB calls did not stop within " + WAIT);
  }

  private static boolean empty(BenchStack stack, String queue) {
    Map<QueueAttributeName, String> attributes = stack.gateway().sqs().getQueueAttributes(get -> get.queueUrl(queue)
        .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
    return attributes.values().stream().allMatch("0"::equals);
  }

  private static JsonNode ok(HttpResponse<String> response) {
    if (response.statusCode() != 200) {
      throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
    }
    return BenchStack.json(response.body());
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
