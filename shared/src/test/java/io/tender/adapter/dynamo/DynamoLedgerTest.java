package io.tender.adapter.dynamo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tender.core.ledger.LedgerAccount;
import io.tender.core.ledger.LedgerBook;
import io.tender.core.ledger.LedgerTransaction;
import io.tender.core.ledger.Postings;
import io.tender.core.payment.Payment;
import io.tender.core.payment.PaymentEvent;
import io.tender.core.payment.PaymentStateMachine;
import io.tender.core.payment.Transition;
import io.tender.core.tenant.Mode;
import io.tender.local.engines.LocalEngines;
import io.tender.local.engines.SharedEngines;
import io.tender.testing.LocalTender;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** A state change and its ledger entries committed together, once, on DynamoDB Local. */
@ExtendWith(SharedEngines.class)
class DynamoLedgerTest {
  private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
  private static LocalTender tender;
  private static DynamoPaymentRepository payments;
  private static DynamoLedger ledger;

  @BeforeAll
  static void provision(LocalEngines engines) {
    tender = LocalTender.provision(engines);
    payments = new DynamoPaymentRepository(tender.clients().dynamoDb(), tender.tableName());
    ledger = new DynamoLedger(tender.clients().dynamoDb(), tender.tableName());
  }

  @AfterAll
  static void close() {
    tender.close();
  }

  @Test
  void aCaptureAndItsEntriesAreWrittenOnceTogether() {
    LedgerBook book = new LedgerBook("ten_led1", Mode.TEST);
    Payment created = Payment.create("pay_led1", "ten_led1", Mode.TEST, "USD", 2500, Optional.empty(), NOW);
    payments.create(created);
    Payment captured = applied(created, new PaymentEvent.Captured(2500, NOW));
    LedgerTransaction capture = Postings.capture(book, "pay_led1", 2500, "USD", NOW);

    assertThat(payments.replace(captured, ledger.writes(capture))).isTrue();
    assertThat(payments.replace(captured, ledger.writes(capture))).as("a redelivered event").isFalse();

    assertThat(ledger.balance(book, LedgerAccount.PROVIDER_CLEARING, "USD")).isEqualTo(2500);
    assertThat(ledger.balance(book, LedgerAccount.MERCHANT_PENDING, "USD")).isEqualTo(2500);
    assertThat(ledger.entries(book, capture.id().value())).hasSize(2);
  }

  @Test
  void aTransactionThatLosesItsConditionWritesNoEntryAndMovesNoBalance() {
    LedgerBook book = new LedgerBook("ten_led2", Mode.TEST);
    Payment created = Payment.create("pay_led2", "ten_led2", Mode.TEST, "USD", 900, Optional.empty(), NOW);
    payments.create(created);
    Payment stale = applied(created, new PaymentEvent.Captured(900, NOW));
    payments.replace(applied(created, new PaymentEvent.Expired(NOW)));

    assertThat(payments.replace(stale, ledger.writes(Postings.capture(book, "pay_led2", 900, "USD", NOW)))).isFalse();

    assertThat(ledger.balance(book, LedgerAccount.PROVIDER_CLEARING, "USD")).isZero();
    assertThat(ledger.entries(book, "capture:pay_led2")).isEmpty();
  }

  @Test
  void aPostingIsOneItemWhateverItsEntries() {
    LedgerBook book = new LedgerBook("ten_led3", Mode.TEST);
    Payment created = Payment.create("pay_led3", "ten_led3", Mode.TEST, "USD", 2500, Optional.empty(), NOW);
    payments.create(created);
    LedgerTransaction capture = Postings.capture(book, "pay_led3", 2500, 75, "USD", NOW);

    Payment captured = applied(created, new PaymentEvent.Captured(2500, NOW));
    assertThat(payments.replace(captured, ledger.writes(capture))).isTrue();

    assertThat(ledger.writes(capture)).as("the item, then one ADD per balance").hasSize(1 + 3);
    var stored = tender.clients().dynamoDb().query(query -> query.tableName(tender.tableName())
        .consistentRead(true).keyConditionExpression("pk = :pk")
        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("T#ten_led3#test#LTX#capture:pay_led3"))))
        .items();
    assertThat(stored).hasSize(1);
    assertThat(LedgerTransaction.of(ledger.entries(book, "capture:pay_led3"))).isEqualTo(capture);
    assertThat(ledger.balance(book, LedgerAccount.FEES, "USD")).isEqualTo(75);
  }

  @Test
  void entriesAreListedByAccountAndTimeFromOneIndexEntryPerTransaction() {
    LedgerBook book = new LedgerBook("ten_led4", Mode.TEST);
    Instant captured = NOW;
    Instant released = NOW.plusSeconds(60);
    Instant refunded = NOW.plusSeconds(120).plusNanos(500_000_000);
    LedgerTransaction capture = Postings.capture(book, "pay_led4", 2500, "USD", captured);
    LedgerTransaction release = Postings.release(book, "pay_led4", 2500, "USD", released);
    LedgerTransaction refund = Postings.refund(book, "re_led4", 900, "USD", refunded);
    // Posted out of time order, and the same ids in the live book, which must not show.
    for (LedgerTransaction transaction : List.of(refund, capture, release,
        Postings.capture(new LedgerBook("ten_led4", Mode.LIVE), "pay_led4", 7, "USD", captured))) {
      tender.clients().dynamoDb().transactWriteItems(write -> write.transactItems(ledger.writes(transaction)));
    }

    assertThat(ledger.transactions(book)).extracting(entries -> entries.get(0).transactionId())
        .containsExactly(capture.id(), release.id(), refund.id());
    assertThat(ledger.entries(book, LedgerAccount.MERCHANT_PENDING, captured, refunded))
        .containsExactly(capture.entries().get(1), release.entries().get(0));
    assertThat(ledger.entries(book, LedgerAccount.MERCHANT_AVAILABLE, released, refunded))
        .containsExactly(release.entries().get(1), refund.entries().get(0));
    assertThat(ledger.entries(book, LedgerAccount.MERCHANT_AVAILABLE, refunded, refunded.plusSeconds(1)))
        .as("from the refund's millisecond on").containsExactly(refund.entries().get(0));
    assertThat(ledger.entries(book, LedgerAccount.MERCHANT_PENDING, captured.plusMillis(1), released.minusMillis(1)))
        .isEmpty();
    assertThat(ledger.entries(book, LedgerAccount.FEES, captured, refunded)).isEmpty();
  }

  @Test
  void aRetriedPostingIsRefusedWhole() {
    LedgerBook book = new LedgerBook("ten_led5", Mode.TEST);
    LedgerTransaction capture = Postings.capture(book, "pay_led5", 400, "USD", NOW);
    tender.clients().dynamoDb().transactWriteItems(write -> write.transactItems(ledger.writes(capture)));

    assertThatThrownBy(() -> tender.clients().dynamoDb()
        .transactWriteItems(write -> write.transactItems(ledger.writes(capture))))
        .isInstanceOf(TransactionCanceledException.class);

    assertThat(ledger.balance(book, LedgerAccount.MERCHANT_PENDING, "USD")).isEqualTo(400);
    assertThat(ledger.transactions(book)).hasSize(1);
  }

  /** Forty captures for one merchant at once: the sharded balance loses none of them. */
  @Test
  void concurrentCapturesForOneMerchantAllCount() throws Exception {
    LedgerBook book = new LedgerBook("ten_hot", Mode.LIVE);
    ExecutorService pool = Executors.newFixedThreadPool(10);
    List<Future<Boolean>> results = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      String id = "pay_hot" + i;
      results.add(pool.submit(() -> {
        Payment created = Payment.create(id, "ten_hot", Mode.LIVE, "EUR", 100, Optional.empty(), NOW);
        payments.create(created);
        return payments.replace(applied(created, new PaymentEvent.Captured(100, NOW)),
            ledger.writes(Postings.capture(book, id, 100, "EUR", NOW)));
      }));
    }
    for (Future<Boolean> result : results) {
      assertThat(result.get()).isTrue();
    }
    pool.shutdown();

    assertThat(ledger.balance(book, LedgerAccount.MERCHANT_PENDING, "EUR")).isEqualTo(4000);
    assertThat(ledger.balance(book, LedgerAccount.PROVIDER_CLEARING, "EUR")).isEqualTo(4000);
  }

  private static Payment applied(Payment payment, PaymentEvent event) {
    Transition transition = PaymentStateMachine.apply(payment, event, NOW);
    assertThat(transition).isInstanceOf(Transition.Applied.class);
    return ((Transition.Applied) transition).payment();
  }
}
