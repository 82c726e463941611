package io.tender.core.settlement;

import io.tender.core.event.MerchantEvent;
import io.tender.core.ledger.LedgerTransaction;
import io.tender.core.payment.Payment;
import java.util.List;

/**
 * Commits a payment's next version, its ledger transactions and the merchant events it owes
 * together, or nothing: an event is never sent for a change that was not stored, and a stored
 * change never lacks its event.
 */
public interface SettlementStore {

  /** False when the payment moved meanwhile (read it again and re-decide). */
  boolean commit(Payment next, List<LedgerTransaction> ledger, List<MerchantEvent> events);
}
