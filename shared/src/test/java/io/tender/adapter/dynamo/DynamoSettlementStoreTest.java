package io.tender.adapter.dynamo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tender.adapter.json.Json;
import io.tender.core.checkout.CheckoutSessions;
import io.tender.core.id.RandomIdGenerator;
import io.tender.core.ledger.LedgerAccount;
import io.tender.core.ledger.LedgerBook;
import io.tender.core.payment.Payment;
import io.tender.core.payment.PaymentEvent;
import io.tender.core.payment.ProviderReference;
import io.tender.core.provider.CheckoutConnector;
import io.tender.core.provider.CheckoutCreated;
import io.tender.core.provider.CheckoutRequest;
import io.tender.core.provider.CheckoutState;
import io.tender.core.provider.RefundRequest;
import io.tender.core.provider.RefundState;
import io.tender.core.settlement.Settlement;
import io.tender.core.tenant.Mode;
import io.tender.local.engines.LocalEngines;
import io.tender.local.engines.SharedEngines;
import io.tender.testing.LocalTender;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Settlement commits the payment, its ledger entries and its merchant events together, once. */
@ExtendWith(SharedEngines.class)
class DynamoSettlementStoreTest {
  private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static LocalTender tender;
  private static DynamoPaymentRepository payments;
  private static DynamoLedger ledger;
  private static Settlement settlement;
  private static final Map<String, CheckoutState> PROVIDER = new java.util.concurrent.ConcurrentHashMap<>();

  @BeforeAll
  static void provision(LocalEngines engines) {
    tender = LocalTender.provision(engines);
    payments = new DynamoPaymentRepository(tender.clients().dynamoDb(), tender.tableName());
    ledger = new DynamoLedger(tender.clients().dynamoDb(), tender.tableName());
    settlement = new Settlement(new ProviderAnswers(), payments,
        new DynamoSettlementStore(payments, ledger, tender.tableName()), new RandomIdGenerator(CLOCK, new Random(7)),
        CLOCK);
  }

  @AfterAll
  static void close() {
    tender.close();
  }

  @Test
  void aSettledCaptureStoresItsEventWithThePaymentAndARepeatStoresNothing() throws Exception {
    Payment payment = paymentAtProvider("ten_outbox1", "pay_outbox1", "cs_test_outbox1", 1200);
    PROVIDER.put("cs_test_outbox1", new CheckoutState("cs_test_outbox1", Optional.of("pay_outbox1"), Optional.empty(),
        new PaymentEvent.Captured(1200, NOW)));

    assertThat(settlement.settleCheckout("cs_test_outbox1")).isInstanceOf(Settlement.Outcome.Applied.class);
    assertThat(settlement.settleCheckout("cs_test_outbox1")).isInstanceOf(Settlement.Outcome.Ignored.class);

    List<Map<String, AttributeValue>> items = events("ten_outbox1");
    assertThat(items).hasSize(1);
    List<MerchantEventItems.Entry> events = MerchantEventItems.entries(items.get(0));
    assertThat(events).hasSize(1);
    JsonNode body = Json.mapper().readTree(events.get(0).body());
    assertThat(body.path("type").asText()).isEqualTo("payment.succeeded");
    assertThat(body.path("id").asText()).isEqualTo(events.get(0).id()).startsWith("evt_");
    assertThat(body.path("livemode").asBoolean()).isFalse();
    assertThat(body.path("created").asLong()).isEqualTo(NOW.getEpochSecond());
    Payment stored = payments.find("ten_outbox1", Mode.TEST, payment.id()).orElseThrow();
    assertThat(body.path("sequence").asLong()).isEqualTo(stored.version());
    assertThat(body.path("data").path("object").path("status").asText()).isEqualTo("captured");
    assertThat(body.path("data").path("object").path("amount_captured").asLong()).isEqualTo(1200);
    assertThat(ledger.balance(new LedgerBook("ten_outbox1", Mode.TEST), LedgerAccount.MERCHANT_PENDING, "USD"))
        .isEqualTo(1200);
    assertThat(Long.parseLong(items.get(0).get("expiresAt").n()))
        .isEqualTo(NOW.plus(MerchantEventItems.RETENTION).getEpochSecond());
  }

  @Test
  void aCheckoutSessionsCaptureStoresBothItsEventsInOneItemKeyedByTheFirst() throws Exception {
    Payment payment = Payment.forCheckoutSession("pay_outbox4", "ten_outbox4", Mode.TEST, "USD", 900, "cs_outbox4",
        NOW.plus(CheckoutSessions.SESSION_LENGTH), NOW).withProvider(new ProviderReference("stripe", "cs_test_outbox4"), NOW);
    assertThat(payments.create(payment)).isTrue();
    PROVIDER.put("cs_test_outbox4", new CheckoutState("cs_test_outbox4", Optional.of("pay_outbox4"), Optional.empty(),
        new PaymentEvent.Captured(900, NOW)));

    assertThat(settlement.settleCheckout("cs_test_outbox4")).isInstanceOf(Settlement.Outcome.Applied.class);

    List<Map<String, AttributeValue>> items = events("ten_outbox4");
    assertThat(items).as("one item for the change").hasSize(1);
    List<MerchantEventItems.Entry> events = MerchantEventItems.entries(items.get(0));
    assertThat(events).extracting(MerchantEventItems.Entry::type)
        .containsExactly("payment.succeeded", "checkout.session.completed");
    assertThat(events).extracting(MerchantEventItems.Entry::objectId).containsExactly("pay_outbox4", "cs_outbox4");
    assertThat(items.get(0).get("sk").s()).isEqualTo(events.get(0).id());
    assertThat(events.get(1).id()).isGreaterThan(events.get(0).id());
    long version = payments.find("ten_outbox4", Mode.TEST, "pay_outbox4").orElseThrow().version();
    for (MerchantEventItems.Entry event : events) {
      assertThat(event.sequence()).isEqualTo(version);
      assertThat(Json.mapper().readTree(event.body()).path("id").asText()).isEqualTo(event.id());
    }
    assertThat(items.get(0).get("kind").s()).isEqualTo("EVENT");
    assertThat(items.get(0).get("tenantId").s()).isEqualTo("ten_outbox4");
  }

  @Test
  void aLaterCaptureRaisingTheTotalIsItsOwnLedgerTransaction() {
    paymentAtProvider("ten_outbox3", "pay_outbox3", "cs_test_outbox3", 1500);
    PROVIDER.put("cs_test_outbox3", new CheckoutState("cs_test_outbox3", Optional.of("pay_outbox3"), Optional.empty(),
        new PaymentEvent.Captured(1000, NOW)));
    assertThat(settlement.settleCheckout("cs_test_outbox3")).isInstanceOf(Settlement.Outcome.Applied.class);
    PROVIDER.put("cs_test_outbox3", new CheckoutState("cs_test_outbox3", Optional.of("pay_outbox3"), Optional.empty(),
        new PaymentEvent.Captured(1500, NOW)));

    assertThat(settlement.settleCheckout("cs_test_outbox3")).isInstanceOf(Settlement.Outcome.Applied.class);
    assertThat(settlement.settleCheckout("cs_test_outbox3")).isInstanceOf(Settlement.Outcome.Ignored.class);

    LedgerBook book = new LedgerBook("ten_outbox3", Mode.TEST);
    assertThat(ledger.balance(book, LedgerAccount.MERCHANT_PENDING, "USD")).isEqualTo(1500);
    assertThat(ledger.entries(book, "capture:pay_outbox3")).hasSize(2);
    assertThat(ledger.entries(book, "capture_to_1500:pay_outbox3")).hasSize(2);
  }

  @Test
  void aChangeThatLosesItsRaceLeavesNoEvent() {
    Payment payment = paymentAtProvider("ten_outbox2", "pay_outbox2", "cs_test_outbox2", 500);
    Payment moved = ((io.tender.core.payment.Transition.Applied) io.tender.core.payment.PaymentStateMachine
        .apply(payment, new PaymentEvent.Pending(NOW), NOW)).payment();
    DynamoSettlementStore store = new DynamoSettlementStore(payments, ledger, tender.tableName());
    assertThat(payments.replace(moved)).isTrue();

    io.tender.core.payment.Transition.Applied stale = (io.tender.core.payment.Transition.Applied)
        io.tender.core.payment.PaymentStateMachine.apply(payment, new PaymentEvent.Captured(500, NOW), NOW);
    boolean committed = store.commit(stale.payment(), List.of(),
        new io.tender.core.event.MerchantEvents(new RandomIdGenerator(CLOCK, new Random(8))).of(stale, NOW));

    assertThat(committed).isFalse();
    assertThat(events("ten_outbox2")).isEmpty();
  }

  private static Payment paymentAtProvider(String tenant, String id, String checkout, long amount) {
    Payment payment = Payment.create(id, tenant, Mode.TEST, "USD", amount,
        Optional.of(new ProviderReference("stripe", checkout)), NOW);
    assertThat(payments.create(payment)).isTrue();
    return payment;
  }

  private static List<Map<String, AttributeValue>> events(String tenant) {
    // Every event here is made at NOW, so it is filed under NOW's day.
    return tender.clients().dynamoDb().query(query -> query.tableName(tender.tableName())
        .keyConditionExpression("pk = :pk").expressionAttributeValues(Map.of(":pk",
            AttributeValue.fromS(MerchantEventItems.dayPartition(tenant, Mode.TEST, MerchantEventItems.day(NOW))))))
        .items();
  }

  /** The provider's answers are whatever the test put in {@link #PROVIDER}. */
  private static final class ProviderAnswers implements CheckoutConnector {
    @Override
    public String provider() {
      return "stripe";
    }

    @Override
    public CheckoutCreated createCheckout(CheckoutRequest request) {
      throw new UnsupportedOperationException();
    }

    @Override
    public CheckoutState fetchCheckout(String checkoutId) {
      return PROVIDER.get(checkoutId);
    }

    @Override
    public CheckoutState expireCheckout(String checkoutId) {
      throw new UnsupportedOperationException();
    }

    @Override
    public RefundState refund(RefundRequest request) {
      throw new UnsupportedOperationException();
    }

    @Override
    public RefundState fetchRefund(String providerRefundId) {
      throw new UnsupportedOperationException();
    }
  }
}
