package io.tender.reliability;

import io.tender.core.money.Money;
import io.tender.core.payment.PaymentEvent;
import io.tender.core.provider.CheckoutConnector;
import io.tender.core.provider.CheckoutCreated;
import io.tender.core.provider.CheckoutRequest;
import io.tender.core.provider.CheckoutState;
import io.tender.core.provider.ProviderHint;
import io.tender.core.provider.ProviderRefusedException;
import io.tender.core.provider.ProviderRefusedException.Refusal;
import io.tender.core.provider.ProviderUnavailableException;
import io.tender.core.provider.RefundRequest;
import io.tender.core.provider.RefundState;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A payment provider for simulations: it keeps its own truth (checkouts, what was captured, the
 * refunds it made) and the webhooks it owes, and it fails on demand. A failure is armed for the
 * next call made on the arming thread, so concurrent steps each get the fault their plan drew.
 */
final class SimulatedProvider implements CheckoutConnector {
  static final String NAME = "simpay";
  private static final String INTENT = "sim_pi_";

  /** What the next call on a thread does instead of simply answering. */
  enum Fault {
    NONE,
    /** Times out before reaching the provider: nothing happened there. */
    UNAVAILABLE_BEFORE,
    /** Times out after the provider acted: the effect is there, the caller does not know. */
    UNAVAILABLE_AFTER,
    /** The provider answers no; nothing happened there. */
    REFUSED,
    /** The provider answers an old snapshot: the checkout as it was when opened. */
    STALE,
    /** Answers, late. */
    STALL
  }

  enum Status { OPEN, PAID, EXPIRED }

  /** One checkout as the provider holds it. */
  static final class Checkout {
    final String id;
    final String paymentId;
    /** The payment's tenant and mode, echoed in webhooks as Stripe echoes our metadata; absent for
     * every other checkout, as for checkouts made before that metadata was sent. */
    final Optional<ProviderHint.Owner> owner;
    final Money amount;
    final Instant expiresAt;
    Status status = Status.OPEN;
    long captured;
    final Map<String, ProviderRefund> refunds = new LinkedHashMap<>();

    Checkout(String id, String paymentId, Optional<ProviderHint.Owner> owner, Money amount, Instant expiresAt) {
      this.id = id;
      this.paymentId = paymentId;
      this.owner = owner;
      this.amount = amount;
      this.expiresAt = expiresAt;
    }

    long refunded() {
      return refunds.values().stream().mapToLong(ProviderRefund::amount).sum();
    }
  }

  /** A refund the provider made, under our refund id. */
  record ProviderRefund(String refundId, String providerRefundId, long amount) {}

  /**
   * A webhook the provider owes us: only a hint, naming the checkout, the provider's payment
   * object, or a refund ({@code objectId}, with our refund id as Stripe's carry it in metadata), as
   * the provider's event types do.
   */
  record Webhook(String eventId, String type, String checkoutId, ProviderHint.Subject subject, String objectId,
      Optional<String> paymentId, Optional<String> refundId, Optional<ProviderHint.Owner> owner,
      Optional<PaymentEvent> reported) {
    ProviderHint hint(String provider) {
      return new ProviderHint(provider, eventId, type, subject, objectId, paymentId, refundId,
          paymentId.isPresent() ? owner : Optional.empty(), reported);
    }
  }

  private final String name;
  private final Clock clock;
  private final Map<String, Checkout> checkouts = new LinkedHashMap<>();
  private final List<Webhook> outbox = new ArrayList<>();
  private final ThreadLocal<Fault> armed = ThreadLocal.withInitial(() -> Fault.NONE);
  private int events;

  SimulatedProvider(Clock clock) {
    this(NAME, clock);
  }

  /** A simulated provider that calls itself {@code name}: "stripe", to settle hints the Stripe ingress queues. */
  SimulatedProvider(String name, Clock clock) {
    this.name = name;
    this.clock = clock;
  }

  /** The next provider call made on this thread fails as {@code fault} says. */
  void arm(Fault fault) {
    armed.set(fault);
  }

  void disarm() {
    armed.set(Fault.NONE);
  }

  @Override
  public String provider() {
    return name;
  }

  @Override
  public CheckoutCreated createCheckout(CheckoutRequest request) {
    Fault fault = take();
    before(fault, Refusal.INVALID_REQUEST);
    CheckoutCreated created;
    synchronized (this) {
      // The request's idempotency key is the payment id: a repeat answers the first checkout.
      Checkout checkout = checkouts.computeIfAbsent(checkoutId(request.paymentId()),
          id -> new Checkout(id, request.paymentId(),
              checkouts.size() % 2 == 0 ? Optional.of(new ProviderHint.Owner(request.tenantId(), request.mode()))
                  : Optional.empty(),
              request.amount(), request.expiresAt()));
      created = new CheckoutCreated(checkout.id, "https://pay.simpay.test/" + checkout.id, checkout.expiresAt);
    }
    after(fault);
    return created;
  }

  @Override
  public CheckoutState fetchCheckout(String checkoutId) {
    Fault fault = take();
    before(fault, Refusal.NOT_FOUND);
    synchronized (this) {
      Checkout checkout = existing(checkoutId);
      lapse(checkout);
      return fault == Fault.STALE ? stale(checkout) : state(checkout);
    }
  }

  @Override
  public CheckoutState expireCheckout(String checkoutId) {
    Fault fault = take();
    before(fault, Refusal.NOT_FOUND);
    CheckoutState answer;
    synchronized (this) {
      Checkout checkout = existing(checkoutId);
      lapse(checkout);
      if (checkout.status == Status.OPEN) {
        checkout.status = Status.EXPIRED;
        owe("checkout.session.expired", checkout);
      }
      answer = fault == Fault.STALE ? stale(checkout) : state(checkout);
    }
    after(fault);
    return answer;
  }

  @Override
  public RefundState refund(RefundRequest request) {
    Fault fault = take();
    before(fault, Refusal.INVALID_REQUEST);
    RefundState answer;
    synchronized (this) {
      Checkout checkout = existing(request.checkoutId());
      ProviderRefund done = checkout.refunds.get(request.refundId());
      if (done == null) {
        if (checkout.status != Status.PAID) {
          throw refused(Refusal.NOT_PAID);
        }
        if (request.amount().minor() > checkout.captured - checkout.refunded()) {
          throw refused(Refusal.AMOUNT_TOO_LARGE);
        }
        done = new ProviderRefund(request.refundId(), "sim_re_" + request.refundId(), request.amount().minor());
        checkout.refunds.put(request.refundId(), done);
        outbox.add(new Webhook("evt_sim_" + (++events), "refund.updated", checkout.id, ProviderHint.Subject.REFUND,
            done.providerRefundId(), Optional.of(checkout.paymentId), Optional.of(done.refundId()), checkout.owner,
            Optional.of(new PaymentEvent.RefundSucceeded(done.refundId(), done.amount(), null))));
      }
      answer = refundState(checkout, done);
    }
    after(fault);
    return answer;
  }

  @Override
  public RefundState fetchRefund(String providerRefundId) {
    Fault fault = take();
    before(fault, Refusal.NOT_FOUND);
    synchronized (this) {
      for (Checkout checkout : checkouts.values()) {
        for (ProviderRefund refund : checkout.refunds.values()) {
          if (refund.providerRefundId().equals(providerRefundId)) {
            return refundState(checkout, refund);
          }
        }
      }
    }
    throw refused(Refusal.NOT_FOUND);
  }

  @Override
  public Optional<String> paymentIdOf(String providerPaymentId) {
    return providerPaymentId.startsWith(INTENT) ? Optional.of(providerPaymentId.substring(INTENT.length()))
        : Optional.empty();
  }

  private RefundState refundState(Checkout checkout, ProviderRefund refund) {
    return new RefundState(refund.providerRefundId(), Optional.of(checkout.paymentId),
        Optional.of(INTENT + checkout.paymentId),
        new PaymentEvent.RefundSucceeded(refund.refundId(), refund.amount(), clock.instant()));
  }

  // --- the payer, on the provider's hosted page ---

  /** The payer pays; refused (false) once the checkout is no longer open. */
  synchronized boolean pay(String checkoutId) {
    Checkout checkout = existing(checkoutId);
    lapse(checkout);
    if (checkout.status != Status.OPEN) {
      return false;
    }
    checkout.status = Status.PAID;
    checkout.captured = checkout.amount.minor();
    owe("checkout.session.completed", checkout);
    owe("payment_intent.succeeded", checkout);
    return true;
  }

  /** The payer's card is declined: the checkout stays open for another try. */
  synchronized void decline(String checkoutId) {
    Checkout checkout = existing(checkoutId);
    lapse(checkout);
    if (checkout.status == Status.OPEN) {
      owe("payment_intent.payment_failed", checkout);
    }
  }

  // --- what the provider owes and holds ---

  synchronized List<Webhook> pendingWebhooks() {
    return List.copyOf(outbox);
  }

  synchronized void delivered(Webhook webhook) {
    outbox.remove(webhook);
  }

  /** The checkouts that lapsed by the clock, as the provider notices on its own. */
  synchronized void lapseAll() {
    checkouts.values().forEach(this::lapse);
  }

  synchronized Map<String, Checkout> checkouts() {
    return Map.copyOf(checkouts);
  }

  synchronized Optional<Checkout> checkout(String checkoutId) {
    return Optional.ofNullable(checkouts.get(checkoutId));
  }

  static String checkoutId(String paymentId) {
    return "sim_cs_" + paymentId;
  }

  private Fault take() {
    Fault fault = armed.get();
    armed.set(Fault.NONE);
    return fault;
  }

  private void before(Fault fault, Refusal refusal) {
    switch (fault) {
      case UNAVAILABLE_BEFORE -> throw new ProviderUnavailableException(name, "timed out before the provider answered");
      case REFUSED -> throw refused(refusal);
      case STALL -> stall();
      default -> { }
    }
  }

  private void after(Fault fault) {
    if (fault == Fault.UNAVAILABLE_AFTER) {
      throw new ProviderUnavailableException(name, "timed out after the provider acted");
    }
  }

  private static void stall() {
    try {
      Thread.sleep(15);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private Checkout existing(String checkoutId) {
    Checkout checkout = checkouts.get(checkoutId);
    if (checkout == null) {
      throw refused(Refusal.NOT_FOUND);
    }
    return checkout;
  }

  /** An open checkout past its expiry is expired by the provider itself, which says so. */
  private void lapse(Checkout checkout) {
    if (checkout.status == Status.OPEN && !clock.instant().isBefore(checkout.expiresAt)) {
      checkout.status = Status.EXPIRED;
      owe("checkout.session.expired", checkout);
    }
  }

  private void owe(String type, Checkout checkout) {
    boolean aboutIntent = type.startsWith("payment_intent.");
    outbox.add(new Webhook("evt_sim_" + (++events), type, checkout.id,
        aboutIntent ? ProviderHint.Subject.PROVIDER_PAYMENT : ProviderHint.Subject.CHECKOUT,
        aboutIntent ? INTENT + checkout.paymentId : checkout.id,
        aboutIntent || checkout.owner.isPresent() ? Optional.of(checkout.paymentId) : Optional.empty(),
        Optional.empty(), checkout.owner,
        // What the event's own snapshot says, as Stripe's does: a capture of what was taken so far.
        checkout.status == Status.PAID ? Optional.of(new PaymentEvent.Captured(checkout.captured, null))
            : Optional.empty()));
  }

  private CheckoutState state(Checkout checkout) {
    Instant now = clock.instant();
    PaymentEvent event = switch (checkout.status) {
      case OPEN -> new PaymentEvent.Pending(now);
      case PAID -> new PaymentEvent.Captured(checkout.captured, now);
      case EXPIRED -> new PaymentEvent.Expired(now);
    };
    return new CheckoutState(checkout.id, Optional.of(checkout.paymentId),
        Optional.of(INTENT + checkout.paymentId), event);
  }

  /** The checkout as it was when it opened, whatever it is now: an answer that contradicts the webhook. */
  private CheckoutState stale(Checkout checkout) {
    return new CheckoutState(checkout.id, Optional.of(checkout.paymentId), Optional.empty(),
        new PaymentEvent.Pending(clock.instant()));
  }

  private ProviderRefusedException refused(Refusal refusal) {
    return new ProviderRefusedException(name, refusal, refusal.name().toLowerCase(), "refused: " + refusal);
  }
}
