package io.tender.core.payment;

import io.tender.core.tenant.Mode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A payment as stored. Every change produces a copy with {@code version + 1}; the store writes it
 * only if the stored version is still the one it was derived from, so two writers never both win.
 *
 * @param refunds every refund ever reserved or reported, in the order they arrived; their
 *     amounts add up to {@code amounts.refunded()} (succeeded) and {@code amounts.refundReserved()}
 *     (reserved)
 */
public record Payment(
    String id,
    String tenantId,
    Mode mode,
    Optional<ProviderReference> provider,
    PaymentAmounts amounts,
    List<Refund> refunds,
    PaymentState state,
    long version,
    Instant createdAt,
    Instant updatedAt) {

  public Payment {
    requireText(id, "id");
    requireText(tenantId, "tenantId");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(amounts, "amounts");
    refunds = List.copyOf(refunds);
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    if (version < 0) {
      throw new IllegalArgumentException("a version is never negative");
    }
    requireRefundsMatch(refunds, amounts);
    requireStateMatchesAmounts(state, amounts);
  }

  /** A new payment, not yet sent to any provider (or sent to {@code provider} if given). */
  public static Payment create(String id, String tenantId, Mode mode, String currency, long amount,
      Optional<ProviderReference> provider, Instant now) {
    return new Payment(id, tenantId, mode, provider, PaymentAmounts.requested(currency, amount),
        List.of(), PaymentState.CREATED, 0, now, now);
  }

  public String currency() {
    return amounts.currency();
  }

  public Optional<Refund> refund(String refundId) {
    return refunds.stream().filter(refund -> refund.id().equals(refundId)).findFirst();
  }

  public Payment withProvider(ProviderReference reference, Instant now) {
    return new Payment(id, tenantId, mode, Optional.of(reference), amounts, refunds, state,
        version + 1, createdAt, now);
  }

  /**
   * Sets {@code amount} aside for a refund about to be sent to the provider. A later
   * {@link PaymentEvent.RefundSucceeded} turns it into refunded money; a {@link
   * PaymentEvent.RefundFailed} releases it.
   *
   * @throws RefundNotAllowedException when the payment does not take refunds, the id is used, or
   *     the amount exceeds captured minus refunded minus reserved
   */
  public Payment reserveRefund(String refundId, long amount, Instant now) {
    long refundable = amounts.refundable();
    if (!state.acceptsRefunds()) {
      throw new RefundNotAllowedException(RefundNotAllowedException.Reason.STATE, refundable,
          "a payment in state " + state + " takes no refunds");
    }
    if (amount <= 0) {
      throw new RefundNotAllowedException(RefundNotAllowedException.Reason.AMOUNT, refundable,
          "a refund is a positive amount");
    }
    if (refund(refundId).isPresent()) {
      throw new RefundNotAllowedException(RefundNotAllowedException.Reason.DUPLICATE_REFUND_ID,
          refundable, "refund id " + refundId + " is already used on this payment");
    }
    if (amount > refundable) {
      throw new RefundNotAllowedException(RefundNotAllowedException.Reason.EXCEEDS_REFUNDABLE,
          refundable, "a refund of " + amount + " exceeds the refundable " + refundable);
    }
    List<Refund> next = new ArrayList<>(refunds);
    next.add(new Refund(refundId, amount, Refund.Status.RESERVED));
    return next(state, amounts.reserveRefund(amount), next, now);
  }

  /** The next version of this payment. */
  Payment next(PaymentState nextState, PaymentAmounts nextAmounts, List<Refund> nextRefunds,
      Instant now) {
    return new Payment(id, tenantId, mode, provider, nextAmounts, nextRefunds, nextState,
        version + 1, createdAt, now);
  }

  private static void requireRefundsMatch(List<Refund> refunds, PaymentAmounts amounts) {
    long succeeded = 0;
    long reserved = 0;
    var ids = new HashSet<String>();
    for (Refund refund : refunds) {
      if (!ids.add(refund.id())) {
        throw new IllegalArgumentException("refund id " + refund.id() + " appears twice");
      }
      switch (refund.status()) {
        case SUCCEEDED -> succeeded = Math.addExact(succeeded, refund.amount());
        case RESERVED -> reserved = Math.addExact(reserved, refund.amount());
        case FAILED -> { }
      }
    }
    if (succeeded != amounts.refunded() || reserved != amounts.refundReserved()) {
      throw new IllegalArgumentException("refunds add up to " + succeeded + " refunded and "
          + reserved + " reserved, the amounts say " + amounts.refunded() + " and "
          + amounts.refundReserved());
    }
  }

  /** The paid states follow from the amounts; the unpaid ones have nothing captured. */
  private static void requireStateMatchesAmounts(PaymentState state, PaymentAmounts amounts) {
    boolean matches = switch (state) {
      case CAPTURED, PARTIALLY_REFUNDED, REFUNDED ->
          amounts.captured() > 0 && PaymentStateMachine.paidState(amounts) == state;
      case CREATED, PENDING, AUTHORIZED, FAILED, CANCELLED, EXPIRED -> amounts.captured() == 0;
      case NEEDS_REVIEW -> true;
    };
    if (!matches) {
      throw new IllegalArgumentException("state " + state + " does not fit captured "
          + amounts.captured() + " and refunded " + amounts.refunded());
    }
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " is required");
    }
  }
}
