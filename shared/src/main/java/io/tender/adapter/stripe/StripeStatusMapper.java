package io.tender.adapter.stripe;

import static io.tender.adapter.stripe.StripeJson.metadata;
import static io.tender.adapter.stripe.StripeJson.optionalText;
import static io.tender.adapter.stripe.StripeJson.requiredLong;
import static io.tender.adapter.stripe.StripeJson.requiredText;
import static io.tender.adapter.stripe.StripeJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.tender.core.payment.PaymentEvent;
import io.tender.core.provider.CheckoutState;
import io.tender.core.provider.RefundState;
import java.time.Instant;
import java.util.Optional;

/**
 * The one place that knows Stripe's statuses: a Checkout Session (with its PaymentIntent, when the
 * payer has tried to pay) or a Refund, in domain terms.
 *
 * <p>Decisions worth knowing:
 * <ul>
 *   <li>Money taken wins: a paid session, or a succeeded PaymentIntent behind any session, is
 *       {@code Captured} whatever else the session says, so a payment made while we expired the
 *       session is never read as ended.
 *   <li>An open session whose attempt was declined stays {@code Pending}: the payer may try again
 *       on the same page until the session expires.
 *   <li>A complete but unpaid session is a delayed payment method: {@code Pending} while it
 *       processes, {@code PaymentFailed} once its PaymentIntent has failed or been cancelled.
 *   <li>A status this mapper does not know is {@code Unknown}, never a failure.
 * </ul>
 * Provider times are given only where Stripe states when the thing happened ({@code canceled_at});
 * elsewhere the state machine stamps its own time.
 */
public final class StripeStatusMapper {
  static final String PAYMENT_ID_KEY = "tender_payment_id";
  static final String REFUND_ID_KEY = "tender_refund_id";
  /** With the payment id, the payment's whole key: settlement reads it without the provider pointer. */
  static final String TENANT_ID_KEY = "tender_tenant_id";
  static final String MODE_KEY = "tender_mode";

  private StripeStatusMapper() {}

  /**
   * A {@code checkout.session} and, when it has one, its {@code payment_intent} object (null when
   * the session has none yet).
   */
  public static CheckoutState checkout(JsonNode session, JsonNode paymentIntent) {
    String sessionId = requiredText(session, "id");
    Optional<String> paymentId = optionalText(session, "client_reference_id")
        .or(() -> metadata(session, PAYMENT_ID_KEY));
    Optional<String> intentId = paymentIntent != null
        ? Optional.of(requiredText(paymentIntent, "id"))
        : optionalText(session, "payment_intent");
    return new CheckoutState(sessionId, paymentId, intentId, checkoutEvent(session, paymentIntent));
  }

  static PaymentEvent checkoutEvent(JsonNode session, JsonNode intent) {
    String status = text(session, "status");
    String paymentStatus = text(session, "payment_status");
    String intentStatus = text(intent, "status");
    if ("paid".equals(paymentStatus)) {
      return captured(requiredLong(session, "amount_total"));
    }
    if ("succeeded".equals(intentStatus)) {
      return captured(requiredLong(intent, "amount_received"));
    }
    if ("requires_capture".equals(intentStatus)) {
      return new PaymentEvent.Authorized(
          StripeAmounts.fromWire(requiredLong(intent, "amount_capturable")), null);
    }
    if (status == null) {
      return new PaymentEvent.Unknown(null);
    }
    return switch (status) {
      case "open" -> "canceled".equals(intentStatus)
          ? new PaymentEvent.Cancelled(canceledAt(intent))
          : new PaymentEvent.Pending(null);
      case "complete" -> completeUnpaid(paymentStatus, intentStatus, intent);
      case "expired" -> new PaymentEvent.Expired(null);
      default -> new PaymentEvent.Unknown(null);
    };
  }

  /** A complete session that is not paid: a delayed method in flight, or one that failed. */
  private static PaymentEvent completeUnpaid(String paymentStatus, String intentStatus,
      JsonNode intent) {
    if ("no_payment_required".equals(paymentStatus)) {
      // Tender never opens a free checkout; a session that needed no payment needs an operator.
      return new PaymentEvent.ReviewNeeded("Stripe completed the checkout with no payment required",
          null);
    }
    if (!"unpaid".equals(paymentStatus)) {
      return new PaymentEvent.Unknown(null);
    }
    if (intentStatus == null) {
      return new PaymentEvent.Pending(null);
    }
    return switch (intentStatus) {
      case "processing", "requires_action", "requires_confirmation" -> new PaymentEvent.Pending(null);
      case "requires_payment_method" -> new PaymentEvent.PaymentFailed(failureReason(intent), null);
      case "canceled" -> new PaymentEvent.PaymentFailed(failureReason(intent), canceledAt(intent));
      default -> new PaymentEvent.Unknown(null);
    };
  }

  /**
   * A {@code refund} object. Our refund id comes from its metadata, else Stripe's id stands in; our
   * payment id too, when the refund was ours (a dashboard refund's is on its PaymentIntent).
   */
  public static RefundState refund(JsonNode refund) {
    String stripeId = requiredText(refund, "id");
    String refundId = metadata(refund, REFUND_ID_KEY).orElse(stripeId);
    String status = text(refund, "status");
    PaymentEvent event = switch (status == null ? "" : status) {
      case "succeeded" -> new PaymentEvent.RefundSucceeded(refundId,
          StripeAmounts.fromWire(requiredLong(refund, "amount")), null);
      case "pending", "requires_action" -> new PaymentEvent.Pending(null);
      case "failed", "canceled" -> new PaymentEvent.RefundFailed(refundId, null);
      default -> new PaymentEvent.Unknown(null);
    };
    return new RefundState(stripeId, metadata(refund, PAYMENT_ID_KEY), optionalText(refund, "payment_intent"),
        event);
  }

  /**
   * What a webhook's snapshot of a checkout session, PaymentIntent or charge says was captured, when
   * it says money was taken: a hint may be dropped when its payment already counts that much. Empty
   * for anything else, or a snapshot this mapper cannot read (the fetch decides then).
   */
  static Optional<PaymentEvent> reportedCapture(JsonNode object) {
    String kind = text(object, "object");
    try {
      if ("checkout.session".equals(kind) && "paid".equals(text(object, "payment_status"))) {
        return Optional.of(captured(requiredLong(object, "amount_total")));
      }
      if ("payment_intent".equals(kind) && "succeeded".equals(text(object, "status"))) {
        return Optional.of(captured(requiredLong(object, "amount_received")));
      }
      if ("charge".equals(kind) && "succeeded".equals(text(object, "status"))
          && object.path("captured").asBoolean(false)) {
        return Optional.of(captured(requiredLong(object, "amount_captured")));
      }
    } catch (RuntimeException unreadable) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  /** What a webhook's snapshot of a refund says, when it is a refund's answer. */
  static Optional<PaymentEvent> reportedRefund(JsonNode refund) {
    try {
      PaymentEvent event = refund(refund).event();
      return event instanceof PaymentEvent.RefundSucceeded || event instanceof PaymentEvent.RefundFailed
          ? Optional.of(event)
          : Optional.empty();
    } catch (RuntimeException unreadable) {
      return Optional.empty();
    }
  }

  private static PaymentEvent captured(long wireAmount) {
    long amount = StripeAmounts.fromWire(wireAmount);
    return amount > 0
        ? new PaymentEvent.Captured(amount, null)
        : new PaymentEvent.ReviewNeeded("Stripe reports a payment of " + wireAmount, null);
  }

  /** The decline code Stripe gives the payer's last attempt, for the log and the merchant. */
  private static String failureReason(JsonNode intent) {
    JsonNode error = intent == null ? null : intent.get("last_payment_error");
    return Optional.ofNullable(text(error, "decline_code"))
        .or(() -> Optional.ofNullable(text(error, "code")))
        .or(() -> Optional.ofNullable(text(intent, "cancellation_reason")))
        .orElse("payment_failed");
  }

  private static Instant canceledAt(JsonNode intent) {
    JsonNode value = intent == null ? null : intent.get("canceled_at");
    return value != null && value.isIntegralNumber() ? Instant.ofEpochSecond(value.asLong()) : null;
  }
}
