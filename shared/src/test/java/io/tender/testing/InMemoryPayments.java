package io.tender.testing;

import io.tender.core.event.MerchantEvent;
import io.tender.core.ledger.LedgerTransaction;
import io.tender.core.payment.Payment;
import io.tender.core.payment.PaymentLookup;
import io.tender.core.payment.PaymentRepository;
import io.tender.core.payment.ProviderReference;
import io.tender.core.reconcile.DuePayments;
import io.tender.core.settlement.SettlementStore;
import io.tender.core.tenant.Mode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Payments in memory, kept to the stored rules: versioned replaces, provider pointers that never
 * move, the due index derived from each payment's poll schedule, and the ledger transactions each
 * settlement committed.
 */
public final class InMemoryPayments implements PaymentRepository, SettlementStore, PaymentLookup, DuePayments {
  private final Map<String, Payment> byId = new ConcurrentHashMap<>();
  private final Map<ProviderReference, String> pointers = new ConcurrentHashMap<>();
  private final List<LedgerTransaction> ledger = new CopyOnWriteArrayList<>();
  private final List<MerchantEvent> events = new java.util.ArrayList<>();

  @Override
  public synchronized boolean create(Payment payment) {
    if (byId.containsKey(payment.id()) || !pointerFits(payment)) {
      return false;
    }
    byId.put(payment.id(), payment);
    payment.provider().ifPresent(reference -> pointers.put(reference, payment.id()));
    return true;
  }

  @Override
  public Optional<Payment> find(String tenantId, Mode mode, String paymentId) {
    return Optional.ofNullable(byId.get(paymentId))
        .filter(payment -> payment.tenantId().equals(tenantId) && payment.mode() == mode);
  }

  @Override
  public Optional<Payment> byKey(String tenantId, Mode mode, String paymentId) {
    return find(tenantId, mode, paymentId);
  }

  @Override
  public Optional<Payment> findByProvider(ProviderReference reference) {
    return Optional.ofNullable(pointers.get(reference)).map(byId::get);
  }

  @Override
  public synchronized boolean replace(Payment next) {
    Payment stored = byId.get(next.id());
    if (stored == null || stored.version() != next.version() - 1 || !pointerFits(next)) {
      return false;
    }
    byId.put(next.id(), next);
    next.provider().ifPresent(reference -> pointers.put(reference, next.id()));
    return true;
  }

  @Override
  public synchronized boolean commit(Payment next, List<LedgerTransaction> transactions, List<MerchantEvent> owed) {
    if (!replace(next)) {
      return false;
    }
    ledger.addAll(transactions);
    events.addAll(owed);
    return true;
  }

  /** The merchant events committed so far, in commit order. */
  public synchronized List<MerchantEvent> events() {
    return List.copyOf(events);
  }

  /** Only payments that reached a provider can be named by one, as in the table. */
  @Override
  public Optional<Payment> byId(String paymentId) {
    return Optional.ofNullable(byId.get(paymentId)).filter(payment -> payment.provider().isPresent());
  }

  @Override
  public List<Due> dueBy(Instant now, int limit) {
    return byId.values().stream()
        .filter(payment -> payment.poll().filter(poll -> poll.dueBy(now)).isPresent())
        .sorted(Comparator.comparing(payment -> payment.poll().orElseThrow().nextAt()))
        .limit(limit)
        .map(payment -> new Due(payment.tenantId(), payment.mode(), payment.id()))
        .toList();
  }

  public Payment get(String paymentId) {
    return Optional.ofNullable(byId.get(paymentId)).orElseThrow();
  }

  public List<LedgerTransaction> ledger() {
    return new ArrayList<>(ledger);
  }

  private boolean pointerFits(Payment payment) {
    return payment.provider().map(pointers::get).map(owner -> owner.equals(payment.id())).orElse(true);
  }
}
