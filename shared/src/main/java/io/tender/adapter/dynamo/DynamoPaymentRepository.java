package io.tender.adapter.dynamo;

import io.tender.core.payment.Payment;
import io.tender.core.payment.PaymentRepository;
import io.tender.core.payment.ProviderReference;
import io.tender.core.tenant.Mode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Payments in TenderTable ({@code T#{t}#{m}#PAY#{id}}), with a pointer from the provider's id
 * ({@code PROVIDER#{p}#{id}}) written in the same transaction as the payment that names it.
 * Each write is conditional on the version it replaces; {@link #replace(Payment, List)} lets the
 * settlement step add its ledger and outbox items to that one transaction.
 */
public final class DynamoPaymentRepository implements PaymentRepository {
  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoPaymentRepository(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  @Override
  public boolean create(Payment payment) {
    List<TransactWriteItem> writes = new ArrayList<>();
    writes.add(TransactWriteItem.builder().put(put -> put.tableName(table).item(PaymentItems.item(payment))
        .conditionExpression("attribute_not_exists(pk)")).build());
    payment.provider().ifPresent(reference -> writes.add(pointer(payment, reference)));
    return write(writes);
  }

  @Override
  public Optional<Payment> find(String tenantId, Mode mode, String paymentId) {
    return find(tenantId, mode, paymentId, true);
  }

  /**
   * {@link #find(String, Mode, String)}, eventually consistent when {@code consistent} is false (half
   * the read units): only for a read whose next write is conditional on its version anyway.
   */
  public Optional<Payment> find(String tenantId, Mode mode, String paymentId, boolean consistent) {
    Map<String, AttributeValue> item = dynamo.getItem(get -> get.tableName(table).consistentRead(consistent)
        .key(PaymentItems.key(tenantId, mode, paymentId))).item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(PaymentItems.payment(item));
  }

  @Override
  public Optional<Payment> findByProvider(ProviderReference reference) {
    Map<String, AttributeValue> pointer = dynamo.getItem(get -> get.tableName(table).consistentRead(true)
        .key(PaymentItems.providerKey(reference))).item();
    if (pointer == null || pointer.isEmpty()) {
      return Optional.empty();
    }
    return find(pointer.get("tenantId").s(), Mode.fromWire(pointer.get("mode").s()).orElseThrow(),
        pointer.get("paymentId").s());
  }

  @Override
  public boolean replace(Payment next) {
    return replace(next, List.of());
  }

  /**
   * {@link #replace(Payment)} together with {@code alongside}, all or nothing. The provider pointer
   * is not rewritten: it was written with the version that first named the provider
   * ({@link #replaceNamingProvider}), and a rewrite would only cost two write units a change.
   */
  public boolean replace(Payment next, List<TransactWriteItem> alongside) {
    return write(versioned(next, alongside, false));
  }

  /** {@link #replace(Payment, List)} for the version that first names the provider: its pointer too. */
  public boolean replaceNamingProvider(Payment next, List<TransactWriteItem> alongside) {
    if (next.provider().isEmpty()) {
      throw new IllegalArgumentException("payment " + next.id() + " names no provider");
    }
    return write(versioned(next, alongside, true));
  }

  private List<TransactWriteItem> versioned(Payment next, List<TransactWriteItem> alongside, boolean withPointer) {
    if (next.version() < 1) {
      throw new IllegalArgumentException("a replacement has a version of at least 1");
    }
    List<TransactWriteItem> writes = new ArrayList<>();
    writes.add(TransactWriteItem.builder().put(put -> put.tableName(table).item(PaymentItems.item(next))
        .conditionExpression("version = :previous")
        .expressionAttributeValues(Map.of(":previous", AttributeValue.fromN(Long.toString(next.version() - 1)))))
        .build());
    if (withPointer) {
      writes.add(pointer(next, next.provider().orElseThrow()));
    }
    writes.addAll(alongside);
    return writes;
  }

  /** The pointer is written once and only ever for the same payment. */
  private TransactWriteItem pointer(Payment payment, ProviderReference reference) {
    return TransactWriteItem.builder().put(put -> put.tableName(table).item(PaymentItems.pointer(payment, reference))
        .conditionExpression("attribute_not_exists(pk) OR paymentId = :id")
        .expressionAttributeValues(Map.of(":id", AttributeValue.fromS(payment.id())))).build();
  }

  /**
   * One conditional write, or a transaction when there is more than one item: a transaction costs
   * twice the write units. Losing a race (a failed condition, or a transaction conflict with the
   * winner) answers false.
   */
  private boolean write(List<TransactWriteItem> writes) {
    if (writes.size() == 1) {
      var put = writes.get(0).put();
      try {
        dynamo.putItem(request -> request.tableName(put.tableName()).item(put.item())
            .conditionExpression(put.conditionExpression())
            .expressionAttributeValues(put.expressionAttributeValues().isEmpty() ? null : put.expressionAttributeValues()));
        return true;
      } catch (ConditionalCheckFailedException lost) {
        return false;
      }
    }
    try {
      dynamo.transactWriteItems(tx -> tx.transactItems(writes));
      return true;
    } catch (TransactionCanceledException cancelled) {
      if (cancelled.cancellationReasons().stream()
          .anyMatch(r -> "ConditionalCheckFailed".equals(r.code()) || "TransactionConflict".equals(r.code()))) {
        return false;
      }
      throw cancelled;
    }
  }
}
