package io.tender.bench.hot;

import io.tender.adapter.dynamo.DynamoLedger;
import io.tender.adapter.dynamo.DynamoPaymentRepository;
import io.tender.adapter.dynamo.DynamoSettlementStore;
import io.tender.bench.Stats;
import io.tender.core.id.RandomIdGenerator;
import io.tender.core.ledger.LedgerAccount;
import io.tender.core.ledger.LedgerBook;
import io.tender.core.ledger.LedgerTransaction;
import io.tender.core.payment.Payment;
import io.tender.core.payment.ProviderReference;
import io.tender.core.settlement.Settlement;
import io.tender.core.settlement.SettlementStore;
import io.tender.core.tenant.Mode;
import io.tender.local.engines.LocalEngines;
import io.tender.local.provision.ProvisionedStack;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Settlements for ONE merchant against the same number spread over as many merchants, at the same
 * concurrency: every settlement of one merchant adds to the same balance counters (sharded 8 ways,
 * {@code DynamoLedger}), so they can lose conditional transactions to each other and retry
 * ({@code Contention}); spread over merchants they never meet. Reported: throughput of each and
 * their ratio, and the lost races (commits retried).
 */
public final class HotMerchantBench {
  private static final long AMOUNT = 1000;

  private HotMerchantBench() {}

  record Outcome(double perSecond, long lostRaces) {}

  public static String run(int settlements, int concurrency) {
    try (LocalEngines engines = LocalEngines.start();
        ProvisionedStack stack = ProvisionedStack.create(engines, Path.of("template.yaml"), "hotbench", Map.of(),
            Map.of())) {
      DynamoDbClient dynamo = stack.dynamoDb();
      String table = stack.tableName("TenderTable");
      RandomIdGenerator ids = RandomIdGenerator.secure();
      settle(dynamo, table, ids, Math.max(16, settlements / 10), concurrency, true); // JIT and engines warmed
      List<Outcome> hot = new ArrayList<>();
      List<Outcome> spread = new ArrayList<>();
      int rounds = settlements >= 1000 ? 3 : 1;
      for (int round = 0; round < rounds; round++) {
        hot.add(settle(dynamo, table, ids, settlements, concurrency, true));
        spread.add(settle(dynamo, table, ids, settlements, concurrency, false));
      }
      double hotRate = Stats.median(hot.stream().map(Outcome::perSecond).toList());
      double spreadRate = Stats.median(spread.stream().map(Outcome::perSecond).toList());
      return "| " + settlements + " settlements, " + concurrency + " at a time | settlements/s (median of " + rounds
          + ") | lost races retried (per round) |\n|---|--:|--:|\n"
          + "| one merchant | " + Stats.f(hotRate, 0) + " | " + hot.stream().map(o -> Long.toString(o.lostRaces())).toList() + " |\n"
          + "| " + settlements + " merchants | " + Stats.f(spreadRate, 0) + " | "
          + spread.stream().map(o -> Long.toString(o.lostRaces())).toList() + " |\n"
          + "\nThroughput ratio one merchant ÷ spread: " + Stats.f(hotRate / spreadRate, 2) + " (target ≥ 0.7).\n";
    }
  }

  private static Outcome settle(DynamoDbClient dynamo, String table, RandomIdGenerator ids, int count, int concurrency,
      boolean oneMerchant) {
    DynamoPaymentRepository payments = new DynamoPaymentRepository(dynamo, table);
    DynamoLedger ledger = new DynamoLedger(dynamo, table);
    String hotTenant = ids.next("ten");
    List<String> checkouts = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String checkout = ids.next("chk");
      String tenant = oneMerchant ? hotTenant : ids.next("ten");
      payments.create(Payment.create(ids.next("pay"), tenant, Mode.TEST, "USD", AMOUNT,
          Optional.of(new ProviderReference(PaidEverywhere.PROVIDER, checkout)), Clock.systemUTC().instant()));
      checkouts.add(checkout);
    }
    AtomicLong lost = new AtomicLong();
    SettlementStore store = new DynamoSettlementStore(payments, ledger, table);
    SettlementStore counting = (next, transactions, events) -> {
      boolean committed = store.commit(next, transactions, events);
      if (!committed) {
        lost.incrementAndGet();
      }
      return committed;
    };
    Settlement settlement = new Settlement(new PaidEverywhere(AMOUNT, Clock.systemUTC()), payments, counting, ids,
        Clock.systemUTC());
    ExecutorService pool = Executors.newFixedThreadPool(concurrency);
    long started = System.nanoTime();
    try {
      List<Future<Settlement.Outcome>> outcomes = new ArrayList<>();
      for (String checkout : checkouts) {
        outcomes.add(pool.submit(() -> settlement.settleCheckout(checkout)));
      }
      for (Future<Settlement.Outcome> outcome : outcomes) {
        if (!(outcome.get() instanceof Settlement.Outcome.Applied)) {
          throw new IllegalStateException("a settlement was not applied: " + outcome.get());
        }
      }
    } catch (Exception e) {
      throw new IllegalStateException("settling failed", e);
    } finally {
      pool.shutdownNow();
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    if (oneMerchant) {
      long balance = ledger.balance(new LedgerBook(hotTenant, Mode.TEST), LedgerAccount.MERCHANT_PENDING, "USD");
      if (balance != count * AMOUNT) {
        throw new IllegalStateException("the hot merchant's balance is " + balance + ", not " + count * AMOUNT);
      }
    }
    return new Outcome(count / seconds, lost.get());
  }
}
