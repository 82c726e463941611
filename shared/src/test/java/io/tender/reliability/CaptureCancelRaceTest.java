package io.tender.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.tender.adapter.dynamo.DynamoLedger;
import io.tender.adapter.dynamo.DynamoPaymentRepository;
import io.tender.adapter.dynamo.DynamoSettlementStore;
import io.tender.core.id.RandomIdGenerator;
import io.tender.core.ledger.LedgerAccount;
import io.tender.core.ledger.LedgerBook;
import io.tender.core.payment.Payment;
import io.tender.core.payment.PaymentEvent;
import io.tender.core.payment.PaymentState;
import io.tender.core.payment.ProviderReference;
import io.tender.core.settlement.Settlement;
import io.tender.core.tenant.Mode;
import io.tender.local.engines.LocalEngines;
import io.tender.local.engines.SharedEngines;
import io.tender.testing.FakeProvider;
import io.tender.testing.LocalTender;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A capture and a cancellation reported at the same moment, many rounds on DynamoDB Local, in a
 * random order of start: whichever commits first, the captured money is counted exactly once and
 * a payment with money never ends cancelled.
 */
@ExtendWith(SharedEngines.class)
class CaptureCancelRaceTest {
  private static final int ROUNDS = 40;
  private static LocalTender tender;

  @BeforeAll
  static void provision(LocalEngines engines) {
    tender = LocalTender.provision(engines);
  }

  @AfterAll
  static void close() {
    tender.close();
  }

  @Test
  void captureAgainstCancelCountsTheMoneyOnceAndNeverEndsCancelledWithMoney() throws Exception {
    var dynamo = tender.clients().dynamoDb();
    DynamoPaymentRepository payments = new DynamoPaymentRepository(dynamo, tender.tableName());
    DynamoLedger ledger = new DynamoLedger(dynamo, tender.tableName());
    Clock clock = Clock.systemUTC();
    Settlement settlement = new Settlement(new FakeProvider(), payments,
        new DynamoSettlementStore(payments, ledger, tender.tableName()), new RandomIdGenerator(clock, new Random(11)),
        clock);
    Random order = new Random(20261123);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    int cancelledFirst = 0;
    try {
      for (int round = 0; round < ROUNDS; round++) {
        String tenant = "ten_race" + round;
        String id = "pay_race_cc" + round;
        Payment created = Payment.create(id, tenant, Mode.TEST, "EUR", 700, Optional.empty(), clock.instant());
        assertThat(payments.create(created)).isTrue();
        assertThat(payments.replaceNamingProvider(created.withProvider(
            new ProviderReference(FakeProvider.NAME, "cs_race_" + round), clock.instant()), List.of())).isTrue();
        Instant at = clock.instant();
        List<PaymentEvent> events = order.nextBoolean()
            ? List.of(new PaymentEvent.Captured(700, at), new PaymentEvent.Cancelled(at))
            : List.of(new PaymentEvent.Cancelled(at), new PaymentEvent.Captured(700, at));
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Settlement.Outcome>> outcomes = events.stream().map(event -> pool.submit(() -> {
          start.await();
          return settlement.apply(() -> payments.find(tenant, Mode.TEST, id), event);
        })).toList();
        start.countDown();
        for (Future<Settlement.Outcome> outcome : outcomes) {
          outcome.get();
        }

        Payment settled = payments.find(tenant, Mode.TEST, id).orElseThrow();
        LedgerBook book = new LedgerBook(tenant, Mode.TEST);
        assertThat(settled.amounts().captured()).as("round %d", round).isEqualTo(700);
        assertThat(settled.state()).as("round %d", round).isIn(PaymentState.CAPTURED, PaymentState.NEEDS_REVIEW);
        assertThat(ledger.balance(book, LedgerAccount.PROVIDER_CLEARING, "EUR")).as("round %d", round).isEqualTo(700);
        assertThat(ledger.balance(book, LedgerAccount.MERCHANT_PENDING, "EUR")).as("round %d", round).isEqualTo(700);
        if (settled.state() == PaymentState.NEEDS_REVIEW) {
          cancelledFirst++;
        }
      }
    } finally {
      pool.shutdownNow();
    }
    System.out.printf("capture vs cancel: %d rounds, cancellation committed first in %d%n", ROUNDS, cancelledFirst);
  }
}
