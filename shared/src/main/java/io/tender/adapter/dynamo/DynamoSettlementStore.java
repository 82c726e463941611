package io.tender.adapter.dynamo;

import io.tender.core.event.MerchantEvent;
import io.tender.core.ledger.LedgerTransaction;
import io.tender.core.payment.Payment;
import io.tender.core.settlement.SettlementStore;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The payment's next version, its ledger entries and its merchant events in one TransactWriteItems;
 * the events of the change share one item (see {@link MerchantEventItems#items}).
 */
public final class DynamoSettlementStore implements SettlementStore {
  private final DynamoPaymentRepository payments;
  private final DynamoLedger ledger;
  private final String table;

  public DynamoSettlementStore(DynamoPaymentRepository payments, DynamoLedger ledger, String table) {
    this.payments = payments;
    this.ledger = ledger;
    this.table = table;
  }

  @Override
  public boolean commit(Payment next, List<LedgerTransaction> transactions, List<MerchantEvent> events) {
    List<TransactWriteItem> alongside = new ArrayList<>();
    transactions.forEach(tx -> alongside.addAll(ledger.writes(tx)));
    MerchantEventItems.items(events).forEach(item -> alongside.add(TransactWriteItem.builder()
        .put(put -> put.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)")).build()));
    return payments.replace(next, alongside);
  }
}
