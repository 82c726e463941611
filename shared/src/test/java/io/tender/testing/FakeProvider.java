package io.tender.testing;

import io.tender.core.payment.PaymentEvent;
import io.tender.core.provider.CheckoutConnector;
import io.tender.core.provider.CheckoutCreated;
import io.tender.core.provider.CheckoutRequest;
import io.tender.core.provider.CheckoutState;
import io.tender.core.provider.ProviderRefusedException;
import io.tender.core.provider.ProviderRefusedException.Refusal;
import io.tender.core.provider.ProviderUnavailableException;
import io.tender.core.provider.RefundRequest;
import io.tender.core.provider.RefundState;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A provider that behaves as Stripe does where reconciliation depends on it: a repeated create or
 * refund (same idempotency key) is answered with the FIRST answer, not the current state; fetches
 * answer the current state; and one-shot faults time out before or after the call took effect.
 */
public final class FakeProvider implements CheckoutConnector {
  public static final String NAME = "stripe";

  /** How the next call goes wrong. */
  public enum Fault {
    /** No answer, and nothing happened. */
    UNAVAILABLE,
    /** It happened, but the answer was lost. */
    TIMEOUT_AFTER_EFFECT
  }

  private final Map<String, CheckoutCreated> createdByKey = new LinkedHashMap<>();
  private final Map<String, Checkout> checkouts = new LinkedHashMap<>();
  private final Map<String, RefundState> firstRefundAnswerByKey = new LinkedHashMap<>();
  private final Map<String, RefundRecord> refunds = new LinkedHashMap<>();
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<String, AtomicInteger> calls = new LinkedHashMap<>();
  private Fault nextFault;
  private ProviderRefusedException nextRefusal;
  private boolean nextRefundPending;

  private static final class Checkout {
    final String id;
    final String paymentId;
    final String intentId;
    final long amount;
    PaymentEvent event = new PaymentEvent.Pending(null);

    Checkout(String id, String paymentId, String intentId, long amount) {
      this.id = id;
      this.paymentId = paymentId;
      this.intentId = intentId;
      this.amount = amount;
    }
  }

  private static final class RefundRecord {
    final String id;
    final Optional<String> refundId;
    final Optional<String> paymentId;
    final String intentId;
    final long amount;
    String status;

    RefundRecord(String id, Optional<String> refundId, Optional<String> paymentId, String intentId, long amount,
        String status) {
      this.id = id;
      this.refundId = refundId;
      this.paymentId = paymentId;
      this.intentId = intentId;
      this.amount = amount;
      this.status = status;
    }
  }

  @Override
  public String provider() {
    return NAME;
  }

  @Override
  public synchronized CheckoutCreated createCheckout(CheckoutRequest request) {
    before("createCheckout");
    CheckoutCreated created = createdByKey.computeIfAbsent(request.idempotencyKey(), key -> {
      int n = ids.incrementAndGet();
      Checkout checkout = new Checkout("cs_fake_" + n, request.paymentId(), "pi_fake_" + n, request.amount().minor());
      checkouts.put(checkout.id, checkout);
      return new CheckoutCreated(checkout.id, "https://pay.fake/" + checkout.id, request.expiresAt());
    });
    return after(created);
  }

  @Override
  public synchronized CheckoutState fetchCheckout(String checkoutId) {
    before("fetchCheckout");
    return after(state(checkout(checkoutId)));
  }

  @Override
  public synchronized CheckoutState expireCheckout(String checkoutId) {
    before("expireCheckout");
    Checkout checkout = checkout(checkoutId);
    if (checkout.event instanceof PaymentEvent.Pending) {
      checkout.event = new PaymentEvent.Expired(null);
    }
    return after(state(checkout));
  }

  @Override
  public synchronized RefundState refund(RefundRequest request) {
    before("refund");
    RefundState first = firstRefundAnswerByKey.computeIfAbsent(request.idempotencyKey(), key -> {
      Checkout checkout = checkout(request.checkoutId());
      RefundRecord refund = new RefundRecord("re_fake_" + ids.incrementAndGet(), Optional.of(request.refundId()),
          Optional.of(request.paymentId()), checkout.intentId, request.amount().minor(),
          nextRefundPending ? "pending" : "succeeded");
      nextRefundPending = false;
      refunds.put(refund.id, refund);
      return state(refund);
    });
    return after(first);
  }

  @Override
  public synchronized RefundState fetchRefund(String providerRefundId) {
    before("fetchRefund");
    RefundRecord refund = refunds.get(providerRefundId);
    if (refund == null) {
      throw new ProviderRefusedException(NAME, Refusal.NOT_FOUND, "resource_missing", "No such refund");
    }
    return after(state(refund));
  }

  @Override
  public synchronized Optional<String> paymentIdOf(String providerPaymentId) {
    before("paymentIdOf");
    return after(checkouts.values().stream().filter(c -> c.intentId.equals(providerPaymentId))
        .map(c -> c.paymentId).findFirst());
  }

  // What happens at the provider's end.

  public synchronized void pay(String checkoutId) {
    Checkout checkout = checkout(checkoutId);
    checkout.event = new PaymentEvent.Captured(checkout.amount, null);
  }

  public synchronized void decline(String checkoutId) {
    checkout(checkoutId).event = new PaymentEvent.PaymentFailed("card_declined", null);
  }

  public synchronized void expire(String checkoutId) {
    checkout(checkoutId).event = new PaymentEvent.Expired(null);
  }

  public synchronized void settleRefund(String providerRefundId) {
    refunds.get(providerRefundId).status = "succeeded";
  }

  public synchronized void failRefund(String providerRefundId) {
    refunds.get(providerRefundId).status = "failed";
  }

  /** A refund made in the provider's dashboard: none of our ids on it. */
  public synchronized String dashboardRefund(String checkoutId, long amount) {
    Checkout checkout = checkout(checkoutId);
    RefundRecord refund = new RefundRecord("re_fake_" + ids.incrementAndGet(), Optional.empty(), Optional.empty(),
        checkout.intentId, amount, "succeeded");
    refunds.put(refund.id, refund);
    return refund.id;
  }

  /** A dashboard refund whose metadata someone set to name {@code claimedPaymentId}. */
  public synchronized String dashboardRefundClaiming(String checkoutId, long amount, String claimedPaymentId) {
    Checkout checkout = checkout(checkoutId);
    RefundRecord refund = new RefundRecord("re_fake_" + ids.incrementAndGet(), Optional.empty(),
        Optional.of(claimedPaymentId), checkout.intentId, amount, "succeeded");
    refunds.put(refund.id, refund);
    return refund.id;
  }

  public synchronized String intentOf(String checkoutId) {
    return checkout(checkoutId).intentId;
  }

  /** The provider's refunds of our refund id, as many as it holds. */
  public synchronized long refundsFor(String refundId) {
    return refunds.values().stream().filter(r -> r.refundId.equals(Optional.of(refundId))).count();
  }

  public synchronized Optional<String> refundIdFor(String refundId) {
    return refunds.values().stream().filter(r -> r.refundId.equals(Optional.of(refundId))).map(r -> r.id).findFirst();
  }

  public synchronized long checkoutsFor(String paymentId) {
    return checkouts.values().stream().filter(c -> c.paymentId.equals(paymentId)).count();
  }

  // Faults and counts.

  public synchronized void failNext(Fault fault) {
    nextFault = fault;
  }

  public synchronized void refuseNext(Refusal refusal) {
    nextRefusal = new ProviderRefusedException(NAME, refusal, null, "refused: " + refusal);
  }

  public synchronized void pendNextRefund() {
    nextRefundPending = true;
  }

  public synchronized int calls(String method) {
    return calls.getOrDefault(method, new AtomicInteger()).get();
  }

  private void before(String method) {
    calls.computeIfAbsent(method, m -> new AtomicInteger()).incrementAndGet();
    if (nextRefusal != null) {
      ProviderRefusedException refusal = nextRefusal;
      nextRefusal = null;
      throw refusal;
    }
    if (nextFault == Fault.UNAVAILABLE) {
      nextFault = null;
      throw new ProviderUnavailableException(NAME, method + " did not answer");
    }
  }

  private <T> T after(T answer) {
    if (nextFault == Fault.TIMEOUT_AFTER_EFFECT) {
      nextFault = null;
      throw new ProviderUnavailableException(NAME, "timed out after the call took effect");
    }
    return answer;
  }

  private Checkout checkout(String checkoutId) {
    Checkout checkout = checkouts.get(checkoutId);
    if (checkout == null) {
      throw new ProviderRefusedException(NAME, Refusal.NOT_FOUND, "resource_missing", "No such checkout");
    }
    return checkout;
  }

  private static CheckoutState state(Checkout checkout) {
    return new CheckoutState(checkout.id, Optional.of(checkout.paymentId), Optional.of(checkout.intentId),
        checkout.event);
  }

  /** Our payment id from the refund, else from the payment it refunds, as the connector contract says. */
  private RefundState state(RefundRecord refund) {
    String named = refund.refundId.orElse(refund.id);
    PaymentEvent event = switch (refund.status) {
      case "succeeded" -> new PaymentEvent.RefundSucceeded(named, refund.amount, null);
      case "failed" -> new PaymentEvent.RefundFailed(named, null);
      default -> new PaymentEvent.Pending(null);
    };
    Optional<String> paymentId = refund.paymentId.or(() -> checkouts.values().stream()
        .filter(c -> c.intentId.equals(refund.intentId)).map(c -> c.paymentId).findFirst());
    return new RefundState(refund.id, paymentId, Optional.of(refund.intentId), event);
  }
}
