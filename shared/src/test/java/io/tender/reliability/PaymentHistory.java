package io.tender.reliability;

import io.tender.core.checkout.CheckoutSession;
import io.tender.core.checkout.CheckoutSessionRepository;
import io.tender.core.payment.Payment;
import io.tender.core.payment.PaymentRepository;
import io.tender.core.payment.ProviderReference;
import io.tender.core.settlement.SettlementStore;
import io.tender.core.tenant.Mode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every payment version the services committed or read, by payment and version, gathered by
 * wrapping the real repositories. One version must only ever hold one payment: two different
 * payments under one version would mean a write that did not see the one before it.
 */
final class PaymentHistory {
  private final Map<String, NavigableMap<Long, Payment>> committed = new ConcurrentHashMap<>();
  private final Map<String, NavigableMap<Long, Payment>> seen = new ConcurrentHashMap<>();
  private final List<String> violations = new CopyOnWriteArrayList<>();

  /** The versions committed for each payment, in order. */
  Map<String, NavigableMap<Long, Payment>> committed() {
    return committed;
  }

  List<String> violations() {
    return List.copyOf(violations);
  }

  /** Every version read by a service, for payments that moved on, checked against what was committed. */
  List<String> readsNotCommitted() {
    List<String> found = new ArrayList<>();
    seen.forEach((id, versions) -> versions.forEach((version, payment) -> {
      Payment stored = committed.getOrDefault(id, new ConcurrentSkipListMap<>()).get(version);
      if (!payment.equals(stored)) {
        found.add("read " + brief(payment) + ", but committed " + (stored == null ? "nothing" : brief(stored)));
      }
    }));
    return found;
  }

  /** A payment in one line: version, state, amounts and refunds. */
  static String brief(Payment payment) {
    StringBuilder text = new StringBuilder(payment.id()).append(" v").append(payment.version()).append(' ')
        .append(payment.state()).append(" captured ").append(payment.amounts().captured()).append(" refunded ")
        .append(payment.amounts().refunded()).append(" reserved ").append(payment.amounts().refundReserved());
    payment.refunds().forEach(refund -> text.append(", ").append(refund.id()).append(' ').append(refund.amount())
        .append(' ').append(refund.status()));
    return text.toString();
  }

  private void committed(Payment payment) {
    Payment earlier = committed.computeIfAbsent(payment.id(), id -> new ConcurrentSkipListMap<>())
        .putIfAbsent(payment.version(), payment);
    if (earlier != null && !earlier.equals(payment)) {
      violations.add("one version committed twice: " + brief(earlier) + " and " + brief(payment));
    }
  }

  private Optional<Payment> read(Optional<Payment> payment) {
    payment.ifPresent(found -> seen.computeIfAbsent(found.id(), id -> new ConcurrentSkipListMap<>())
        .putIfAbsent(found.version(), found));
    return payment;
  }

  PaymentRepository payments(PaymentRepository delegate) {
    return new PaymentRepository() {
      @Override
      public boolean create(Payment payment) {
        boolean created = delegate.create(payment);
        if (created) {
          committed(payment);
        }
        return created;
      }

      @Override
      public Optional<Payment> find(String tenantId, Mode mode, String paymentId) {
        return read(delegate.find(tenantId, mode, paymentId));
      }

      @Override
      public Optional<Payment> findByProvider(ProviderReference reference) {
        return read(delegate.findByProvider(reference));
      }

      @Override
      public boolean replace(Payment next) {
        boolean replaced = delegate.replace(next);
        if (replaced) {
          committed(next);
        }
        return replaced;
      }
    };
  }

  SettlementStore settlements(SettlementStore delegate) {
    return (next, ledger, events) -> {
      boolean stored = delegate.commit(next, ledger, events);
      if (stored) {
        committed(next);
      }
      return stored;
    };
  }

  CheckoutSessionRepository sessions(CheckoutSessionRepository delegate) {
    return new CheckoutSessionRepository() {
      @Override
      public void create(CheckoutSession session, Payment payment) {
        delegate.create(session, payment);
        committed(payment);
      }

      @Override
      public Optional<CheckoutSession> find(String tenantId, Mode mode, String sessionId) {
        return delegate.find(tenantId, mode, sessionId);
      }

      @Override
      public Optional<Payment> findPaymentForStatus(CheckoutSession session) {
        return read(delegate.findPaymentForStatus(session));
      }

      @Override
      public boolean recordProviderCheckout(CheckoutSession session, Payment payment) {
        boolean recorded = delegate.recordProviderCheckout(session, payment);
        if (recorded) {
          committed(payment);
        }
        return recorded;
      }

      @Override
      public boolean recordCreateUnanswered(Payment payment) {
        boolean recorded = delegate.recordCreateUnanswered(payment);
        if (recorded) {
          committed(payment);
        }
        return recorded;
      }
    };
  }
}
