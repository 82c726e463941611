package io.tender.adapter.stripe;

import static io.tender.adapter.stripe.StripeJson.metadata;
import static io.tender.adapter.stripe.StripeJson.optionalText;
import static io.tender.adapter.stripe.StripeJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.tender.core.payment.PaymentEvent;
import io.tender.core.provider.ProviderHint;
import io.tender.core.provider.ProviderHint.Subject;
import io.tender.core.tenant.Mode;
import java.util.Optional;

/**
 * A verified Stripe event, reduced to what to fetch. The event's {@code data.object} is a snapshot
 * that may be stale or out of order, so only ids are taken from it for settling; the fetch is the
 * truth. What the snapshot reports is carried too, but only to recognise a hint the payment
 * already reflects. Events Tender does not act on answer empty: acknowledge them and move on.
 */
public final class StripeWebhookHints {

  private StripeWebhookHints() {}

  /** The hint in a parsed event body ({@code {"id":"evt_..","type":..,"data":{"object":{..}}}}). */
  public static Optional<ProviderHint> hint(JsonNode event) {
    String eventId = text(event, "id");
    String type = text(event, "type");
    JsonNode data = event == null ? null : event.get("data");
    JsonNode object = data == null ? null : data.get("object");
    if (eventId == null || type == null || object == null || !object.isObject()) {
      return Optional.empty();
    }
    Optional<String> paymentId = metadata(object, StripeStatusMapper.PAYMENT_ID_KEY);
    return switch (type) {
      case "checkout.session.completed", "checkout.session.async_payment_succeeded",
          "checkout.session.async_payment_failed", "checkout.session.expired" ->
          hint(eventId, type, Subject.CHECKOUT, text(object, "id"),
              optionalText(object, "client_reference_id").or(() -> paymentId), Optional.empty(), object,
              StripeStatusMapper.reportedCapture(object));
      case "payment_intent.succeeded", "payment_intent.payment_failed", "payment_intent.canceled",
          "payment_intent.processing", "payment_intent.amount_capturable_updated" ->
          hint(eventId, type, Subject.PROVIDER_PAYMENT, text(object, "id"), paymentId,
              Optional.empty(), object, StripeStatusMapper.reportedCapture(object));
      // A charge names its PaymentIntent; the refunds on it are fetched through their own events.
      case "charge.refunded" -> hint(eventId, type, Subject.PROVIDER_PAYMENT,
          text(object, "payment_intent"), paymentId, Optional.empty(), object,
          StripeStatusMapper.reportedCapture(object));
      case "refund.created", "refund.updated", "refund.failed" ->
          hint(eventId, type, Subject.REFUND, text(object, "id"), paymentId,
              metadata(object, StripeStatusMapper.REFUND_ID_KEY), object, StripeStatusMapper.reportedRefund(object));
      default -> Optional.empty();
    };
  }

  private static Optional<ProviderHint> hint(String eventId, String type, Subject subject,
      String objectId, Optional<String> paymentId, Optional<String> refundId, JsonNode object,
      Optional<PaymentEvent> reported) {
    if (objectId == null || objectId.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(new ProviderHint(StripeConnector.PROVIDER, eventId, type, subject, objectId,
        paymentId, refundId, paymentId.flatMap(id -> owner(object, id)), reported));
  }

  /** The tenant and mode we set in the object's metadata beside {@code paymentId}, when both are there. */
  private static Optional<ProviderHint.Owner> owner(JsonNode object, String paymentId) {
    if (!metadata(object, StripeStatusMapper.PAYMENT_ID_KEY).equals(Optional.of(paymentId))) {
      return Optional.empty();
    }
    return ProviderHint.Owner.of(metadata(object, StripeStatusMapper.TENANT_ID_KEY),
        metadata(object, StripeStatusMapper.MODE_KEY).flatMap(Mode::fromWire));
  }
}
