package io.tender.adapter.dynamo;

import io.tender.core.checkout.CheckoutSession;
import io.tender.core.checkout.CheckoutSessionRepository;
import io.tender.core.payment.Payment;
import io.tender.core.payment.ProviderReference;
import io.tender.core.tenant.Mode;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Checkout sessions in TenderTable ({@code T#{t}#{m}#CS#{id}}), beside their payment. Every write
 * is a single conditional one, ordered so that a crash between any two leaves only what the
 * sweeper and the reconciliation poller already deal with (a transaction would bill each item
 * twice):
 * <ul>
 *   <li>create: the session (the request a timed-out create is re-sent with), then the payment.
 *       A session whose payment was never written is one nobody was answered with; it reads as
 *       missing. The session is never due for anything: its end is its payment's first poll;
 *   <li>the provider's answer: the provider pointer, then the payment version that names the
 *       checkout, then the session's page. The pointer comes first, so a payment that names a
 *       checkout is always found from it; a pointer whose payment does not name it yet is the
 *       state of a create that timed out, which the poller completes by re-sending the request.
 * </ul>
 * The session's tenant, mode and id are read from its key, not stored again beside it.
 */
public final class DynamoCheckoutSessionRepository implements CheckoutSessionRepository {
  private final DynamoDbClient dynamo;
  private final String table;
  private final DynamoPaymentRepository payments;

  public DynamoCheckoutSessionRepository(DynamoDbClient dynamo, String table, DynamoPaymentRepository payments) {
    this.dynamo = dynamo;
    this.table = table;
    this.payments = payments;
  }

  @Override
  public void create(CheckoutSession session, Payment payment) {
    dynamo.putItem(put -> put.tableName(table).item(item(session)).conditionExpression("attribute_not_exists(pk)"));
    if (!payments.create(payment)) {
      throw new IllegalStateException("payment " + payment.id() + " exists");
    }
  }

  /**
   * Eventually consistent, which is half the read units: a session's request never changes, and a
   * read a moment behind is re-read strongly when it shows what a fresh session may not yet show,
   * no session at all or no provider's page.
   */
  @Override
  public Optional<CheckoutSession> find(String tenantId, Mode mode, String sessionId) {
    Optional<CheckoutSession> session = read(tenantId, mode, sessionId, false);
    return session.isPresent() && session.get().redirectUrl().isPresent() ? session
        : read(tenantId, mode, sessionId, true);
  }

  /**
   * Eventually consistent, as a status read may be: a status is polled and moves on anyway, each
   * change of it is announced by webhook, and a read is behind by about a second at most. A
   * payment not found yet (its session was just created) is read again strongly.
   */
  @Override
  public Optional<Payment> findPaymentForStatus(CheckoutSession session) {
    return payments.find(session.tenantId(), session.mode(), session.paymentId(), false)
        .or(() -> payments.find(session.tenantId(), session.mode(), session.paymentId()));
  }

  @Override
  public boolean recordProviderCheckout(CheckoutSession session, Payment payment) {
    ProviderReference reference = payment.provider()
        .orElseThrow(() -> new IllegalArgumentException("payment " + payment.id() + " names no provider"));
    if (!pointTo(payment, reference)) {
      return false; // another payment's checkout: nothing of it is recorded here
    }
    boolean named = payments.replace(payment);
    // The page is this payment's one checkout (the provider's idempotency key is the payment id),
    // so it is recorded even when another writer named the checkout first.
    session.redirectUrl().ifPresent(url -> dynamo.updateItem(update -> update.tableName(table)
        .key(key(session.tenantId(), session.mode(), session.id()))
        .updateExpression("SET redirectUrl = :url")
        .conditionExpression("attribute_exists(pk)")
        .expressionAttributeValues(Map.of(":url", s(url)))));
    return named;
  }

  @Override
  public boolean recordCreateUnanswered(Payment payment) {
    return payments.replace(payment);
  }

  /** The pointer is written once and only ever for the same payment; false if another has it. */
  private boolean pointTo(Payment payment, ProviderReference reference) {
    try {
      dynamo.putItem(put -> put.tableName(table).item(PaymentItems.pointer(payment, reference))
          .conditionExpression("attribute_not_exists(pk) OR paymentId = :id")
          .expressionAttributeValues(Map.of(":id", s(payment.id()))));
      return true;
    } catch (ConditionalCheckFailedException another) {
      return false;
    }
  }

  private Optional<CheckoutSession> read(String tenantId, Mode mode, String sessionId, boolean consistent) {
    Map<String, AttributeValue> item = dynamo.getItem(get -> get.tableName(table).consistentRead(consistent)
        .key(key(tenantId, mode, sessionId))).item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(session(item));
  }

  private static Map<String, AttributeValue> key(String tenantId, Mode mode, String sessionId) {
    return Map.of("pk", s("T#" + tenantId + "#" + mode.wire() + "#CS#" + sessionId), "sk", s("#"));
  }

  private static Map<String, AttributeValue> item(CheckoutSession session) {
    Map<String, AttributeValue> item = new HashMap<>(key(session.tenantId(), session.mode(), session.id()));
    item.put("paymentId", s(session.paymentId()));
    item.put("reference", s(session.reference()));
    item.put("methodTypes", AttributeValue.fromL(session.methodTypes().stream().map(AttributeValue::fromS).toList()));
    item.put("successUrl", s(session.successUrl()));
    item.put("cancelUrl", s(session.cancelUrl()));
    item.put("sessionExpiresAt", s(session.expiresAt().toString()));
    session.redirectUrl().ifPresent(url -> item.put("redirectUrl", s(url)));
    item.put("createdAt", s(session.createdAt().toString()));
    return item;
  }

  /** Tenant, mode and id from the key {@code T#{tenant}#{mode}#CS#{id}} (items once stored them too). */
  private static CheckoutSession session(Map<String, AttributeValue> item) {
    String[] key = item.get("pk").s().split("#");
    return new CheckoutSession(key[4], item.get("paymentId").s(), key[1], Mode.fromWire(key[2]).orElseThrow(),
        item.get("reference").s(), item.get("methodTypes").l().stream().map(AttributeValue::s).toList(),
        item.get("successUrl").s(), item.get("cancelUrl").s(), Instant.parse(item.get("sessionExpiresAt").s()),
        Optional.ofNullable(item.get("redirectUrl")).map(AttributeValue::s), Instant.parse(item.get("createdAt").s()));
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }
}
