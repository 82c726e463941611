package io.tender.adapter.dynamo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.tender.core.checkout.CheckoutSession;
import io.tender.core.checkout.CheckoutSessions;
import io.tender.core.error.ApiException;
import io.tender.core.error.ErrorCode;
import io.tender.core.payment.Payment;
import io.tender.core.payment.ProviderReference;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Checkout sessions on DynamoDB Local: what the item holds, and what each single write leaves behind. */
@ExtendWith(SharedEngines.class)
class DynamoCheckoutSessionRepositoryTest {
  private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
  private static LocalTender tender;
  private static DynamoDbClient dynamo;
  private static DynamoPaymentRepository payments;
  private static DynamoCheckoutSessionRepository sessions;

  @BeforeAll
  static void provision(LocalEngines engines) {
    tender = LocalTender.provision(engines);
    dynamo = tender.clients().dynamoDb();
    payments = new DynamoPaymentRepository(dynamo, tender.tableName());
    sessions = new DynamoCheckoutSessionRepository(dynamo, tender.tableName(), payments);
  }

  @AfterAll
  static void close() {
    tender.close();
  }

  @Test
  void aSessionKeepsItsTenantModeAndIdInItsKeyOnlyAndReadsBackWhole() {
    CheckoutSession session = session("ten_cs1", "cs_key1", "pay_key1");
    sessions.create(session, payment(session));

    Map<String, AttributeValue> item = item("T#ten_cs1#test#CS#cs_key1");
    assertThat(item).as("never due: its end is its payment's first poll")
        .doesNotContainKeys("id", "tenantId", "mode", "redirectUrl", "duePk", "dueSk");
    assertThat(item("T#ten_cs1#test#PAY#pay_key1").get("dueSk").s())
        .isEqualTo(DueIndex.sortKey(session.expiresAt(), "pay_key1"));
    assertThat(sessions.find("ten_cs1", Mode.TEST, "cs_key1")).contains(session);
    assertThat(sessions.find("ten_cs1", Mode.LIVE, "cs_key1")).isEmpty();
    assertThat(sessions.findPaymentForStatus(session)).contains(payment(session));
  }

  @Test
  void theProvidersAnswerNamesTheCheckoutFindableByItsIdAndGivesTheSessionItsPage() {
    CheckoutSession session = session("ten_cs2", "cs_answer2", "pay_answer2");
    sessions.create(session, payment(session));
    ProviderReference stripe = new ProviderReference("stripe", "cs_test_answer2");
    Payment named = payment(session).withProvider(stripe, NOW.plusSeconds(1));

    assertThat(sessions.recordProviderCheckout(session.withRedirect("https://pay.test/answer2"), named)).isTrue();

    assertThat(payments.findByProvider(stripe)).contains(named);
    assertThat(sessions.find("ten_cs2", Mode.TEST, "cs_answer2").flatMap(CheckoutSession::redirectUrl))
        .contains("https://pay.test/answer2");
    assertThat(item("T#ten_cs2#test#CS#cs_answer2")).doesNotContainKeys("duePk", "dueSk");
    assertThat(item("T#ten_cs2#test#PAY#pay_answer2").get("dueSk").s()).as("still due when the session ends")
        .isEqualTo(DueIndex.sortKey(session.expiresAt(), "pay_answer2"));
  }

  @Test
  void aCreateWithoutACheckoutMovesItsPaymentsPollToSoonOnceAndOnlyFromTheVersionRead() {
    CheckoutSession session = session("ten_cs5", "cs_unanswered5", "pay_unanswered5");
    sessions.create(session, payment(session));
    Payment soon = payment(session).pollSoon(NOW.plusSeconds(10));

    assertThat(sessions.recordCreateUnanswered(soon)).isTrue();
    assertThat(sessions.recordCreateUnanswered(payment(session).pollSoon(NOW.plusSeconds(20)))).isFalse();

    assertThat(payments.find("ten_cs5", Mode.TEST, "pay_unanswered5")).contains(soon);
    assertThat(item("T#ten_cs5#test#PAY#pay_unanswered5").get("dueSk").s())
        .isEqualTo(DueIndex.sortKey(soon.poll().orElseThrow().nextAt(), "pay_unanswered5"));
  }

  @Test
  void aCheckoutThatAnotherPaymentHoldsIsNotRecordedAtAll() {
    ProviderReference stripe = new ProviderReference("stripe", "cs_test_taken3");
    assertThat(payments.create(Payment.create("pay_other3", "ten_cs3", Mode.TEST, "USD", 100, Optional.of(stripe),
        NOW))).isTrue();
    CheckoutSession session = session("ten_cs3", "cs_taken3", "pay_taken3");
    sessions.create(session, payment(session));

    assertThat(sessions.recordProviderCheckout(session.withRedirect("https://pay.test/taken3"),
        payment(session).withProvider(stripe, NOW.plusSeconds(1)))).isFalse();

    assertThat(payments.find("ten_cs3", Mode.TEST, "pay_taken3")).contains(payment(session));
    assertThat(sessions.find("ten_cs3", Mode.TEST, "cs_taken3").flatMap(CheckoutSession::redirectUrl)).isEmpty();
    assertThat(payments.findByProvider(stripe).map(Payment::id)).contains("pay_other3");
  }

  @Test
  void aSessionWhosePaymentWasNeverWrittenReadsAsMissing() {
    CheckoutSession session = session("ten_cs4", "cs_01jd000000000000000000004a", "pay_lost4");
    sessions.create(session, payment(session));
    dynamo.deleteItem(delete -> delete.tableName(tender.tableName()).key(Map.of(
        "pk", AttributeValue.fromS("T#ten_cs4#test#PAY#pay_lost4"), "sk", AttributeValue.fromS("#"))));
    CheckoutSessions checkouts = new CheckoutSessions(sessions, new io.tender.core.tenant.InMemoryTenantRepository(),
        null, io.tender.core.money.AmountPolicy.standard(), prefix -> prefix + "_unused",
        Clock.fixed(NOW, ZoneOffset.UTC));

    ApiException missing = catchThrowableOfType(ApiException.class,
        () -> checkouts.view("ten_cs4", Mode.TEST, session.id()));

    assertThat(missing.code()).isEqualTo(ErrorCode.RESOURCE_NOT_FOUND);
  }

  private static CheckoutSession session(String tenantId, String sessionId, String paymentId) {
    return new CheckoutSession(sessionId, paymentId, tenantId, Mode.TEST, "order 1", List.of("card"),
        "https://shop.test/ok", "https://shop.test/cancel", NOW.plusSeconds(31 * 60), Optional.empty(), NOW);
  }

  private static Payment payment(CheckoutSession session) {
    return Payment.forCheckoutSession(session.paymentId(), session.tenantId(), Mode.TEST, "USD", 1_999, session.id(),
        session.expiresAt(), NOW);
  }

  private static Map<String, AttributeValue> item(String pk) {
    return dynamo.getItem(get -> get.tableName(tender.tableName()).consistentRead(true)
        .key(Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS("#")))).item();
  }
}
