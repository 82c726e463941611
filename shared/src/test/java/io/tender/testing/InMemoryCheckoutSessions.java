package io.tender.testing;

import io.tender.core.checkout.CheckoutSession;
import io.tender.core.checkout.CheckoutSessionRepository;
import io.tender.core.payment.Payment;
import io.tender.core.tenant.Mode;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Checkout sessions in memory, written with their payment as the table writes them. */
public final class InMemoryCheckoutSessions implements CheckoutSessionRepository {
  private final Map<String, CheckoutSession> sessions = new ConcurrentHashMap<>();
  private final InMemoryPayments payments;

  public InMemoryCheckoutSessions(InMemoryPayments payments) {
    this.payments = payments;
  }

  @Override
  public synchronized void create(CheckoutSession session, Payment payment) {
    if (sessions.containsKey(session.id()) || !payments.create(payment)) {
      throw new IllegalStateException("session or payment exists");
    }
    sessions.put(session.id(), session);
  }

  @Override
  public Optional<CheckoutSession> find(String tenantId, Mode mode, String sessionId) {
    return Optional.ofNullable(sessions.get(sessionId))
        .filter(session -> session.tenantId().equals(tenantId) && session.mode() == mode);
  }

  @Override
  public Optional<Payment> findPaymentForStatus(CheckoutSession session) {
    return payments.find(session.tenantId(), session.mode(), session.paymentId());
  }

  @Override
  public synchronized boolean recordProviderCheckout(CheckoutSession session, Payment payment) {
    if (!payments.replace(payment)) {
      return false;
    }
    sessions.put(session.id(), session);
    return true;
  }

  @Override
  public boolean recordCreateUnanswered(Payment payment) {
    return payments.replace(payment);
  }
}
