package io.tender.reliability;

import io.tender.core.ledger.LedgerAccount;
import io.tender.core.ledger.LedgerBook;
import io.tender.core.payment.Payment;
import io.tender.core.payment.ProviderReference;
import io.tender.core.payment.Refund;
import io.tender.core.tenant.Mode;
import io.tender.reliability.TableAudit.Entry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One payment's outcome with every id taken out, so that runs on different tenants and payments
 * compare line by line: the payment, its refunds in order, its ledger entries and balances, the
 * merchant events it committed, and what the provider holds for it.
 */
record FinalState(List<String> lines) {

  static FinalState of(SimulationWorld world, String tenantId, String paymentId) {
    List<String> lines = new ArrayList<>();
    Payment payment = world.payments.find(tenantId, Mode.TEST, paymentId).orElseThrow();
    lines.add("payment " + payment.state() + " v" + payment.version() + " requested " + payment.amounts().requested()
        + " captured " + payment.amounts().captured() + " refunded " + payment.amounts().refunded() + " reserved "
        + payment.amounts().refundReserved() + (payment.needsPolling() ? " polled" : ""));
    List<String> refundIds = payment.refunds().stream().map(Refund::id).toList();
    for (Refund refund : payment.refunds()) {
      lines.add("refund#" + refundIds.indexOf(refund.id()) + " " + refund.amount() + " " + refund.status());
    }
    LedgerBook book = new LedgerBook(tenantId, Mode.TEST);
    List<String> ledger = new ArrayList<>();
    for (Map.Entry<String, List<Entry>> transaction : world.audit.transactions(book).entrySet()) {
      String id = transaction.getKey();
      String kind = id.substring(0, id.indexOf(':'));
      String subject = id.substring(id.indexOf(':') + 1);
      String name = subject.equals(paymentId) ? kind : kind + "#" + refundIds.indexOf(subject);
      for (Entry entry : transaction.getValue()) {
        ledger.add("ledger " + name + " " + entry.account() + (entry.debit() ? " debit " : " credit ") + entry.amount()
            + " " + entry.currency());
      }
    }
    ledger.sort(null);
    lines.addAll(ledger);
    for (LedgerAccount account : LedgerAccount.values()) {
      lines.add("balance " + account + " " + world.audit.balance(book, account, payment.currency()));
    }
    List<String> events = new ArrayList<>();
    world.audit.events(tenantId, Mode.TEST).forEach(event -> events.add("event " + event.type() + " @" + event.sequence()));
    events.sort(null);
    lines.addAll(events);
    String checkoutId = payment.provider().map(ProviderReference::providerPaymentId)
        .orElse(SimulatedProvider.checkoutId(paymentId));
    world.provider.checkout(checkoutId).ifPresent(checkout -> lines.add("provider " + checkout.status + " captured "
        + checkout.captured + " refunds " + checkout.refunds.values().stream()
        .map(SimulatedProvider.ProviderRefund::amount).toList()));
    return new FinalState(List.copyOf(lines));
  }

  /** The lines that differ, for a failure message. */
  String differenceFrom(FinalState expected) {
    List<String> missing = new ArrayList<>(expected.lines);
    missing.removeAll(lines);
    List<String> extra = new ArrayList<>(lines);
    extra.removeAll(expected.lines);
    return "expected but missing " + missing + ", found instead " + extra;
  }
}
