package io.tender.adapter.dynamo;

import static org.assertj.core.api.Assertions.assertThat;

import io.tender.core.payment.Payment;
import io.tender.core.payment.PaymentEvent;
import io.tender.core.payment.PaymentState;
import io.tender.core.payment.PaymentStateMachine;
import io.tender.core.payment.ProviderReference;
import io.tender.core.payment.RefundNotAllowedException;
import io.tender.core.payment.Transition;
import io.tender.core.tenant.Mode;
import io.tender.local.engines.LocalEngines;
import io.tender.local.engines.SharedEngines;
import io.tender.testing.LocalTender;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Payments on DynamoDB Local: versioned writes, the provider pointer, and refunds under a race. */
@ExtendWith(SharedEngines.class)
class DynamoPaymentRepositoryTest {
  private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
  private static LocalTender tender;
  private static DynamoPaymentRepository payments;

  @BeforeAll
  static void provision(LocalEngines engines) {
    tender = LocalTender.provision(engines);
    payments = new DynamoPaymentRepository(tender.clients().dynamoDb(), tender.tableName());
  }

  @AfterAll
  static void close() {
    tender.close();
  }

  @Test
  void aPaymentIsFoundByItsIdAndByTheProvidersIdAndNeverAcrossTenantOrMode() {
    ProviderReference stripe = new ProviderReference("stripe", "cs_test_find1");
    Payment payment = Payment.create("pay_find1", "ten_pay1", Mode.TEST, "USD", 100, Optional.of(stripe), NOW);

    assertThat(payments.create(payment)).isTrue();
    assertThat(payments.create(payment)).as("ids are unique").isFalse();

    assertThat(payments.find("ten_pay1", Mode.TEST, "pay_find1")).contains(payment);
    assertThat(payments.findByProvider(stripe)).contains(payment);
    assertThat(payments.find("ten_other", Mode.TEST, "pay_find1")).isEmpty();
    assertThat(payments.find("ten_pay1", Mode.LIVE, "pay_find1")).isEmpty();
  }

  @Test
  void aStaleVersionLosesAndTheWinnerStands() {
    Payment created = Payment.create("pay_stale", "ten_pay1", Mode.TEST, "USD", 100, Optional.empty(), NOW);
    payments.create(created);
    Payment captured = applied(created, new PaymentEvent.Captured(100, NOW));
    Payment expired = applied(created, new PaymentEvent.Expired(NOW));

    assertThat(payments.replace(captured)).isTrue();
    assertThat(payments.replace(expired)).as("derived from the same version").isFalse();
    assertThat(payments.find("ten_pay1", Mode.TEST, "pay_stale").orElseThrow().state()).isEqualTo(PaymentState.CAPTURED);
  }

  @Test
  void aProvidersIdPointsAtOnePaymentOnly() {
    ProviderReference shared = new ProviderReference("stripe", "cs_test_shared");
    payments.create(Payment.create("pay_owner", "ten_pay1", Mode.TEST, "USD", 100, Optional.of(shared), NOW));

    assertThat(payments.create(Payment.create("pay_thief", "ten_pay2", Mode.TEST, "USD", 100, Optional.of(shared), NOW)))
        .isFalse();
    assertThat(payments.find("ten_pay2", Mode.TEST, "pay_thief")).as("nothing half-written").isEmpty();
    assertThat(payments.findByProvider(shared).orElseThrow().id()).isEqualTo("pay_owner");
  }

  @Test
  void theVersionNamingTheProviderWritesItsPointerOnceAndLaterVersionsLeaveItAlone() {
    Payment created = Payment.create("pay_named", "ten_pay1", Mode.TEST, "USD", 100, Optional.empty(), NOW);
    payments.create(created);
    ProviderReference stripe = new ProviderReference("stripe", "cs_test_named");
    Payment named = created.withProvider(stripe, NOW);

    assertThat(payments.replaceNamingProvider(named, List.of())).isTrue();
    assertThat(payments.findByProvider(stripe).orElseThrow().version()).isEqualTo(named.version());
    Payment captured = applied(named, new PaymentEvent.Captured(100, NOW));
    assertThat(payments.replace(captured)).isTrue();
    assertThat(payments.findByProvider(stripe).orElseThrow().state()).isEqualTo(PaymentState.CAPTURED);

    Payment other = Payment.create("pay_other_named", "ten_pay1", Mode.TEST, "USD", 100, Optional.empty(), NOW);
    payments.create(other);
    assertThat(payments.replaceNamingProvider(other.withProvider(stripe, NOW), List.of()))
        .as("a provider's id names one payment only").isFalse();
    assertThat(payments.find("ten_pay1", Mode.TEST, "pay_other_named").orElseThrow().provider()).isEmpty();
  }

  /** 20 concurrent refunds of 10 on a capture of 100: exactly 100 reserved, the rest refused. */
  @Test
  void concurrentRefundsNeverReserveMoreThanWasCaptured() throws Exception {
    Payment created = Payment.create("pay_race", "ten_pay1", Mode.TEST, "USD", 100, Optional.empty(), NOW);
    payments.create(created);
    payments.replace(applied(created, new PaymentEvent.Captured(100, NOW)));

    ExecutorService pool = Executors.newFixedThreadPool(20);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Boolean>> results = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      String refundId = "re_race_" + i;
      results.add(pool.submit(() -> {
        start.await();
        while (true) {
          Payment current = payments.find("ten_pay1", Mode.TEST, "pay_race").orElseThrow();
          Payment reserved;
          try {
            reserved = current.reserveRefund(refundId, 10, NOW);
          } catch (RefundNotAllowedException refused) {
            return false;
          }
          if (payments.replace(reserved)) {
            return true;
          }
        }
      }));
    }
    start.countDown();
    int accepted = 0;
    for (Future<Boolean> result : results) {
      accepted += result.get() ? 1 : 0;
    }
    pool.shutdown();

    Payment after = payments.find("ten_pay1", Mode.TEST, "pay_race").orElseThrow();
    assertThat(accepted).isEqualTo(10);
    assertThat(after.amounts().refundReserved()).isEqualTo(100);
    assertThat(after.refunds()).hasSize(10);
    assertThat(after.amounts().refundable()).isZero();
  }

  private static Payment applied(Payment payment, PaymentEvent event) {
    Transition transition = PaymentStateMachine.apply(payment, event, NOW);
    assertThat(transition).isInstanceOf(Transition.Applied.class);
    return ((Transition.Applied) transition).payment();
  }
}
