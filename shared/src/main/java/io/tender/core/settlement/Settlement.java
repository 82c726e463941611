package io.tender.core.settlement;

import io.tender.core.event.MerchantEvents;
import io.tender.core.id.IdGenerator;
import io.tender.core.ledger.LedgerBook;
import io.tender.core.ledger.LedgerTransaction;
import io.tender.core.ledger.Postings;
import io.tender.core.payment.Effect;
import io.tender.core.payment.Payment;
import io.tender.core.payment.PaymentRepository;
import io.tender.core.payment.PaymentStateMachine;
import io.tender.core.payment.ProviderReference;
import io.tender.core.payment.Transition;
import io.tender.core.provider.CheckoutConnector;
import io.tender.core.provider.CheckoutState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import io.tender.core.payment.PaymentEvent;

/**
 * Applies what a provider says about a checkout to its payment. The webhook is only a hint: the
 * provider's current state is fetched and is the truth; the state machine decides; the new
 * version, its ledger entries and the merchant events it owes are committed together, conditional
 * on the version read, and a lost race is re-decided on fresh data. Redeliveries and late events
 * are no-ops.
 */
public final class Settlement {
  /** Every lost race is lost to a writer that succeeded, so n concurrent writers need at most n rounds. */
  static final int ATTEMPTS = 30;

  private final CheckoutConnector connector;
  private final PaymentRepository payments;
  private final SettlementStore store;
  private final MerchantEvents events;
  private final Clock clock;

  /** What settling did, for the log line. */
  public sealed interface Outcome {
    record Applied(Payment payment) implements Outcome {}

    record Ignored(String reason) implements Outcome {}

    record NotOurs(String checkoutId) implements Outcome {}

    /**
     * Not settled now: whoever else is settling the same answer is given {@code delay} to finish,
     * and the hint is to be handed back to settle (or drop) after it.
     */
    record Deferred(String reason, Duration delay) implements Outcome {}
  }

  public Settlement(CheckoutConnector connector, PaymentRepository payments, SettlementStore store, IdGenerator ids,
      Clock clock) {
    this.connector = connector;
    this.payments = payments;
    this.store = store;
    this.events = new MerchantEvents(ids);
    this.clock = clock;
  }

  public Outcome settleCheckout(String checkoutId) {
    CheckoutState truth = connector.fetchCheckout(checkoutId);
    ProviderReference reference = new ProviderReference(connector.provider(), checkoutId);
    Optional<Payment> payment = payments.findByProvider(reference);
    if (payment.isEmpty()) {
      return new Outcome.NotOurs(checkoutId);
    }
    if (truth.paymentId().isPresent() && !truth.paymentId().get().equals(payment.get().id())) {
      return new Outcome.Ignored("the provider's checkout names payment " + truth.paymentId().get());
    }
    return apply(payment, () -> payments.findByProvider(reference), truth.event());
  }

  /**
   * {@link #settleCheckout(String)} for a payment already read, perhaps stale, that names its
   * checkout at this provider: the payment is its own proof of the pointer (which is written with the
   * version that first names the checkout and never moves), so the pointer is not read.
   */
  public Outcome settleCheckoutOf(Payment read) {
    ProviderReference reference = read.provider()
        .filter(named -> named.provider().equals(connector.provider()))
        .orElseThrow(() -> new IllegalArgumentException("payment " + read.id() + " names no checkout here"));
    CheckoutState truth = connector.fetchCheckout(reference.providerPaymentId());
    if (truth.paymentId().isPresent() && !truth.paymentId().get().equals(read.id())) {
      return new Outcome.Ignored("the provider's checkout names payment " + truth.paymentId().get());
    }
    return applyToPossiblyStale(Optional.of(read),
        () -> payments.find(read.tenantId(), read.mode(), read.id()), truth.event());
  }

  /**
   * Applies {@code event} to the payment {@code load} reads, with its ledger entries and merchant
   * events, re-reading and re-deciding when another writer got there first.
   */
  public Outcome apply(Supplier<Optional<Payment>> load, PaymentEvent event) {
    return apply(load.get(), load, event);
  }

  /** As {@link #apply(Supplier, PaymentEvent)}, starting from a payment already read. */
  public Outcome apply(Optional<Payment> first, Supplier<Optional<Payment>> reload, PaymentEvent event) {
    return apply(first, false, reload, event);
  }

  /**
   * As {@link #apply(Optional, Supplier, PaymentEvent)}, from a read that may be stale (eventually
   * consistent): a change decided on it is written conditionally on its version, so a stale one
   * fails and is re-decided on {@code reload}, which must read consistently; and nothing is
   * concluded from it alone, since an older version may lack what makes the event apply (a refund
   * just reserved): it is read again before answering that there is nothing to do.
   */
  public Outcome applyToPossiblyStale(Optional<Payment> first, Supplier<Optional<Payment>> reload,
      PaymentEvent event) {
    return apply(first, true, reload, event);
  }

  private Outcome apply(Optional<Payment> first, boolean firstMayBeStale, Supplier<Optional<Payment>> reload,
      PaymentEvent event) {
    Optional<Payment> found = first;
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      if (attempt > 0) {
        found = reload.get();
      }
      boolean confirm = attempt == 0 && firstMayBeStale;
      if (found.isEmpty()) {
        if (confirm) {
          continue;
        }
        return new Outcome.Ignored("no such payment");
      }
      Instant now = clock.instant();
      switch (PaymentStateMachine.apply(found.get(), event, now)) {
        case Transition.Ignored ignored -> {
          if (confirm) {
            continue;
          }
          return new Outcome.Ignored(ignored.reason());
        }
        case Transition.Applied applied -> {
          if (store.commit(applied.payment(), ledger(applied, now), events.of(applied, now))) {
            return new Outcome.Applied(applied.payment());
          }
        }
      }
      Contention.pause(attempt);
    }
    throw new IllegalStateException("the payment kept moving; the work will be retried");
  }

  private static List<LedgerTransaction> ledger(Transition.Applied applied, Instant at) {
    Payment payment = applied.payment();
    LedgerBook book = new LedgerBook(payment.tenantId(), payment.mode());
    List<LedgerTransaction> transactions = new ArrayList<>();
    for (Effect effect : applied.effects()) {
      if (effect instanceof Effect.LedgerPosting posting) {
        transactions.add(switch (posting.kind()) {
          // The first capture is the whole captured total; a later one raised it, and is its own transaction.
          case CAPTURE -> posting.amount() == payment.amounts().captured()
              ? Postings.capture(book, payment.id(), posting.amount(), posting.currency(), at)
              : Postings.additionalCapture(book, payment.id(), payment.amounts().captured(), posting.amount(),
                  posting.currency(), at);
          case REFUND -> Postings.refund(book, posting.reference(), posting.amount(), posting.currency(), at);
        });
      }
    }
    return transactions;
  }
}
