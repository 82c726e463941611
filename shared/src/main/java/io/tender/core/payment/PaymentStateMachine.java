package io.tender.core.payment;

import static io.tender.core.payment.PaymentState.AUTHORIZED;
import static io.tender.core.payment.PaymentState.CANCELLED;
import static io.tender.core.payment.PaymentState.CAPTURED;
import static io.tender.core.payment.PaymentState.EXPIRED;
import static io.tender.core.payment.PaymentState.FAILED;
import static io.tender.core.payment.PaymentState.NEEDS_REVIEW;
import static io.tender.core.payment.PaymentState.PARTIALLY_REFUNDED;
import static io.tender.core.payment.PaymentState.PENDING;
import static io.tender.core.payment.PaymentState.REFUNDED;

import io.tender.core.payment.Effect.LedgerPosting;
import io.tender.core.payment.Effect.MerchantNotification;
import io.tender.core.payment.Effect.NotificationType;
import io.tender.core.payment.PaymentEvent.Authorized;
import io.tender.core.payment.PaymentEvent.Cancelled;
import io.tender.core.payment.PaymentEvent.Captured;
import io.tender.core.payment.PaymentEvent.Expired;
import io.tender.core.payment.PaymentEvent.PaymentFailed;
import io.tender.core.payment.PaymentEvent.Pending;
import io.tender.core.payment.PaymentEvent.RefundFailed;
import io.tender.core.payment.PaymentEvent.RefundSucceeded;
import io.tender.core.payment.PaymentEvent.ReviewNeeded;
import io.tender.core.payment.PaymentEvent.Unknown;
import io.tender.core.payment.Transition.Applied;
import io.tender.core.payment.Transition.Ignored;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one table of payment transitions: an exhaustive switch over the event type, each arm an
 * exhaustive switch over the state, so the compiler rejects a new state or event until every pair
 * is decided. An event that does not apply is {@link Ignored} with a reason for the log, never an
 * exception and never a step backwards.
 *
 * <p>Decisions worth knowing:
 * <ul>
 *   <li>Terminal states (FAILED, CANCELLED, EXPIRED, REFUNDED) ignore every event but one: a
 *       capture the provider made that we have not counted (a customer who paid after we expired
 *       the session, a capture reported after a failure). Money actually taken must not vanish, but
 *       the merchant was already told the payment ended, so it is neither silently "succeeded" nor
 *       dropped: it moves to NEEDS_REVIEW with the capture counted and posted to the ledger, and an
 *       operator decides between refunding and keeping it. No merchant notification is sent for it.
 *   <li>A timeout ({@link Unknown}) never fails a payment. From CREATED it moves to PENDING, since
 *       the provider may have the payment and the poller must re-query it; elsewhere it changes
 *       nothing.
 *   <li>Authorized and captured amounts are the provider's running totals: a total we already
 *       have is a repeat; a smaller one is late; a larger capture is counted by its difference.
 *   <li>Once captured, failure, cancellation and expiry reports are late and ignored: captured
 *       money stands.
 *   <li>NEEDS_REVIEW: with nothing captured, the provider's first definitive answer (authorized,
 *       captured, failed, cancelled, expired) resolves it. With money captured only an operator
 *       resolves it, but it keeps counting money: larger capture totals and refund results are
 *       still applied, so the ledger never misses a movement while it waits.
 *   <li>A succeeded refund is counted once per refund id, whether or not we reserved it (refunds
 *       can be started in the provider's dashboard). One that does not fit under the captured
 *       amount is not counted and parks the payment in NEEDS_REVIEW. A refund that succeeded stays
 *       succeeded: a later failure report for it is ignored (reversals are not modelled here).
 * </ul>
 */
public final class PaymentStateMachine {

  private PaymentStateMachine() {}

  /** What {@code event} does to {@code payment}; {@code now} stamps the new version. */
  public static Transition apply(Payment payment, PaymentEvent event, Instant now) {
    PaymentState state = payment.state();
    PaymentAmounts amounts = payment.amounts();
    Instant occurredAt = event.occurredAt().orElse(now);
    return switch (event) {
      case Pending pending -> switch (state) {
        case CREATED -> move(payment, PENDING, now);
        case PENDING -> ignored("already pending");
        case AUTHORIZED, CAPTURED, PARTIALLY_REFUNDED -> ignored("pending reported after " + state);
        case NEEDS_REVIEW -> ignored("under review; pending is not an answer");
        case REFUNDED, FAILED, CANCELLED, EXPIRED -> terminal(state);
      };

      case Authorized authorized -> switch (state) {
        case CREATED, PENDING -> applied(payment.next(AUTHORIZED,
            amounts.authorizedTotal(authorized.amount()), payment.refunds(), now));
        case AUTHORIZED -> authorized.amount() > amounts.authorized()
            ? applied(payment.next(AUTHORIZED, amounts.authorizedTotal(authorized.amount()),
                payment.refunds(), now))
            : ignored("already authorized for " + amounts.authorized());
        case CAPTURED, PARTIALLY_REFUNDED -> ignored("authorization reported after capture");
        case NEEDS_REVIEW -> amounts.captured() == 0
            ? applied(payment.next(AUTHORIZED, amounts.authorizedTotal(authorized.amount()),
                payment.refunds(), now))
            : ignored("under review with money captured; an authorization changes nothing");
        case REFUNDED, FAILED, CANCELLED, EXPIRED ->
            ignored("authorization after " + state + "; the hold lapses at the provider");
      };

      case Captured captured -> switch (state) {
        case CREATED, PENDING, AUTHORIZED -> firstCapture(payment, captured, occurredAt, now);
        case CAPTURED, PARTIALLY_REFUNDED -> captured.amount() > amounts.captured()
            ? captureMore(payment, paidState(amounts.capturedTotal(captured.amount())), captured, now)
            : ignored(notMoreCaptured(captured, amounts));
        case NEEDS_REVIEW -> {
          if (amounts.captured() == 0) {
            yield firstCapture(payment, captured, occurredAt, now);
          }
          yield captured.amount() > amounts.captured()
              ? captureMore(payment, NEEDS_REVIEW, captured, now)
              : ignored(notMoreCaptured(captured, amounts));
        }
        case REFUNDED, FAILED, CANCELLED, EXPIRED -> captured.amount() > amounts.captured()
            ? captureMore(payment, NEEDS_REVIEW, captured, now)
            : terminal(state);
      };

      case PaymentFailed failed ->
          end(payment, FAILED, NotificationType.PAYMENT_FAILED, occurredAt, now);
      case Cancelled cancelled ->
          end(payment, CANCELLED, NotificationType.PAYMENT_CANCELLED, occurredAt, now);
      case Expired expired ->
          end(payment, EXPIRED, NotificationType.PAYMENT_EXPIRED, occurredAt, now);

      case RefundSucceeded refund -> switch (state) {
        case CREATED, PENDING, AUTHORIZED, CAPTURED, PARTIALLY_REFUNDED, NEEDS_REVIEW ->
            refundSucceeded(payment, refund, occurredAt, now);
        case REFUNDED -> ignored("already fully refunded; refund " + refund.refundId()
            + " of " + refund.amount() + " not counted");
        case FAILED, CANCELLED, EXPIRED -> ignored("refund reported after " + state
            + " with nothing captured");
      };

      case RefundFailed refund -> switch (state) {
        case CAPTURED, PARTIALLY_REFUNDED, NEEDS_REVIEW -> refundFailed(payment, refund, occurredAt, now);
        case CREATED, PENDING, AUTHORIZED, FAILED, CANCELLED, EXPIRED ->
            ignored("nothing captured, so no refund " + refund.refundId() + " is outstanding");
        case REFUNDED -> ignored("fully refunded, so no refund " + refund.refundId() + " is outstanding");
      };

      case Unknown unknown -> switch (state) {
        case CREATED -> move(payment, PENDING, now);
        case PENDING, AUTHORIZED, CAPTURED, PARTIALLY_REFUNDED, NEEDS_REVIEW ->
            ignored("outcome unknown; " + state + " kept until the provider answers");
        case REFUNDED, FAILED, CANCELLED, EXPIRED -> terminal(state);
      };

      case ReviewNeeded review -> switch (state) {
        case CREATED, PENDING, AUTHORIZED, CAPTURED, PARTIALLY_REFUNDED -> move(payment, NEEDS_REVIEW, now);
        case NEEDS_REVIEW -> ignored("already under review");
        case REFUNDED, FAILED, CANCELLED, EXPIRED -> terminal(state);
      };
    };
  }

  /** The paid state the amounts describe; only meaningful with money captured. */
  static PaymentState paidState(PaymentAmounts amounts) {
    if (amounts.fullyRefunded()) {
      return REFUNDED;
    }
    return amounts.refunded() > 0 ? PARTIALLY_REFUNDED : CAPTURED;
  }

  /** FAILED, CANCELLED and EXPIRED end a payment only while nothing is captured. */
  private static Transition end(Payment payment, PaymentState target, NotificationType notification,
      Instant occurredAt, Instant now) {
    PaymentState state = payment.state();
    return switch (state) {
      case CREATED, PENDING, AUTHORIZED -> endWith(payment, target, notification, occurredAt, now);
      case CAPTURED, PARTIALLY_REFUNDED -> ignored(target + " reported after capture; captured money stands");
      case NEEDS_REVIEW -> payment.amounts().captured() == 0
          ? endWith(payment, target, notification, occurredAt, now)
          : ignored("under review with money captured; " + target + " changes nothing");
      case REFUNDED, FAILED, CANCELLED, EXPIRED -> terminal(state);
    };
  }

  private static Transition endWith(Payment payment, PaymentState target,
      NotificationType notification, Instant occurredAt, Instant now) {
    return new Applied(payment.next(target, payment.amounts(), payment.refunds(), now),
        List.of(notify(notification, Optional.empty(), occurredAt)));
  }

  private static Transition firstCapture(Payment payment, Captured captured, Instant occurredAt,
      Instant now) {
    PaymentAmounts next = payment.amounts().capturedTotal(captured.amount());
    return new Applied(payment.next(CAPTURED, next, payment.refunds(), now), List.of(
        capturePosting(next, captured.amount()),
        notify(NotificationType.PAYMENT_SUCCEEDED, Optional.empty(), occurredAt)));
  }

  /** Counts the part of a capture total we had not counted yet; nobody is notified of it. */
  private static Transition captureMore(Payment payment, PaymentState target, Captured captured,
      Instant now) {
    PaymentAmounts next = payment.amounts().capturedTotal(captured.amount());
    long more = captured.amount() - payment.amounts().captured();
    return new Applied(payment.next(target, next, payment.refunds(), now),
        List.of(capturePosting(next, more)));
  }

  private static LedgerPosting capturePosting(PaymentAmounts after, long amount) {
    return new LedgerPosting(LedgerPosting.Kind.CAPTURE, amount, after.currency(),
        "capture:" + after.captured());
  }

  private static String notMoreCaptured(Captured captured, PaymentAmounts amounts) {
    return captured.amount() == amounts.captured()
        ? "capture of " + captured.amount() + " already counted"
        : "late capture total " + captured.amount() + " below the counted " + amounts.captured();
  }

  private static Transition refundSucceeded(Payment payment, RefundSucceeded event,
      Instant occurredAt, Instant now) {
    Optional<Refund> known = payment.refund(event.refundId());
    if (known.isPresent() && known.get().status() == Refund.Status.SUCCEEDED) {
      return ignored("refund " + event.refundId() + " already counted");
    }
    PaymentAmounts withoutReservation = known
        .filter(refund -> refund.status() == Refund.Status.RESERVED)
        .map(refund -> payment.amounts().releaseRefund(refund.amount()))
        .orElse(payment.amounts());
    if (event.amount() > withoutReservation.refundable()) {
      return payment.state() == NEEDS_REVIEW
          ? ignored("refund " + event.refundId() + " of " + event.amount()
              + " exceeds what is refundable; already under review")
          : move(payment, NEEDS_REVIEW, now);
    }
    PaymentAmounts next = withoutReservation.refund(event.amount());
    PaymentState target = payment.state() == NEEDS_REVIEW ? NEEDS_REVIEW : paidState(next);
    List<Effect> effects = new ArrayList<>();
    effects.add(new LedgerPosting(LedgerPosting.Kind.REFUND, event.amount(), next.currency(),
        event.refundId()));
    effects.add(notify(NotificationType.REFUND_SUCCEEDED, Optional.of(event.refundId()), occurredAt));
    if (target == REFUNDED) {
      effects.add(notify(NotificationType.PAYMENT_REFUNDED, Optional.empty(), occurredAt));
    }
    Refund counted = new Refund(event.refundId(), event.amount(), Refund.Status.SUCCEEDED);
    return new Applied(payment.next(target, next, replace(payment.refunds(), counted), now), effects);
  }

  private static Transition refundFailed(Payment payment, RefundFailed event, Instant occurredAt,
      Instant now) {
    Optional<Refund> known = payment.refund(event.refundId());
    if (known.isEmpty()) {
      return ignored("refund " + event.refundId() + " is not ours to release");
    }
    Refund refund = known.get();
    return switch (refund.status()) {
      case RESERVED -> new Applied(
          payment.next(payment.state(), payment.amounts().releaseRefund(refund.amount()),
              replace(payment.refunds(), refund.withStatus(Refund.Status.FAILED)), now),
          List.of(notify(NotificationType.REFUND_FAILED, Optional.of(refund.id()), occurredAt)));
      case FAILED -> ignored("refund " + refund.id() + " already failed");
      case SUCCEEDED -> ignored("refund " + refund.id() + " already succeeded; a later failure "
          + "report is not applied");
    };
  }

  /** {@code refunds} with the refund of the same id replaced, or {@code refund} appended. */
  private static List<Refund> replace(List<Refund> refunds, Refund refund) {
    List<Refund> next = new ArrayList<>(refunds.size() + 1);
    boolean replaced = false;
    for (Refund existing : refunds) {
      if (existing.id().equals(refund.id())) {
        next.add(refund);
        replaced = true;
      } else {
        next.add(existing);
      }
    }
    if (!replaced) {
      next.add(refund);
    }
    return next;
  }

  private static MerchantNotification notify(NotificationType type, Optional<String> refundId,
      Instant occurredAt) {
    return new MerchantNotification(type, refundId, occurredAt);
  }

  private static Transition move(Payment payment, PaymentState target, Instant now) {
    return applied(payment.next(target, payment.amounts(), payment.refunds(), now));
  }

  private static Transition applied(Payment next) {
    return new Applied(next, List.of());
  }

  private static Transition terminal(PaymentState state) {
    return ignored(state + " is final");
  }

  private static Ignored ignored(String reason) {
    return new Ignored(reason);
  }
}
