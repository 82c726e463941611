package io.tender.adapter.dynamo;

import io.tender.core.payment.Payment;
import io.tender.core.payment.PaymentLookup;
import io.tender.core.tenant.Mode;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A payment for a provider event, read eventually consistent (half a unit): by its whole key when
 * the event carries it, else by our id alone, whose provider pointer is indexed in {@code gsi1}
 * under {@code PAYMENT#{paymentId}} and names the tenant and mode. Only payments that reached a
 * provider have a pointer, which is all a provider event can name.
 */
public final class DynamoPaymentLookup implements PaymentLookup {
  private final DynamoDbClient dynamo;
  private final String table;
  private final DynamoPaymentRepository payments;

  public DynamoPaymentLookup(DynamoDbClient dynamo, String table, DynamoPaymentRepository payments) {
    this.dynamo = dynamo;
    this.table = table;
    this.payments = payments;
  }

  @Override
  public Optional<Payment> byId(String paymentId) {
    if (paymentId == null || paymentId.isBlank()) {
      return Optional.empty();
    }
    return dynamo.query(query -> query.tableName(table).indexName("gsi1")
            .keyConditionExpression("gsi1pk = :id")
            .expressionAttributeValues(Map.of(":id", AttributeValue.fromS(PaymentItems.byIdPartition(paymentId))))
            .limit(1))
        .items().stream().findFirst()
        .flatMap(pointer -> byKey(pointer.get("tenantId").s(),
            Mode.fromWire(pointer.get("mode").s()).orElseThrow(), paymentId));
  }

  @Override
  public Optional<Payment> byKey(String tenantId, Mode mode, String paymentId) {
    if (paymentId == null || paymentId.isBlank()) {
      return Optional.empty();
    }
    return payments.find(tenantId, mode, paymentId, false);
  }
}
