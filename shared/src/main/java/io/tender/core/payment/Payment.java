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
 * @param checkoutSessionId the checkout session the payment was created for: its stored request
 *     is what a create is re-sent with after the provider did not answer
 * @param poll when the reconciliation poller asks the provider next; present exactly while the
 *     payment {@linkplain #needsPolling(PaymentState, PaymentAmounts) needs polling}, and kept
 *     up to date by every version, so that the store indexes it with the payment's own write
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
    Instant updatedAt,
    Optional<String> checkoutSessionId,
    Optional<PollSchedule> poll) {

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
    Objects.requireNonNull(checkoutSessionId, "checkoutSessionId");
    Objects.requireNonNull(poll, "poll");
    if (poll.isPresent() != needsPolling(state, amounts)) {
      throw new IllegalArgumentException(poll.isPresent()
          ? "a payment in state " + state + " with nothing outstanding has no poll schedule"
          : "a payment in state " + state + " whose outcome is open needs a poll schedule");
    }
  }

  /**
   * A payment with no checkout session of its own; polling, if its state needs it, starts at
   * {@code updatedAt}.
   */
  public Payment(String id, String tenantId, Mode mode, Optional<ProviderReference> provider,
      PaymentAmounts amounts, List<Refund> refunds, PaymentState state, long version,
      Instant createdAt, Instant updatedAt) {
    this(id, tenantId, mode, provider, amounts, refunds, state, version, createdAt, updatedAt,
        Optional.empty(), pollFor(state, amounts, Optional.empty(), updatedAt));
  }

  /** A new payment, not yet sent to any provider (or sent to {@code provider} if given). */
  public static Payment create(String id, String tenantId, Mode mode, String currency, long amount,
      Optional<ProviderReference> provider, Instant now) {
    return new Payment(id, tenantId, mode, provider, PaymentAmounts.requested(currency, amount),
        List.of(), PaymentState.CREATED, 0, now, now, Optional.empty(),
        Optional.of(PollSchedule.startingAt(now)));
  }

  /**
   * A new payment for a checkout session, stored with the session before any provider is called.
   * Its first poll is when the session ends ({@link PollSchedule#atSessionEnd}): a paid one is
   * settled by its webhook before then and never polled.
   */
  public static Payment forCheckoutSession(String id, String tenantId, Mode mode, String currency,
      long amount, String checkoutSessionId, Instant sessionEndsAt, Instant now) {
    if (checkoutSessionId == null || checkoutSessionId.isBlank()) {
      throw new IllegalArgumentException("checkoutSessionId is required");
    }
    return new Payment(id, tenantId, mode, Optional.empty(), PaymentAmounts.requested(currency, amount),
        List.of(), PaymentState.CREATED, 0, now, now, Optional.of(checkoutSessionId),
        Optional.of(PollSchedule.atSessionEnd(sessionEndsAt)));
  }

  /**
   * Whether a payment's outcome is still open, so that the provider must be asked if nobody tells
   * us: not yet paid or ended, or paid with a refund whose answer has not come. Parked payments
   * (NEEDS_REVIEW) wait for a person instead.
   */
  public static boolean needsPolling(PaymentState state, PaymentAmounts amounts) {
    return switch (state) {
      case CREATED, PENDING, AUTHORIZED -> true;
      case CAPTURED, PARTIALLY_REFUNDED -> amounts.refundReserved() > 0;
      case REFUNDED, FAILED, CANCELLED, EXPIRED, NEEDS_REVIEW -> false;
    };
  }

  public boolean needsPolling() {
    return poll.isPresent();
  }

  public String currency() {
    return amounts.currency();
  }

  public Optional<Refund> refund(String refundId) {
    return refunds.stream().filter(refund -> refund.id().equals(refundId)).findFirst();
  }

  public Payment withProvider(ProviderReference reference, Instant now) {
    return new Payment(id, tenantId, mode, Optional.of(reference), amounts, refunds, state,
        version + 1, createdAt, now, checkoutSessionId, poll);
  }

  /**
   * The next version once the poller has asked the provider at {@code now} (written before it
   * asks, so that two pollers never ask twice for one slot).
   *
   * @throws IllegalStateException when the payment is not being polled
   */
  public Payment polled(Instant now) {
    PollSchedule schedule = poll.orElseThrow(
        () -> new IllegalStateException("payment " + id + " is not being polled"));
    return new Payment(id, tenantId, mode, provider, amounts, refunds, state, version + 1, createdAt,
        now, checkoutSessionId, Optional.of(schedule.afterPollAt(now)));
  }

  /**
   * The next version, polled one backoff step from {@code now} instead of when its schedule says:
   * for a checkout whose create got no checkout from the provider, so that the poller sends it
   * again within minutes rather than at the session's end.
   *
   * @throws IllegalStateException when the payment is not being polled
   */
  public Payment pollSoon(Instant now) {
    PollSchedule schedule = poll.orElseThrow(
        () -> new IllegalStateException("payment " + id + " is not being polled"));
    PollSchedule soon = new PollSchedule(schedule.attempts(), now.plus(PollSchedule.BACKOFF.get(0)));
    return new Payment(id, tenantId, mode, provider, amounts, refunds, state, version + 1, createdAt,
        now, checkoutSessionId, Optional.of(soon));
  }

  /**
   * The next version, polled no later than {@code at}; empty when it is not being polled or is
   * already polled by then.
   */
  public Optional<Payment> polledBy(Instant at, Instant now) {
    return poll.filter(schedule -> schedule.nextAt().isAfter(at))
        .map(schedule -> new Payment(id, tenantId, mode, provider, amounts, refunds, state, version + 1,
            createdAt, now, checkoutSessionId, Optional.of(schedule.notAfter(at))));
  }

  /**
   * The next version, remembering the provider's id for a reserved refund that does not have one
   * yet; empty when there is nothing to remember.
   */
  public Optional<Payment> withProviderRefundId(String refundId, String providerRefundId, Instant now) {
    Optional<Refund> known = refund(refundId)
        .filter(refund -> refund.status() == Refund.Status.RESERVED && refund.providerRefundId().isEmpty());
    if (known.isEmpty()) {
      return Optional.empty();
    }
    List<Refund> next = refunds.stream()
        .map(refund -> refund.id().equals(refundId) ? refund.withProviderRefundId(providerRefundId) : refund)
        .toList();
    return Optional.of(new Payment(id, tenantId, mode, provider, amounts, next, state, version + 1,
        createdAt, now, checkoutSessionId, poll));
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
    next.add(new Refund(refundId, amount, Refund.Status.RESERVED, Optional.empty(), Optional.of(now)));
    // A new answer is awaited: polling starts over, so this refund is asked about within minutes.
    return new Payment(id, tenantId, mode, provider, amounts.reserveRefund(amount), next, state,
        version + 1, createdAt, now, checkoutSessionId, Optional.of(PollSchedule.startingAt(now)));
  }

  /**
   * The next version of this payment. A schedule already running keeps running (the poller's own
   * answers must not restart it); one starts when the next version needs polling and this one did
   * not; it ends when the next version needs none.
   */
  Payment next(PaymentState nextState, PaymentAmounts nextAmounts, List<Refund> nextRefunds,
      Instant now) {
    return new Payment(id, tenantId, mode, provider, nextAmounts, nextRefunds, nextState,
        version + 1, createdAt, now, checkoutSessionId, pollFor(nextState, nextAmounts, poll, now));
  }

  private static Optional<PollSchedule> pollFor(PaymentState state, PaymentAmounts amounts,
      Optional<PollSchedule> running, Instant now) {
    if (!needsPolling(state, amounts)) {
      return Optional.empty();
    }
    return running.isPresent() ? running : Optional.of(PollSchedule.startingAt(now));
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
