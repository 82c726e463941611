package io.tender.core.settlement;

import io.tender.core.ledger.LedgerTransaction;
import io.tender.core.payment.Payment;
import java.util.List;

/** Commits a payment's next version and its ledger transactions together, or nothing. */
public interface SettlementStore {

  /** False when the payment moved meanwhile (read it again and re-decide). */
  boolean commit(Payment next, List<LedgerTransaction> ledger);
}
