package io.tender.core.reconcile;

import io.tender.core.checkout.CheckoutExpiry;
import io.tender.core.checkout.CheckoutSession;
import io.tender.core.checkout.CheckoutSessionRepository;
import io.tender.core.metric.Metrics;
import io.tender.core.money.Money;
import io.tender.core.payment.Payment;
import io.tender.core.payment.PaymentEvent;
import io.tender.core.payment.PaymentRepository;
import io.tender.core.payment.PollSchedule;
import io.tender.core.payment.ProviderReference;
import io.tender.core.payment.Refund;
import io.tender.core.provider.CheckoutConnector;
import io.tender.core.provider.CheckoutCreated;
import io.tender.core.provider.CheckoutRequest;
import io.tender.core.provider.ProviderException;
import io.tender.core.provider.ProviderRefusedException;
import io.tender.core.provider.RefundRequest;
import io.tender.core.provider.RefundState;
import io.tender.core.settlement.Contention;
import io.tender.core.settlement.ProviderRefundIds;
import io.tender.core.settlement.Settlement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The janitor: asks the provider about payments whose outcome nobody has told us, on the backoff
 * of {@link PollSchedule#BACKOFF}, and applies each answer through {@link Settlement}, the same
 * path webhooks take. What is still open after the last poll is parked in NEEDS_REVIEW and counted
 * ({@value #NEEDS_REVIEW_METRIC}), for a person.
 *
 * <p>A checkout payment's first poll is its session's end ({@link PollSchedule#atSessionEnd}),
 * unless its create went unanswered; so the poller is also what expires checkouts, and a paid one,
 * settled by its webhook first, is never visited.
 *
 * <p>For each due payment it first writes the next poll time (conditional on the version read),
 * so that two pollers never ask twice for one slot and a poller that dies mid-way still moves the
 * schedule on. Then:
 * <ul>
 *   <li>its checkout session is over: {@link CheckoutExpiry} expires it at the provider (if it got
 *       there) and applies the answer, paid or expired;
 *   <li>never reached the provider (the create went unanswered): the stored request is sent again,
 *       which the provider answers with the checkout the first call made, if it made one;
 *   <li>at the provider and unpaid: the checkout is fetched and settled; while its session is
 *       open, the next poll is no later than the session's end;
 *   <li>paid, with refunds awaiting an answer: each refund is fetched by the provider's id when we
 *       know it, else its request is sent again while that is still a lookup (inside
 *       {@link #RESEND_WINDOW}); a refund that can be neither is parked at once.
 * </ul>
 */
public final class ReconciliationPoller {
  public static final String NEEDS_REVIEW_METRIC = "reconciliation.needs_review";
  /**
   * How long after its reservation a refund may be re-sent: Stripe keeps idempotency keys for at
   * least 24 hours, after which a re-sent refund could be a second one.
   */
  static final Duration RESEND_WINDOW = Duration.ofHours(23);
  private static final int CLAIM_ATTEMPTS = 5;

  private final DuePayments due;
  private final PaymentRepository payments;
  private final CheckoutSessionRepository sessions;
  private final CheckoutConnector connector;
  private final Settlement settlement;
  private final CheckoutExpiry expiry;
  private final ProviderRefundIds refundIds;
  private final Metrics metrics;
  private final Clock clock;

  /** What one poll of one payment did, for the log. */
  public record Polled(String paymentId, int attempt, String outcome) {}

  public ReconciliationPoller(DuePayments due, PaymentRepository payments, CheckoutSessionRepository sessions,
      CheckoutConnector connector, Settlement settlement, Metrics metrics, Clock clock) {
    this.due = due;
    this.payments = payments;
    this.sessions = sessions;
    this.connector = connector;
    this.settlement = settlement;
    this.expiry = new CheckoutExpiry(connector, settlement, clock);
    this.refundIds = new ProviderRefundIds(payments, clock);
    this.metrics = metrics;
    this.clock = clock;
  }

  /** Polls up to {@code limit} due payments. */
  public List<Polled> poll(int limit) {
    List<Polled> polled = new ArrayList<>();
    for (DuePayments.Due payment : due.dueBy(clock.instant(), limit)) {
      claim(payment).ifPresent(claimed -> polled.add(reconcile(claimed)));
    }
    return polled;
  }

  /** Moves the schedule on, or empty when the payment is no longer due (the index lags the table). */
  private Optional<Payment> claim(DuePayments.Due due) {
    for (int attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
      Instant now = clock.instant();
      Optional<Payment> current = payments.find(due.tenantId(), due.mode(), due.paymentId());
      if (current.flatMap(Payment::poll).filter(schedule -> schedule.dueBy(now)).isEmpty()) {
        return Optional.empty();
      }
      Payment claimed = current.get().polled(now);
      if (payments.replace(claimed)) {
        return Optional.of(claimed);
      }
      Contention.pause(attempt);
    }
    return Optional.empty(); // busy: it stays due, and the next run takes it
  }

  private Polled reconcile(Payment claimed) {
    Supplier<Optional<Payment>> reload = () -> payments.find(claimed.tenantId(), claimed.mode(), claimed.id());
    Optional<CheckoutSession> session = checkoutSession(claimed);
    boolean sessionOver = session.filter(open -> !open.expiresAt().isAfter(clock.instant())).isPresent();
    Answer answer;
    try {
      answer = sessionOver
          // The payer's time is up: expire the checkout, unless the provider says it was paid.
          ? Answer.of(expiry.expire(claimed, reload))
          : ask(claimed, session, reload);
    } catch (ProviderException unanswered) {
      answer = Answer.open("the provider did not answer (" + unanswered.getClass().getSimpleName() + ")");
    }
    PollSchedule schedule = claimed.poll().orElseThrow();
    String outcome = answer.summary();
    if (answer.hopeless() || schedule.exhausted()) {
      outcome += park(claimed, reload, answer.hopeless()
          ? answer.summary()
          : "unresolved after " + schedule.attempts() + " polls; last: " + answer.summary());
    } else if (!sessionOver) {
      outcome += session.map(open -> bySessionEnd(claimed, reload, open)).orElse("");
    }
    return new Polled(claimed.id(), schedule.attempts(), outcome);
  }

  /** The checkout session of a payment whose outcome is open, if it has one. */
  private Optional<CheckoutSession> checkoutSession(Payment payment) {
    return switch (payment.state()) {
      case CREATED, PENDING, AUTHORIZED -> payment.checkoutSessionId()
          .flatMap(id -> sessions.find(payment.tenantId(), payment.mode(), id));
      default -> Optional.empty();
    };
  }

  private Answer ask(Payment payment, Optional<CheckoutSession> session, Supplier<Optional<Payment>> reload) {
    return switch (payment.state()) {
      case CREATED, PENDING, AUTHORIZED -> payment.provider().isEmpty()
          ? createAgain(payment, session, reload)
          : Answer.of(settlement.settleCheckout(payment.provider().get().providerPaymentId()));
      case CAPTURED, PARTIALLY_REFUNDED -> refunds(payment, reload);
      case REFUNDED, FAILED, CANCELLED, EXPIRED, NEEDS_REVIEW -> Answer.open("nothing to ask in " + payment.state());
    };
  }

  /**
   * A payment polled while its session was open is next polled no later than the session's end,
   * whatever the backoff says: the checkout must be expired then. Only a create that went
   * unanswered is polled before its session ends, so this write is rare.
   */
  private String bySessionEnd(Payment claimed, Supplier<Optional<Payment>> reload, CheckoutSession session) {
    // Versions after the claim keep the next poll it wrote, so the claim shows whether this is needed.
    if (!claimed.poll().orElseThrow().nextAt().isAfter(session.expiresAt())) {
      return "";
    }
    Optional<Payment> moved = reload.get().flatMap(current -> current.polledBy(session.expiresAt(), clock.instant()));
    if (moved.isEmpty()) {
      return "";
    }
    // A conflict means another writer moved the payment on; its next poll brings this back.
    return payments.replace(moved.get()) ? "; next poll at the session's end" : "";
  }

  private Answer createAgain(Payment payment, Optional<CheckoutSession> stored, Supplier<Optional<Payment>> reload) {
    if (stored.isEmpty()) {
      return Answer.open("no stored checkout request to send again");
    }
    CheckoutSession session = stored.get();
    Instant now = clock.instant();
    CheckoutCreated created;
    try {
      created = connector.createCheckout(new CheckoutRequest(payment.id(),
          Money.ofMinor(payment.amounts().requested(), payment.currency()), session.reference(),
          session.successUrl(), session.cancelUrl(), session.expiresAt(), payment.tenantId(), payment.mode()));
    } catch (ProviderRefusedException refused) {
      if (refused.refusal() == ProviderRefusedException.Refusal.IDEMPOTENCY_CONFLICT) {
        return Answer.hopeless("the checkout was re-sent unlike the first request");
      }
      // Refused as a repeat of the first answer, or first refused now: there is no checkout.
      return Answer.of(settlement.apply(Optional.of(payment), reload,
          new PaymentEvent.PaymentFailed("the provider refused the checkout: " + refused.refusal(), now)));
    }
    recordCheckout(payment, session, created, reload);
    return Answer.of(settlement.settleCheckout(created.checkoutId()));
  }

  /** The provider's checkout onto the payment and its page onto the session, as the create would have. */
  private void recordCheckout(Payment payment, CheckoutSession session, CheckoutCreated created,
      Supplier<Optional<Payment>> reload) {
    ProviderReference reference = new ProviderReference(connector.provider(), created.checkoutId());
    Optional<Payment> current = Optional.of(payment);
    for (int attempt = 0; attempt < CLAIM_ATTEMPTS && current.isPresent(); attempt++) {
      if (current.get().provider().isPresent()
          || sessions.recordProviderCheckout(session.withRedirect(created.url()),
              current.get().withProvider(reference, clock.instant()))) {
        return;
      }
      Contention.pause(attempt);
      current = reload.get();
    }
  }

  private Answer refunds(Payment payment, Supplier<Optional<Payment>> reload) {
    List<Answer> answers = new ArrayList<>();
    for (Refund refund : payment.refunds()) {
      if (refund.status() == Refund.Status.RESERVED) {
        answers.add(refund(payment, refund, reload));
      }
    }
    return Answer.all(answers);
  }

  private Answer refund(Payment payment, Refund refund, Supplier<Optional<Payment>> reload) {
    Instant now = clock.instant();
    RefundState state;
    if (refund.providerRefundId().isPresent()) {
      state = connector.fetchRefund(refund.providerRefundId().get());
    } else if (payment.provider().isPresent()
        && refund.reservedAt().filter(at -> at.plus(RESEND_WINDOW).isAfter(now)).isPresent()) {
      RefundState first;
      try {
        first = connector.refund(new RefundRequest(payment.id(), refund.id(),
            payment.provider().get().providerPaymentId(), Money.ofMinor(refund.amount(), payment.currency()),
            payment.tenantId(), payment.mode()));
      } catch (ProviderRefusedException refused) {
        if (refused.refusal() == ProviderRefusedException.Refusal.IDEMPOTENCY_CONFLICT) {
          return Answer.hopeless("refund " + refund.id() + " was re-sent unlike the first request");
        }
        // Refused as a repeat of the first answer, or first refused now: no money moved.
        return Answer.of(settlement.apply(reload.get(), reload, new PaymentEvent.RefundFailed(refund.id(), now)));
      }
      // A repeat is answered as the first request was: ask for the refund as it is now.
      state = connector.fetchRefund(first.providerRefundId());
    } else {
      return Answer.hopeless("refund " + refund.id() + " has no provider id and is too old to re-send");
    }
    if (!namesRefund(state.event(), refund.id())) {
      return Answer.open("the provider's refund " + state.providerRefundId() + " does not name refund " + refund.id());
    }
    if (state.event() instanceof PaymentEvent.Pending && refund.providerRefundId().isEmpty()) {
      refundIds.remember(reload, refund.id(), state.providerRefundId());
    }
    return Answer.of(settlement.apply(reload.get(), reload, state.event()));
  }

  /** Only an answer about this very refund may settle it; anything else is still pending. */
  private static boolean namesRefund(PaymentEvent event, String refundId) {
    return switch (event) {
      case PaymentEvent.RefundSucceeded succeeded -> succeeded.refundId().equals(refundId);
      case PaymentEvent.RefundFailed failed -> failed.refundId().equals(refundId);
      default -> true;
    };
  }

  /** Parks the payment for a person if it is still open; counted once, when it moves. */
  private String park(Payment claimed, Supplier<Optional<Payment>> reload, String reason) {
    Instant now = clock.instant();
    Optional<Payment> current = reload.get();
    if (current.isEmpty() || !current.get().needsPolling()) {
      return "; resolved";
    }
    Settlement.Outcome parked = settlement.apply(current, reload, new PaymentEvent.ReviewNeeded(reason, now));
    if (parked instanceof Settlement.Outcome.Applied) {
      metrics.count(NEEDS_REVIEW_METRIC, Map.of("paymentId", claimed.id(), "tenantId", claimed.tenantId(),
          "mode", claimed.mode().wire(), "reason", reason));
      return "; parked for review";
    }
    return "; not parked: " + Answer.of(parked).summary();
  }

  /**
   * What the provider's answer did. {@code hopeless}: we cannot find out ourselves, whatever the
   * schedule says.
   */
  private record Answer(String summary, boolean hopeless) {
    static Answer open(String summary) {
      return new Answer(summary, false);
    }

    static Answer hopeless(String summary) {
      return new Answer(summary, true);
    }

    static Answer of(Settlement.Outcome outcome) {
      return open(switch (outcome) {
        case Settlement.Outcome.Applied applied -> "now " + applied.payment().state();
        case Settlement.Outcome.Ignored ignored -> "unchanged: " + ignored.reason();
        case Settlement.Outcome.NotOurs notOurs -> "checkout " + notOurs.checkoutId() + " is not ours";
        default -> outcome.toString();
      });
    }

    static Answer all(List<Answer> answers) {
      return new Answer(String.join("; ", answers.stream().map(Answer::summary).toList()),
          answers.stream().anyMatch(Answer::hopeless));
    }
  }
}
