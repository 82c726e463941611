package io.tender.adapter.dynamo;

import io.tender.core.reconcile.DuePayments;
import io.tender.core.tenant.Mode;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Payment polls through the sparse {@code due} index: {@code duePk = DUE#PAYMENT_POLL#{shard}},
 * {@code dueSk = {next poll, epoch seconds, 12 digits}#{paymentId}}, 8 shards by payment id so no
 * index partition runs hot. The keys live on the payment item and are written by its own
 * versioned put ({@link PaymentItems}), so reading costs what is due, not what exists.
 */
public final class DuePaymentPolls implements DuePayments {
  static final DueIndex INDEX = new DueIndex("PAYMENT_POLL");

  private final DynamoDbClient dynamo;
  private final String table;

  public DuePaymentPolls(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  @Override
  public List<Due> dueBy(Instant now, int limit) {
    return INDEX.dueBy(dynamo, table, now, limit).stream().map(item -> due(item.get("pk").s())).toList();
  }

  /** {@code T#{tenant}#{mode}#PAY#{id}} back into its parts. */
  private static Due due(String pk) {
    String[] parts = pk.split("#");
    return new Due(parts[1], Mode.fromWire(parts[2]).orElseThrow(), parts[4]);
  }
}
