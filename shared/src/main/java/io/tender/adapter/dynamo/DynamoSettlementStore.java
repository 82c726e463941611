package io.tender.adapter.dynamo;

import io.tender.core.ledger.LedgerTransaction;
import io.tender.core.payment.Payment;
import io.tender.core.settlement.SettlementStore;
import java.util.List;

/** The payment's next version and its ledger entries in one TransactWriteItems. */
public final class DynamoSettlementStore implements SettlementStore {
  private final DynamoPaymentRepository payments;
  private final DynamoLedger ledger;

  public DynamoSettlementStore(DynamoPaymentRepository payments, DynamoLedger ledger) {
    this.payments = payments;
    this.ledger = ledger;
  }

  @Override
  public boolean commit(Payment next, List<LedgerTransaction> transactions) {
    return payments.replace(next, transactions.stream().flatMap(tx -> ledger.writes(tx).stream()).toList());
  }
}
