package io.tender.adapter.dynamo;

import static org.assertj.core.api.Assertions.assertThat;

import io.tender.core.payment.Payment;
import io.tender.core.payment.PaymentEvent;
import io.tender.core.payment.PaymentStateMachine;
import io.tender.core.payment.PollSchedule;
import io.tender.core.payment.ProviderReference;
import io.tender.core.payment.Transition;
import io.tender.core.reconcile.DuePayments;
import io.tender.core.tenant.Mode;
import io.tender.local.engines.LocalEngines;
import io.tender.local.engines.SharedEngines;
import io.tender.testing.LocalTender;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Payment polls through the sparse due index on DynamoDB Local, written by the payment's own puts. */
@ExtendWith(SharedEngines.class)
class DuePaymentPollsTest {
  private static final Instant T0 = Instant.parse("2026-05-04T09:00:00Z");
  private static final Duration FIRST = PollSchedule.BACKOFF.get(0);
  private static LocalTender tender;
  private static DynamoDbClient dynamo;
  private static DynamoPaymentRepository payments;
  private static DuePaymentPolls due;

  @BeforeAll
  static void provision(LocalEngines engines) {
    tender = LocalTender.provision(engines);
    dynamo = tender.clients().dynamoDb();
    payments = new DynamoPaymentRepository(dynamo, tender.tableName());
    due = new DuePaymentPolls(dynamo, tender.tableName());
  }

  @AfterAll
  static void close() {
    tender.close();
  }

  @Test
  void whatIsDueIsFoundAndWhatIsNotIsNeverRead() {
    payments.create(Payment.create("pay_due_early", "ten_due1", Mode.TEST, "EUR", 100, Optional.empty(), T0));
    payments.create(Payment.create("pay_due_late", "ten_due1", Mode.LIVE, "EUR", 100, Optional.empty(),
        T0.plus(Duration.ofHours(1))));

    assertThat(dueFor("ten_due1", T0.plus(FIRST).minusSeconds(1))).isEmpty();
    assertThat(dueFor("ten_due1", T0.plus(FIRST)))
        .containsExactly(new DuePayments.Due("ten_due1", Mode.TEST, "pay_due_early"));
    assertThat(dueFor("ten_due1", T0.plus(Duration.ofHours(2)))).containsExactlyInAnyOrder(
        new DuePayments.Due("ten_due1", Mode.TEST, "pay_due_early"),
        new DuePayments.Due("ten_due1", Mode.LIVE, "pay_due_late"));
  }

  @Test
  void aPollMovesTheEntryAndAResolvedPaymentLeavesTheIndex() {
    Payment created = Payment.create("pay_due_moves", "ten_due2", Mode.TEST, "EUR", 100, Optional.empty(), T0);
    payments.create(created);
    Payment polled = created.polled(T0.plus(FIRST));
    assertThat(payments.replace(polled)).isTrue();

    assertThat(dueFor("ten_due2", T0.plus(FIRST))).as("moved past now").isEmpty();
    assertThat(dueFor("ten_due2", polled.poll().orElseThrow().nextAt())).hasSize(1);
    assertThat(item("ten_due2", "pay_due_moves")).containsKeys("duePk", "dueSk");

    Payment captured = ((Transition.Applied) PaymentStateMachine.apply(polled, new PaymentEvent.Captured(100, null),
        T0.plus(Duration.ofMinutes(6)))).payment();
    assertThat(payments.replace(captured)).isTrue();

    assertThat(dueFor("ten_due2", T0.plus(Duration.ofDays(365)))).isEmpty();
    assertThat(item("ten_due2", "pay_due_moves")).doesNotContainKeys("duePk", "dueSk", "pollAttempts", "nextPollAt");
  }

  @Test
  void everyShardIsReadAndTheLimitHolds() {
    List<String> ids = IntStream.range(0, 24).mapToObj(i -> "pay_due_shard" + i).toList();
    ids.forEach(id -> payments.create(Payment.create(id, "ten_due3", Mode.TEST, "EUR", 100, Optional.empty(), T0)));

    assertThat(dueFor("ten_due3", T0.plus(FIRST))).extracting(DuePayments.Due::paymentId)
        .containsExactlyInAnyOrderElementsOf(ids);
    assertThat(due.dueBy(T0.plus(FIRST), 5)).hasSize(5);
  }

  @Test
  void theScheduleTheSessionAndTheRefundsProviderIdsSurviveTheRoundTrip() {
    Payment v0 = Payment.forCheckoutSession("pay_due_trip", "ten_due4", Mode.TEST, "EUR", 900, "cs_trip",
        T0.plus(Duration.ofMinutes(31)), T0);
    Payment v1 = v0.withProvider(new ProviderReference("stripe", "cs_test_trip"), T0);
    Payment v2 = ((Transition.Applied) PaymentStateMachine.apply(v1, new PaymentEvent.Captured(900, null), T0))
        .payment();
    Payment v3 = v2.reserveRefund("re_trip", 300, T0.plusSeconds(30));
    Payment v4 = v3.withProviderRefundId("re_trip", "re_stripe_trip", T0.plusSeconds(31)).orElseThrow();
    Payment v5 = v4.polled(T0.plus(Duration.ofMinutes(6)));

    assertThat(payments.create(v0)).isTrue();
    for (Payment next : List.of(v1, v2, v3, v4, v5)) {
      assertThat(payments.replace(next)).isTrue();
    }

    assertThat(payments.find("ten_due4", Mode.TEST, "pay_due_trip")).contains(v5);
  }

  @Test
  void aPaymentIsFoundByOurIdAloneOnceItHasReachedAProvider() {
    DynamoPaymentLookup lookup = new DynamoPaymentLookup(dynamo, tender.tableName(), payments);
    Payment unsent = Payment.create("pay_due_unsent", "ten_due5", Mode.LIVE, "EUR", 100, Optional.empty(), T0);
    payments.create(unsent);
    Payment sent = unsent.withProvider(new ProviderReference("stripe", "cs_test_lookup"), T0);

    assertThat(lookup.byId("pay_due_unsent")).as("nothing at a provider can name it yet").isEmpty();
    payments.replaceNamingProvider(sent, List.of());

    assertThat(lookup.byId("pay_due_unsent")).contains(sent);
    assertThat(lookup.byId("pay_due_nobody")).isEmpty();
  }

  private static List<DuePayments.Due> dueFor(String tenantId, Instant now) {
    return due.dueBy(now, 1000).stream().filter(d -> d.tenantId().equals(tenantId)).toList();
  }

  private static Map<String, AttributeValue> item(String tenantId, String paymentId) {
    return dynamo.getItem(get -> get.tableName(tender.tableName()).consistentRead(true)
        .key(PaymentItems.key(tenantId, Mode.TEST, paymentId))).item();
  }
}
