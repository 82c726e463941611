package io.tender.bench.sweep;

import io.tender.adapter.dynamo.DuePaymentPolls;
import io.tender.adapter.dynamo.DynamoCheckoutSessionRepository;
import io.tender.adapter.dynamo.DynamoLedger;
import io.tender.adapter.dynamo.DynamoPaymentRepository;
import io.tender.adapter.dynamo.DynamoSettlementStore;
import io.tender.bench.Stats;
import io.tender.bench.capacity.CapacityMeter;
import io.tender.bench.capacity.CapacityReport;
import io.tender.bench.capacity.MeteredCall;
import io.tender.core.checkout.CheckoutSession;
import io.tender.core.id.RandomIdGenerator;
import io.tender.core.payment.Payment;
import io.tender.core.reconcile.ReconciliationPoller;
import io.tender.core.settlement.Settlement;
import io.tender.core.tenant.Mode;
import io.tender.local.engines.LocalEngines;
import io.tender.local.provision.ProvisionedStack;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The cost of expiring checkouts with many payments pending but not due. A checkout's first poll
 * is its session's end, so the reconciliation poller is what expires it; it reads the sparse
 * {@code due} index up to "now", so what it reads follows the due payments, not all of them. Run
 * twice on the same table: 100 due and nothing else, then 100 due among many not yet due (written
 * straight into the index's shape with BatchWriteItem, as payment items with their
 * {@code PAYMENT_POLL} due keys and nothing else: the index is KEYS_ONLY, so the rest of a payment
 * is never read by it).
 */
public final class SweepCostBench {
  private static final String TENANT = "ten_sweepbench";

  private SweepCostBench() {}

  public static String run(int notDue, int due) {
    try (LocalEngines engines = LocalEngines.start();
        ProvisionedStack stack = ProvisionedStack.create(engines, Path.of("template.yaml"), "sweepbench", Map.of(),
            Map.of())) {
      DynamoDbClient dynamo = stack.dynamoDb();
      String table = stack.tableName("TenderTable");
      Instant now = Instant.now();
      RandomIdGenerator ids = RandomIdGenerator.secure();

      createDue(dynamo, table, ids, due, now);
      Sweep alone = sweep(dynamo, table, now, due);

      long writing = System.nanoTime();
      writeNotDue(dynamo, table, notDue, now.plus(Duration.ofDays(1)));
      double writeSeconds = (System.nanoTime() - writing) / 1e9;

      createDue(dynamo, table, ids, due, now);
      Sweep among = sweep(dynamo, table, now, due);

      return "| due index holds | due | expired | RRU reading the index | RRU reading payments and sessions | WRU | sweep time (ms) |\n"
          + "|--:|--:|--:|--:|--:|--:|--:|\n"
          + alone.row(due) + among.row(due + notDue)
          + "\nRead units for the sweep among " + notDue + " pending payments ÷ alone: "
          + Stats.f(among.read() / alone.read(), 2) + " (" + notDue + " not-due entries written with BatchWriteItem in "
          + Stats.f(writeSeconds, 1) + " s). Each due session costs "
          + Stats.f(among.perSessionRead() / due, 1) + " RRU and " + Stats.f(among.write() / due, 1)
          + " WRU to expire (read the payment, claim its poll with a versioned write, read its session, the expired"
          + " version, which drops its due keys).\n";
    }
  }

  record Sweep(int swept, double indexRead, double perSessionRead, double write, double millis) {
    double read() {
      return indexRead + perSessionRead;
    }

    String row(int indexed) {
      return "| " + indexed + " | " + swept + " | " + swept + " | " + CapacityReport.units(indexRead) + " | "
          + CapacityReport.units(perSessionRead) + " | " + CapacityReport.units(write) + " | " + Stats.f(millis, 0) + " |\n";
    }
  }

  private static Sweep sweep(DynamoDbClient dynamo, String table, Instant now, int due) {
    Clock later = Clock.fixed(now.plus(Duration.ofMinutes(31)), java.time.ZoneOffset.UTC);
    DynamoPaymentRepository payments = new DynamoPaymentRepository(dynamo, table);
    NoProvider provider = new NoProvider();
    ReconciliationPoller poller = new ReconciliationPoller(new DuePaymentPolls(dynamo, table), payments,
        new DynamoCheckoutSessionRepository(dynamo, table, payments), provider,
        new Settlement(provider, payments, new DynamoSettlementStore(payments, new DynamoLedger(dynamo, table), table),
            new io.tender.core.id.RandomIdGenerator(later, new java.security.SecureRandom()), later),
        (name, context) -> { }, later);
    List<MeteredCall> calls;
    int swept = 0;
    long started = System.nanoTime();
    try (CapacityMeter meter = CapacityMeter.start(dynamo)) {
      int round;
      do {
        round = poller.poll(200).size();
        swept += round;
      } while (round > 0);
      calls = meter.calls();
    }
    double millis = (System.nanoTime() - started) / 1e6;
    if (swept != due) {
      throw new IllegalStateException("the sweep expired " + swept + " payments, not the " + due + " due");
    }
    List<MeteredCall> index = calls.stream().filter(c -> c.operation().equals("Query index due")).toList();
    List<MeteredCall> rest = calls.stream().filter(c -> !c.operation().equals("Query index due")).toList();
    return new Sweep(swept, CapacityReport.read(index), CapacityReport.read(rest), CapacityReport.write(calls), millis);
  }

  private static void createDue(DynamoDbClient dynamo, String table, RandomIdGenerator ids, int count, Instant now) {
    DynamoPaymentRepository payments = new DynamoPaymentRepository(dynamo, table);
    DynamoCheckoutSessionRepository sessions = new DynamoCheckoutSessionRepository(dynamo, table, payments);
    for (int i = 0; i < count; i++) {
      CheckoutSession session = new CheckoutSession(ids.next("cs"), ids.next("pay"), TENANT, Mode.TEST, "sweep-" + i,
          List.of("card"), "https://shop.test/s", "https://shop.test/c", now.plus(Duration.ofMinutes(30)),
          Optional.empty(), now);
      sessions.create(session, Payment.forCheckoutSession(session.paymentId(), TENANT, Mode.TEST, "USD", 1000,
          session.id(), session.expiresAt(), now));
    }
  }

  /** Payment items in the due index's shape (docs/DATA-MODEL.md), 25 per BatchWriteItem, 4 writers. */
  private static void writeNotDue(DynamoDbClient dynamo, String table, int count, Instant dueAt) {
    ExecutorService writers = Executors.newFixedThreadPool(4);
    List<Future<?>> batches = new ArrayList<>();
    for (int start = 0; start < count; start += 25) {
      int from = start;
      int to = Math.min(count, start + 25);
      batches.add(writers.submit(() -> {
        List<WriteRequest> puts = new ArrayList<>();
        for (int i = from; i < to; i++) {
          String id = String.format("pay_notdue%08d", i);
          int shard = Math.floorMod(Arrays.hashCode(id.getBytes(StandardCharsets.UTF_8)), 8);
          Map<String, AttributeValue> item = Map.of(
              "pk", AttributeValue.fromS("T#" + TENANT + "#test#PAY#" + id), "sk", AttributeValue.fromS("#"),
              "duePk", AttributeValue.fromS("DUE#PAYMENT_POLL#" + shard),
              "dueSk", AttributeValue.fromS(String.format("%012d", dueAt.getEpochSecond()) + "#" + id));
          puts.add(WriteRequest.builder().putRequest(put -> put.item(item)).build());
        }
        Map<String, List<WriteRequest>> pending = Map.of(table, puts);
        while (!pending.isEmpty()) {
          Map<String, List<WriteRequest>> request = pending;
          pending = dynamo.batchWriteItem(batch -> batch.requestItems(request)).unprocessedItems();
        }
      }));
    }
    try {
      for (Future<?> batch : batches) {
        batch.get();
      }
    } catch (Exception e) {
      throw new IllegalStateException("writing the pending payments failed", e);
    } finally {
      writers.shutdownNow();
    }
  }
}
