package io.tender.adapter.dynamo;

import io.tender.core.checkout.CheckoutSession;
import io.tender.core.checkout.CheckoutSessionRepository;
import io.tender.core.payment.Payment;
import io.tender.core.tenant.Mode;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Checkout sessions in TenderTable ({@code T#{t}#{m}#CS#{id}}), each written in the same
 * transaction as its payment: the session is created with the payment, and the provider's page
 * is recorded with the payment version that names the provider's checkout.
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
    dynamo.transactWriteItems(tx -> tx.transactItems(
        TransactWriteItem.builder().put(put -> put.tableName(table).item(PaymentItems.item(payment))
            .conditionExpression("attribute_not_exists(pk)")).build(),
        TransactWriteItem.builder().put(put -> put.tableName(table).item(item(session))
            .conditionExpression("attribute_not_exists(pk)")).build()));
  }

  @Override
  public Optional<CheckoutSession> find(String tenantId, Mode mode, String sessionId) {
    Map<String, AttributeValue> item = dynamo.getItem(get -> get.tableName(table).consistentRead(true)
        .key(key(tenantId, mode, sessionId))).item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(session(item));
  }

  @Override
  public boolean recordProviderCheckout(CheckoutSession session, Payment payment) {
    return payments.replaceNamingProvider(payment, List.of(TransactWriteItem.builder().put(put -> put.tableName(table)
        .item(item(session)).conditionExpression("attribute_exists(pk)")).build()));
  }

  private static Map<String, AttributeValue> key(String tenantId, Mode mode, String sessionId) {
    return Map.of("pk", s("T#" + tenantId + "#" + mode.wire() + "#CS#" + sessionId), "sk", s("#"));
  }

  private static Map<String, AttributeValue> item(CheckoutSession session) {
    Map<String, AttributeValue> item = new HashMap<>(key(session.tenantId(), session.mode(), session.id()));
    item.put("id", s(session.id()));
    item.put("paymentId", s(session.paymentId()));
    item.put("tenantId", s(session.tenantId()));
    item.put("mode", s(session.mode().wire()));
    item.put("reference", s(session.reference()));
    item.put("methodTypes", AttributeValue.fromL(session.methodTypes().stream().map(AttributeValue::fromS).toList()));
    item.put("successUrl", s(session.successUrl()));
    item.put("cancelUrl", s(session.cancelUrl()));
    item.put("sessionExpiresAt", s(session.expiresAt().toString()));
    session.redirectUrl().ifPresent(url -> item.put("redirectUrl", s(url)));
    // Due for the expiry sweeper until it has looked at the session (see docs/DATA-MODEL.md).
    item.put("duePk", s(DueSessionExpiries.INDEX.partition(session.id())));
    item.put("dueSk", s(DueIndex.sortKey(session.expiresAt(), session.id())));
    item.put("createdAt", s(session.createdAt().toString()));
    return item;
  }

  private static CheckoutSession session(Map<String, AttributeValue> item) {
    return new CheckoutSession(item.get("id").s(), item.get("paymentId").s(), item.get("tenantId").s(),
        Mode.fromWire(item.get("mode").s()).orElseThrow(), item.get("reference").s(),
        item.get("methodTypes").l().stream().map(AttributeValue::s).toList(), item.get("successUrl").s(),
        item.get("cancelUrl").s(), Instant.parse(item.get("sessionExpiresAt").s()),
        Optional.ofNullable(item.get("redirectUrl")).map(AttributeValue::s), Instant.parse(item.get("createdAt").s()));
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }
}
