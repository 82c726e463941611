package io.tender.core.checkout;

import io.tender.core.payment.Payment;
import io.tender.core.payment.PaymentEvent;
import io.tender.core.payment.PaymentRepository;
import io.tender.core.provider.CheckoutConnector;
import io.tender.core.provider.CheckoutState;
import io.tender.core.settlement.Settlement;
import java.time.Clock;
import java.util.Optional;

/**
 * Expires checkout sessions whose time is up: the provider's checkout is expired first and its
 * answer applied, so a payment that arrived at the same moment wins (it reads as captured) and
 * one that did not loses (expired) — never both. Paid and finished sessions just leave the index.
 */
public final class ExpirySweeper {
  private final SessionExpiries due;
  private final CheckoutSessionRepository sessions;
  private final PaymentRepository payments;
  private final CheckoutConnector connector;
  private final Settlement settlement;
  private final Clock clock;

  public ExpirySweeper(SessionExpiries due, CheckoutSessionRepository sessions, PaymentRepository payments,
      CheckoutConnector connector, Settlement settlement, Clock clock) {
    this.due = due;
    this.sessions = sessions;
    this.payments = payments;
    this.connector = connector;
    this.settlement = settlement;
    this.clock = clock;
  }

  /** Deals with up to {@code limit} due sessions; returns how many. */
  public int sweep(int limit) {
    int handled = 0;
    for (SessionExpiries.Due session : due.dueBy(clock.instant(), limit)) {
      expire(session);
      due.done(session);
      handled++;
    }
    return handled;
  }

  private void expire(SessionExpiries.Due session) {
    Optional<Payment> payment = sessions.find(session.tenantId(), session.mode(), session.sessionId())
        .flatMap(found -> payments.find(session.tenantId(), session.mode(), found.paymentId()));
    if (payment.isEmpty() || payment.get().state().isTerminal() || payment.get().amounts().captured() > 0) {
      return;
    }
    PaymentEvent event = payment.get().provider()
        .map(provider -> connector.expireCheckout(provider.providerPaymentId()))
        .map(CheckoutState::event)
        .orElseGet(() -> new PaymentEvent.Expired(clock.instant()));
    settlement.apply(payment, () -> payments.find(session.tenantId(), session.mode(), payment.get().id()), event);
  }
}
