package io.tender.core.settlement;

import io.tender.core.payment.Payment;
import io.tender.core.payment.PaymentEvent;
import io.tender.core.payment.PaymentLookup;
import io.tender.core.payment.PaymentRepository;
import io.tender.core.payment.ProviderReference;
import io.tender.core.payment.Refund;
import io.tender.core.provider.CheckoutConnector;
import io.tender.core.provider.ProviderHint;
import io.tender.core.provider.ProviderRefusedException;
import io.tender.core.provider.RefundState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Settles a verified provider webhook by what it points at, never by its payload: the object is
 * fetched from the provider and that answer goes through {@link Settlement}.
 * <ul>
 *   <li>a checkout: settled as it is;
 *   <li>the provider's payment object (Stripe's PaymentIntent): our payment is found by the id the
 *       object records for us, and its own checkout is settled;
 *   <li>a refund: fetched, its payment found by the id the provider records for us, and its
 *       answer applied. A refund we did not start (one made in the provider's dashboard) is first
 *       checked against the payment it claims: its provider payment must be that payment's.
 * </ul>
 * Objects that are not ours, or no longer exist, are answered {@link Settlement.Outcome.NotOurs}:
 * nothing to do, and nothing to retry.
 *
 * <p>The payment is read once, eventually consistent, by its whole key when the hint carries it
 * (else through its provider pointer); what settling writes is conditional on that read's version,
 * so a stale read costs a retry, never a wrong write. A hint whose payment already
 * {@linkplain Reflected reflects} what the provider reported is dropped after that one read,
 * without asking the provider.
 *
 * <p>A refund we start is settled by its creator, with the provider's answer, while the provider
 * already sends webhooks about it: a hint about a refund the payment shows as reserved and still
 * unanswered, reserved less than {@code refundInFlight} ago, is therefore {@linkplain
 * #settleOrDefer deferred} until that window closes rather than settled in a race with the creator
 * (both commit the same change, and the loser's transaction is cancelled and billed). By then the
 * payment normally reflects it and the hint is dropped; if the creator died, the hint settles it.
 */
public final class HintSettlement {
  private final CheckoutConnector connector;
  private final PaymentLookup lookup;
  private final PaymentRepository payments;
  private final Settlement settlement;
  private final ProviderRefundIds refundIds;
  private final Clock clock;
  private final Duration refundInFlight;

  /**
   * @param refundInFlight how long after reserving a refund its creator may still be waiting for the
   *     provider's answer and settling it: the longest a hint about that refund is deferred
   */
  public HintSettlement(CheckoutConnector connector, PaymentLookup lookup, PaymentRepository payments,
      Settlement settlement, ProviderRefundIds refundIds, Clock clock, Duration refundInFlight) {
    this.connector = connector;
    this.lookup = lookup;
    this.payments = payments;
    this.settlement = settlement;
    this.refundIds = refundIds;
    this.clock = clock;
    this.refundInFlight = refundInFlight;
  }

  /** Settles the hint now, whoever else may be settling the same answer. */
  public Settlement.Outcome settle(ProviderHint hint) {
    return settle(hint, false);
  }

  /**
   * As {@link #settle}, except that a hint about a refund its creator is still answering is not
   * settled but answered {@link Settlement.Outcome.Deferred}, with a delay of at most
   * {@code refundInFlight}: hand it back, and it settles (or is dropped) when it comes again.
   */
  public Settlement.Outcome settleOrDefer(ProviderHint hint) {
    return settle(hint, true);
  }

  private Settlement.Outcome settle(ProviderHint hint, boolean mayDefer) {
    if (!hint.provider().equals(connector.provider())) {
      return new Settlement.Outcome.Ignored("no connector for provider " + hint.provider());
    }
    return switch (hint.subject()) {
      case CHECKOUT -> checkout(hint);
      case PROVIDER_PAYMENT -> providerPayment(hint);
      case REFUND -> refund(hint, mayDefer);
    };
  }

  /**
   * By the payment's key when the hint carries it and the payment names this checkout; otherwise
   * (an event from before the key was carried, a payment not yet naming its checkout) through the
   * provider's pointer, which is what proves a checkout is the payment's.
   */
  private Settlement.Outcome checkout(ProviderHint hint) {
    ProviderReference reference = new ProviderReference(connector.provider(), hint.providerObjectId());
    Optional<Payment> named = keyed(hint).filter(payment -> payment.provider().equals(Optional.of(reference)));
    if (named.isEmpty()) {
      return settlement.settleCheckout(hint.providerObjectId());
    }
    if (Reflected.already(named.get(), hint.reported())) {
      return reflected(named.get(), hint);
    }
    return settlement.settleCheckoutOf(named.get());
  }

  private Settlement.Outcome providerPayment(ProviderHint hint) {
    Optional<Payment> found = keyed(hint);
    if (found.isEmpty()) {
      Optional<String> paymentId = hint.paymentId().or(() -> connector.paymentIdOf(hint.providerObjectId()));
      found = paymentId.flatMap(lookup::byId);
    }
    if (found.isEmpty()) {
      return new Settlement.Outcome.NotOurs(hint.providerObjectId());
    }
    Payment payment = found.get();
    if (namesCheckoutHere(payment) && Reflected.already(payment, hint.reported())) {
      return reflected(payment, hint);
    }
    if (!namesCheckoutHere(payment)) {
      // Perhaps read before the version naming the checkout: only a consistent read says it has none.
      Optional<Payment> current = payments.find(payment.tenantId(), payment.mode(), payment.id());
      if (current.isEmpty() || !namesCheckoutHere(current.get())) {
        return new Settlement.Outcome.Ignored("payment " + payment.id() + " has no checkout at the provider yet");
      }
      payment = current.get();
    }
    return settlement.settleCheckoutOf(payment);
  }

  private Settlement.Outcome refund(ProviderHint hint, boolean mayDefer) {
    Optional<Payment> claimed = keyed(hint).or(() -> hint.paymentId().flatMap(lookup::byId));
    if (claimed.isPresent() && Reflected.already(claimed.get(), hint.reported())) {
      return reflected(claimed.get(), hint);
    }
    Optional<Settlement.Outcome> deferred = mayDefer ? claimed.flatMap(payment -> deferral(payment, hint.refundId()))
        : Optional.empty();
    if (deferred.isPresent()) {
      return deferred.get();
    }
    RefundState state;
    try {
      state = connector.fetchRefund(hint.providerObjectId());
    } catch (ProviderRefusedException gone) {
      return new Settlement.Outcome.NotOurs(hint.providerObjectId());
    }
    Optional<String> paymentId = state.paymentId().or(hint::paymentId);
    Optional<Payment> found = claimed.filter(payment -> paymentId.equals(Optional.of(payment.id())))
        .or(() -> paymentId.flatMap(lookup::byId));
    if (found.isEmpty()) {
      return new Settlement.Outcome.NotOurs(hint.providerObjectId());
    }
    Supplier<Optional<Payment>> reload =
        () -> payments.find(found.get().tenantId(), found.get().mode(), found.get().id());
    Optional<String> named = refundNamed(state.event()).or(hint::refundId);
    Payment payment = found.get();
    if (named.isPresent() && payment.refund(named.get()).isEmpty()) {
      // A possibly stale read may predate the reservation of a refund we just started.
      Optional<Payment> current = reload.get();
      if (current.isEmpty()) {
        return new Settlement.Outcome.NotOurs(hint.providerObjectId());
      }
      payment = current.get();
    }
    Payment read = payment;
    // Again on this read: the first one may have predated the reservation, or found no payment by the hint.
    deferred = mayDefer ? deferral(read, named) : Optional.empty();
    if (deferred.isPresent()) {
      return deferred.get();
    }
    Optional<String> ourRefund = named.filter(id -> read.refund(id).isPresent());
    if (ourRefund.isEmpty() && !takenFrom(read, state)) {
      return new Settlement.Outcome.Ignored("refund " + state.providerRefundId()
          + " is not taken from payment " + read.id() + "'s checkout");
    }
    Settlement.Outcome outcome = settlement.applyToPossiblyStale(Optional.of(read), reload, state.event());
    if (state.event() instanceof PaymentEvent.Pending && ourRefund.isPresent()) {
      refundIds.remember(reload, ourRefund.get(), state.providerRefundId());
    }
    return outcome;
  }

  /**
   * The hint's deferral while {@code payment} shows the refund {@code refundId} as reserved by us
   * less than {@code refundInFlight} ago and not yet answered (no provider id remembered for it):
   * its creator is probably still waiting for the same answer, and settles it itself. Empty past
   * that window.
   */
  private Optional<Settlement.Outcome> deferral(Payment payment, Optional<String> refundId) {
    Instant now = clock.instant();
    Optional<Refund> unanswered = refundId.flatMap(payment::refund)
        .filter(refund -> refund.status() == Refund.Status.RESERVED && refund.providerRefundId().isEmpty());
    return unanswered.flatMap(Refund::reservedAt)
        .map(reservedAt -> reservedAt.plus(refundInFlight))
        .filter(now::isBefore)
        .map(windowEnds -> {
          Duration delay = Duration.between(now, windowEnds);
          // Never longer than the window, whatever the clocks of the creator and of this reader say.
          return new Settlement.Outcome.Deferred("refund " + unanswered.get().id() + " of payment " + payment.id()
              + " is still being answered by its creator",
              delay.compareTo(refundInFlight) > 0 ? refundInFlight : delay);
        });
  }

  /** The payment under the key the hint carries, if it is that payment; read possibly stale. */
  private Optional<Payment> keyed(ProviderHint hint) {
    if (hint.owner().isEmpty() || hint.paymentId().isEmpty()) {
      return Optional.empty();
    }
    ProviderHint.Owner owner = hint.owner().get();
    String paymentId = hint.paymentId().get();
    return lookup.byKey(owner.tenantId(), owner.mode(), paymentId)
        .filter(payment -> payment.id().equals(paymentId) && payment.tenantId().equals(owner.tenantId())
            && payment.mode() == owner.mode());
  }

  private boolean namesCheckoutHere(Payment payment) {
    return payment.provider().filter(reference -> reference.provider().equals(connector.provider())).isPresent();
  }

  private static Settlement.Outcome reflected(Payment payment, ProviderHint hint) {
    return new Settlement.Outcome.Ignored("payment " + payment.id() + " already reflects " + hint.eventType());
  }

  /** Whether the refund's provider payment is the one behind the payment's own checkout. */
  private boolean takenFrom(Payment payment, RefundState refund) {
    Optional<String> checkout = payment.provider().map(ProviderReference::providerPaymentId);
    return checkout.isPresent() && refund.providerPaymentId().isPresent()
        && connector.fetchCheckout(checkout.get()).providerPaymentId().equals(refund.providerPaymentId());
  }

  private static Optional<String> refundNamed(PaymentEvent event) {
    return switch (event) {
      case PaymentEvent.RefundSucceeded succeeded -> Optional.of(succeeded.refundId());
      case PaymentEvent.RefundFailed failed -> Optional.of(failed.refundId());
      default -> Optional.empty();
    };
  }
}
