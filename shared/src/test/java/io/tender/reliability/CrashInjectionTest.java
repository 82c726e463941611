package io.tender.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tender.adapter.dynamo.DynamoProviderEventInbox;
import io.tender.adapter.log.JsonLog;
import io.tender.adapter.qr.QrImageUrls;
import io.tender.adapter.sqs.SettlementQueue;
import io.tender.adapter.stripe.StripeWebhookIngress;
import io.tender.core.auth.Principal;
import io.tender.core.checkout.CheckoutSessions;
import io.tender.core.checkout.CreateCheckoutSession;
import io.tender.core.idempotency.IdempotencyKey;
import io.tender.core.idempotency.IdempotentExecution;
import io.tender.core.idempotency.IdempotentExecution.Outcome;
import io.tender.core.idempotency.RequestFingerprint;
import io.tender.core.idempotency.StoredResponse;
import io.tender.core.payment.PaymentState;
import io.tender.core.refund.CreateRefund;
import io.tender.core.refund.Refunds;
import io.tender.core.signature.StripeWebhookVerifier;
import io.tender.core.tenant.Mode;
import io.tender.local.engines.LocalEngines;
import io.tender.local.engines.SharedEngines;
import io.tender.reliability.CrashInjector.InjectedCrash;
import io.tender.reliability.CrashInjector.When;
import io.tender.testing.LocalTender;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Crash injection: each step of webhook ingress, settlement and refunds is killed at every one of
 * its DynamoDB and SQS calls in turn, once before the call reaches the engine and once after the
 * engine did it (the caller sees an error either way); then the step runs again, as SQS
 * redelivery, Stripe's retry or the merchant's retry with the same Idempotency-Key would run it,
 * and the outcome must be the unbroken run's: the same payment, ledger, balances, events and
 * provider state.
 */
@ExtendWith(SharedEngines.class)
class CrashInjectionTest {
  private static final Instant START = Instant.parse("2026-04-06T10:00:00Z");
  private static final String WEBHOOK_SECRET = "whsec_crash_injection";
  private static final Duration HOLDER_TIME = Duration.ofSeconds(30);
  private static final String CREATE_ROUTE = "POST /api/v1/checkout/sessions";
  private static final AtomicInteger TENANTS = new AtomicInteger();

  private static LocalTender tender;
  private static final CrashInjector CRASH = new CrashInjector();
  private static DynamoDbClient dynamo;
  private static SqsClient sqs;
  private static SqsClient cleanSqs;
  private static String queueUrl;

  /** One tenant's world on the crashing clients, with a checkout the payer has paid. */
  private record Case(SimulationWorld world, String tenantId, Principal merchant, String paymentId,
      String checkoutId) {}

  @BeforeAll
  static void provision(LocalEngines engines) {
    tender = LocalTender.provision(engines);
    dynamo = EngineClients.dynamoDb(tender, CRASH);
    sqs = EngineClients.sqs(tender, CRASH);
    cleanSqs = tender.clients().sqs();
    queueUrl = tender.stack().queueUrl("SettlementQueue");
  }

  @AfterAll
  static void close() {
    dynamo.close();
    sqs.close();
    cleanSqs.close();
    tender.close();
  }

  @Test
  void settlementRedeliveredAfterACrashAnywhereEndsAsAnUnbrokenRun() {
    Case reference = paidCase();
    CRASH.arm(0, When.BEFORE);
    reference.world().settlement.settleCheckout(reference.checkoutId());
    int calls = CRASH.calls();
    List<String> operations = CRASH.operations();
    FinalState expected = state(reference);
    assertThat(expected.lines()).contains("payment CAPTURED v2 requested 1999 captured 1999 refunded 0 reserved 0");

    List<String> diverged = new ArrayList<>();
    for (int n = 1; n <= calls; n++) {
      for (When when : When.values()) {
        Case crashed = paidCase();
        CRASH.arm(n, when);
        Optional<Throwable> died = attempt(() -> crashed.world().settlement.settleCheckout(crashed.checkoutId()));
        CRASH.disarm();
        crashed.world().settlement.settleCheckout(crashed.checkoutId()); // the queue delivers the hint again
        compare("call " + n + " " + operations.get(n - 1) + " " + when, died, state(crashed), expected, diverged);
      }
    }
    report("settlement (Settlement.settleCheckout)", calls, operations);
    assertThat(calls).as("reads the pointer and the payment, then commits").isGreaterThanOrEqualTo(3);
    assertThat(diverged).isEmpty();
  }

  @Test
  void aStripeWebhookRetriedAfterACrashAnywhereIsRecordedOnceAndSettledOnce() {
    Case reference = paidCase();
    String referenceEvent = "evt_reference_" + TENANTS.get();
    CRASH.arm(0, When.BEFORE);
    StripeWebhookIngress.Answer answer = receive(reference, referenceEvent);
    int calls = CRASH.calls();
    List<String> operations = CRASH.operations();
    CRASH.disarm();
    assertThat(answer.status()).isEqualTo(200);
    assertThat(settleQueued(reference)).isEqualTo(1);
    FinalState expected = state(reference);
    assertThat(expected.lines()).contains("payment CAPTURED v2 requested 1999 captured 1999 refunded 0 reserved 0");

    List<String> diverged = new ArrayList<>();
    for (int n = 1; n <= calls; n++) {
      for (When when : When.values()) {
        Case crashed = paidCase();
        String event = "evt_crash_" + TENANTS.get();
        CRASH.arm(n, when);
        Optional<Throwable> died = attempt(() -> receive(crashed, event));
        CRASH.disarm();
        // No 2xx reached Stripe, so Stripe delivers the event again.
        StripeWebhookIngress.Answer retried = receive(crashed, event);
        int settled = settleQueued(crashed);
        String label = "call " + n + " " + operations.get(n - 1) + " " + when;
        if (retried.status() != 200 || settled < 1 || !recorded(event)) {
          diverged.add(label + ": the retry answered " + retried.status() + ", " + settled + " hint(s) queued, recorded "
              + recorded(event));
        }
        compare(label, died, state(crashed), expected, diverged);
      }
    }
    report("Stripe webhook ingress (StripeWebhookIngress.receive, then the queue's consumer)", calls, operations);
    assertThat(operations).as("records the event, then queues its hint").containsExactly("DynamoDb.PutItem", "Sqs.SendMessage");
    assertThat(diverged).isEmpty();
  }

  @Test
  void aRefundRetriedWithItsIdempotencyKeyAfterACrashAnywhereRefundsOnce() {
    Case reference = settledCase();
    CRASH.arm(0, When.BEFORE);
    Outcome first = refundOnce(reference, "refund-reference", () -> { });
    int calls = CRASH.calls();
    List<String> operations = CRASH.operations();
    CRASH.disarm();
    assertThat(first).isInstanceOf(Outcome.Executed.class);
    settleTheRest(reference);
    FinalState expected = state(reference);
    assertThat(expected.lines()).contains("payment PARTIALLY_REFUNDED v4 requested 1999 captured 1999 refunded 400 reserved 0",
        "refund#0 400 SUCCEEDED");

    List<String> diverged = new ArrayList<>();
    for (int n = 1; n <= calls; n++) {
      for (When when : When.values()) {
        Case crashed = settledCase();
        CRASH.arm(n, when);
        Optional<Throwable> died = attempt(() -> refundOnce(crashed, "refund-crash", () -> { }));
        CRASH.disarm();
        retryUntilAnswered(crashed, "refund-crash");
        settleTheRest(crashed);
        compare("call " + n + " " + operations.get(n - 1) + " " + when, died, state(crashed), expected, diverged);
      }
    }
    report("refund (POST /api/v1/refunds: IdempotentExecution around Refunds.refund, then the poller)", calls,
        operations);
    assertThat(diverged).isEmpty();
  }

  /**
   * The create (POST /api/v1/checkout/sessions with an Idempotency-Key) killed at each of its
   * DynamoDB calls, then retried with the key as a merchant would: one answer, replayed byte for
   * byte; its session is payable and settles once; whatever the dead attempt left behind (a
   * session alone, a payment with or without its checkout) is never paid and ends expired.
   */
  @Test
  void aCheckoutCreateRetriedWithItsIdempotencyKeyAfterACrashAnywhereLeavesOneSessionToPay() {
    Case reference = newCase();
    CRASH.arm(0, When.BEFORE);
    Outcome first = createOnce(reference, "create-reference");
    int calls = CRASH.calls();
    List<String> operations = CRASH.operations();
    CRASH.disarm();
    assertThat(first).isInstanceOf(Outcome.Executed.class);
    assertThat(createdCheckoutProblems(reference, ((Outcome.Executed) first).r(), "create-reference")).isEmpty();

    List<String> diverged = new ArrayList<>();
    for (int n = 1; n <= calls; n++) {
      for (When when : When.values()) {
        Case crashed = newCase();
        CRASH.arm(n, when);
        Optional<Throwable> died = attempt(() -> createOnce(crashed, "create-crash"));
        CRASH.disarm();
        String label = "call " + n + " " + operations.get(n - 1) + " " + when;
        if (died.isEmpty() || !causedByCrash(died.get())) {
          diverged.add(label + ": the step did not die of the crash but " + died);
        }
        StoredResponse answer = createUntilAnswered(crashed, "create-crash");
        createdCheckoutProblems(crashed, answer, "create-crash").forEach(problem -> diverged.add(label + ": " + problem));
      }
    }
    report("checkout create (POST /api/v1/checkout/sessions: IdempotentExecution around CheckoutSessions.create)",
        calls, operations);
    assertThat(operations).as("claim, session, payment, pointer, payment naming the checkout, page, answer")
        .hasSize(7).allMatch(operation -> operation.startsWith("DynamoDb."));
    assertThat(diverged).isEmpty();
  }

  /**
   * The failure mode AWS Powertools hit (issue #4759): the holder is killed right at its timeout,
   * after its work took effect and before it could store the answer, so its claim stays in
   * progress. A retry is refused until the claim's deadline, then takes over, and the money moves
   * once.
   */
  @Test
  void aHolderKilledAtItsTimeoutIsTakenOverAfterTheDeadlineAndTheRefundIsMadeOnce() {
    Case killed = settledCase();
    AtomicInteger runs = new AtomicInteger();
    CRASH.arm(0, When.BEFORE);
    Instant claimed = killed.world().clock.instant();
    Optional<Throwable> died = attempt(() -> refundOnce(killed, "refund-killed", () -> {
      runs.incrementAndGet();
      CRASH.kill(); // the work is done; the process dies before storing its answer or letting go of the key
    }));
    CRASH.disarm();
    assertThat(died).as("the holder died").hasValueSatisfying(t -> assertThat(causedByCrash(t)).isTrue());
    assertThat(claimed(killed, "refund-killed")).as("its claim is left in progress").hasValue("IN_PROGRESS");

    killed.world().clock.set(claimed.plusSeconds(10));
    assertThat(refundOnce(killed, "refund-killed", runs::incrementAndGet)).isInstanceOf(Outcome.Conflict.class);
    killed.world().clock.set(claimed.plus(HOLDER_TIME));
    assertThat(refundOnce(killed, "refund-killed", runs::incrementAndGet)).as("at the deadline itself")
        .isInstanceOf(Outcome.Conflict.class);
    killed.world().clock.set(claimed.plus(HOLDER_TIME).plusMillis(1));
    Outcome takenOver = refundOnce(killed, "refund-killed", runs::incrementAndGet);
    Outcome replayed = refundOnce(killed, "refund-killed", runs::incrementAndGet);
    settleTheRest(killed);

    assertThat(takenOver).isInstanceOf(Outcome.Executed.class);
    assertThat(replayed).isInstanceOf(Outcome.Replayed.class);
    assertThat(((Outcome.Replayed) replayed).r()).isEqualTo(((Outcome.Executed) takenOver).r());
    assertThat(runs).as("the killed holder's run and the one that took over").hasValue(2);
    FinalState outcome = state(killed);
    assertThat(outcome.lines()).as("one refund of 400, at the provider and here")
        .contains("payment PARTIALLY_REFUNDED v4 requested 1999 captured 1999 refunded 400 reserved 0",
            "refund#0 400 SUCCEEDED", "provider PAID captured 1999 refunds [400]")
        .doesNotContain("refund#1 400 SUCCEEDED");
  }

  /** A caller with no time left (Lambda past its timeout) claims nothing, so it cannot leave a key stuck. */
  @Test
  void aCallerWithNoTimeLeftClaimsNothing() {
    Case late = settledCase();
    IdempotencyKey key = new IdempotencyKey(late.tenantId(), "test", SimulationRun.REFUND_ROUTE, "refund-late");
    AtomicInteger runs = new AtomicInteger();
    Supplier<StoredResponse> work = () -> new StoredResponse(200, "{\"run\":" + runs.incrementAndGet() + "}", Map.of());

    assertThatThrownBy(() -> late.world().idempotency.execute(key, "hash", Duration.ZERO, work))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> late.world().idempotency.execute(key, "hash", Duration.ofMillis(-680), work))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(claimed(late, "refund-late")).as("no record at all").isEmpty();
    assertThat(late.world().idempotency.execute(key, "hash", HOLDER_TIME, work)).isInstanceOf(Outcome.Executed.class);
    assertThat(runs).hasValue(1);
  }

  // --- the cases ---

  /** A new tenant with a checkout session whose page the payer paid; nothing settled yet. */
  private static Case paidCase() {
    CRASH.disarm();
    String tenant = "ten_crash" + TENANTS.incrementAndGet();
    SimulationWorld world = new SimulationWorld(dynamo, tender.tableName(), START, Set.of(tenant), "stripe");
    world.random.reseed(TENANTS.get());
    Principal merchant = new Principal.ApiKeyCaller(tenant, Mode.TEST, "key_crash");
    CheckoutSessions.View view = world.checkouts.create(merchant, new CreateCheckoutSession(1_999L, "USD", "order 1",
        List.of("card"), "https://shop.crash/paid", "https://shop.crash/cancelled"));
    String checkoutId = view.payment().provider().orElseThrow().providerPaymentId();
    assertThat(world.provider.pay(checkoutId)).isTrue();
    return new Case(world, tenant, merchant, view.payment().id(), checkoutId);
  }

  /** A new tenant, nothing created yet. */
  private static Case newCase() {
    CRASH.disarm();
    String tenant = "ten_crash" + TENANTS.incrementAndGet();
    SimulationWorld world = new SimulationWorld(dynamo, tender.tableName(), START, Set.of(tenant), "stripe");
    world.random.reseed(TENANTS.get());
    return new Case(world, tenant, new Principal.ApiKeyCaller(tenant, Mode.TEST, "key_crash"), null, null);
  }

  /** As {@link #paidCase()}, with the payment settled: captured, ready to refund. */
  private static Case settledCase() {
    Case paid = paidCase();
    paid.world().settlement.settleCheckout(paid.checkoutId());
    assertThat(paid.world().payments.find(paid.tenantId(), Mode.TEST, paid.paymentId()).orElseThrow().state())
        .isEqualTo(PaymentState.CAPTURED);
    return paid;
  }

  private static FinalState state(Case c) {
    return FinalState.of(c.world(), c.tenantId(), c.paymentId());
  }

  // --- the steps ---

  private static StripeWebhookIngress.Answer receive(Case c, String eventId) {
    StripeWebhookIngress ingress = new StripeWebhookIngress(
        new StripeWebhookVerifier(() -> List.of(WEBHOOK_SECRET), () -> { }, c.world().clock),
        new DynamoProviderEventInbox(dynamo, tender.tableName()), () -> new SettlementQueue(sqs, queueUrl),
        c.world().clock, new JsonLog("crash", c.world().clock, new PrintStream(OutputStream.nullOutputStream())));
    byte[] body = ("{\"id\":\"" + eventId + "\",\"object\":\"event\",\"type\":\"checkout.session.completed\","
        + "\"created\":" + c.world().clock.instant().getEpochSecond() + ",\"data\":{\"object\":{\"id\":\""
        + c.checkoutId() + "\",\"object\":\"checkout.session\",\"client_reference_id\":\"" + c.paymentId()
        + "\",\"status\":\"complete\",\"payment_status\":\"paid\"}}}").getBytes(StandardCharsets.UTF_8);
    return ingress.receive(body, Optional.of(signature(body, c.world().clock.instant().getEpochSecond())));
  }

  /** The queue's consumer: every hint queued is settled and deleted; how many there were. */
  private static int settleQueued(Case c) {
    int settled = 0;
    while (true) {
      List<Message> messages = cleanSqs.receiveMessage(receive -> receive.queueUrl(queueUrl).maxNumberOfMessages(10)
          .waitTimeSeconds(0)).messages();
      if (messages.isEmpty()) {
        return settled;
      }
      for (Message message : messages) {
        try {
          c.world().hints.settle(SettlementQueue.parse(message.body()));
        } catch (java.io.IOException unreadable) {
          throw new AssertionError("the ingress queued an unreadable hint: " + message.body(), unreadable);
        }
        cleanSqs.deleteMessage(delete -> delete.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
        settled++;
      }
    }
  }

  private static boolean recorded(String eventId) {
    Map<String, AttributeValue> item = tender.clients().dynamoDb().getItem(get -> get.tableName(tender.tableName())
        .consistentRead(true).key(Map.of("pk", AttributeValue.fromS("EVT#stripe#" + eventId),
            "sk", AttributeValue.fromS("#")))).item();
    return item != null && !item.isEmpty();
  }

  /** POST /api/v1/refunds of 400 with {@code key}, as the API pipeline runs it; {@code during} runs once the refund is done. */
  private static Outcome refundOnce(Case c, String key, Runnable during) {
    String body = "{\"paymentId\":\"" + c.paymentId() + "\",\"amount\":400}";
    IdempotencyKey idempotencyKey = new IdempotencyKey(c.tenantId(), "test", SimulationRun.REFUND_ROUTE, key);
    return c.world().idempotency.execute(idempotencyKey,
        RequestFingerprint.of("POST", SimulationRun.REFUND_ROUTE, body.getBytes(StandardCharsets.UTF_8)), HOLDER_TIME,
        () -> {
          // As CreateRefundHandler calls it: with the request's Idempotency-Key.
          Refunds.Refunded refunded = c.world().refunds.refund(c.merchant(),
              new CreateRefund(c.paymentId(), 400L, "crash injection"), Optional.of(key));
          during.run();
          return new StoredResponse(200, "{\"refundId\":\"" + refunded.refundId() + "\",\"status\":\""
              + refunded.status() + "\"}", Map.of());
        });
  }

  /**
   * POST /api/v1/checkout/sessions with {@code key}, as the API pipeline runs it; the answer holds
   * the hosted page's QR code, as the real one does, so that its replay is checked byte for byte.
   */
  private static Outcome createOnce(Case c, String key) {
    String body = "{\"amount\":1999,\"currency\":\"USD\",\"reference\":\"order 1\"}";
    IdempotencyKey idempotencyKey = new IdempotencyKey(c.tenantId(), "test", CREATE_ROUTE, key);
    return c.world().idempotency.execute(idempotencyKey,
        RequestFingerprint.of("POST", CREATE_ROUTE, body.getBytes(StandardCharsets.UTF_8)), HOLDER_TIME, () -> {
          CheckoutSessions.View view = c.world().checkouts.create(c.merchant(), new CreateCheckoutSession(1_999L,
              "USD", "order 1", List.of("card"), "https://shop.crash/paid", "https://shop.crash/cancelled"));
          String url = view.session().redirectUrl().orElseThrow();
          return new StoredResponse(200, "{\"id\":\"" + view.session().id() + "\",\"payment_id\":\""
              + view.payment().id() + "\",\"checkout\":\"" + view.payment().provider().orElseThrow().providerPaymentId()
              + "\",\"redirect_url\":\"" + url + "\",\"qr_image_url\":\"" + QrImageUrls.of(url) + "\"}", Map.of());
        });
  }

  private static StoredResponse createUntilAnswered(Case c, String key) {
    for (int attempt = 0; attempt < 3; attempt++) {
      switch (createOnce(c, key)) {
        case Outcome.Executed executed -> {
          return executed.r();
        }
        case Outcome.Replayed replayed -> {
          return replayed.r();
        }
        default -> c.world().clock.advance(HOLDER_TIME.plusSeconds(1));
      }
    }
    throw new AssertionError("the key stayed in use");
  }

  /**
   * What is wrong once the merchant has its answer and time has passed: the answer must replay
   * identically, its session read back with its page, its payer pay once, and every other payment
   * the tenant's attempts made end unpaid and expired, with its checkout (if any) unpaid.
   */
  private static List<String> createdCheckoutProblems(Case c, StoredResponse answer, String key) {
    List<String> problems = new ArrayList<>();
    Outcome replayed = createOnce(c, key);
    if (!(replayed instanceof Outcome.Replayed again) || !again.r().body().equals(answer.body())) {
      problems.add("the key does not replay the answer byte for byte: " + replayed.getClass().getSimpleName());
    }
    com.fasterxml.jackson.databind.JsonNode body;
    try {
      body = io.tender.adapter.json.Json.mapper().readTree(answer.body());
    } catch (java.io.IOException unreadable) {
      throw new AssertionError(unreadable);
    }
    String paymentId = body.path("payment_id").asText();
    String checkoutId = body.path("checkout").asText();
    CheckoutSessions.View view = c.world().checkouts.view(c.tenantId(), Mode.TEST, body.path("id").asText());
    if (!view.payment().id().equals(paymentId)
        || !view.session().redirectUrl().equals(Optional.of(body.path("redirect_url").asText()))) {
      problems.add("the session reads back as " + view);
    }
    if (!c.world().provider.pay(checkoutId)) {
      problems.add("the payer could not pay " + checkoutId);
    }
    c.world().settlement.settleCheckout(checkoutId);
    for (int round = 0; round < 4; round++) {
      c.world().clock.advance(Duration.ofMinutes(20));
      for (SimulatedProvider.Webhook webhook : c.world().provider.pendingWebhooks()) {
        c.world().hints.settle(webhook.hint(c.world().provider.provider()));
        c.world().provider.delivered(webhook);
      }
      c.world().poller.poll(100);
    }
    for (String id : c.world().history.committed().keySet()) {
      var payment = c.world().payments.find(c.tenantId(), Mode.TEST, id).orElseThrow();
      boolean answered = id.equals(paymentId);
      if (answered ? payment.state() != PaymentState.CAPTURED || payment.amounts().captured() != 1_999
          : payment.state() != PaymentState.EXPIRED || payment.amounts().captured() != 0) {
        problems.add((answered ? "the answered " : "a left-behind ") + PaymentHistory.brief(payment));
      }
    }
    c.world().provider.checkouts().forEach((id, checkout) -> {
      if (!id.equals(checkoutId) && checkout.status == SimulatedProvider.Status.PAID) {
        problems.add("a checkout nobody was given was paid: " + id);
      }
    });
    problems.addAll(c.world().history.violations());
    return problems;
  }

  /** The merchant retries with the same key until answered; a key still held is retried once its holder's time is up. */
  private static void retryUntilAnswered(Case c, String key) {
    for (int attempt = 0; attempt < 3; attempt++) {
      if (!(refundOnce(c, key, () -> { }) instanceof Outcome.Conflict)) {
        return;
      }
      c.world().clock.advance(HOLDER_TIME.plusSeconds(1));
    }
    throw new AssertionError("the key stayed in use");
  }

  /** Time passes: the provider's webhooks arrive and the reconciliation poller runs, as on AWS. */
  private static void settleTheRest(Case c) {
    for (int round = 0; round < 3; round++) {
      c.world().clock.advance(Duration.ofMinutes(20));
      for (SimulatedProvider.Webhook webhook : c.world().provider.pendingWebhooks()) {
        c.world().hints.settle(webhook.hint(c.world().provider.provider()));
        c.world().provider.delivered(webhook);
      }
      c.world().poller.poll(100);
    }
  }

  private static Optional<String> claimed(Case c, String key) {
    Map<String, AttributeValue> item = tender.clients().dynamoDb().getItem(get -> get.tableName(tender.tableName())
        .consistentRead(true).key(Map.of("pk", AttributeValue.fromS("T#" + c.tenantId() + "#test#IDEM#"
            + SimulationRun.REFUND_ROUTE + "#" + key), "sk", AttributeValue.fromS("#")))).item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item.get("status").s());
  }

  // --- checking ---

  private static Optional<Throwable> attempt(Runnable step) {
    try {
      step.run();
      return Optional.empty();
    } catch (RuntimeException died) {
      return Optional.of(died);
    }
  }

  private static void compare(String label, Optional<Throwable> died, FinalState actual, FinalState expected,
      List<String> diverged) {
    if (died.isEmpty() || !causedByCrash(died.get())) {
      diverged.add(label + ": the step did not die of the crash but " + died);
    }
    if (!actual.equals(expected)) {
      diverged.add(label + ": " + actual.differenceFrom(expected));
    }
  }

  private static boolean causedByCrash(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (t instanceof InjectedCrash) {
        return true;
      }
    }
    return false;
  }

  private static void report(String step, int calls, List<String> operations) {
    System.out.printf("crash injection: %s: %d calls %s, %d crash points (before and after each)%n", step, calls,
        operations, calls * 2);
  }

  private static String signature(byte[] body, long timestamp) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(WEBHOOK_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
      return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
