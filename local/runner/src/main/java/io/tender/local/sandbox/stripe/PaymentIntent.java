package io.tender.local.sandbox.stripe;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** A PaymentIntent and its one charge; guarded by the {@link StripeLedger}'s lock. */
final class PaymentIntent {
  enum Status { requires_payment_method, succeeded, canceled }

  final String id;
  final long created;
  final long amount;
  final String currency;
  final ObjectNode metadata;
  final List<String> paymentMethodTypes;
  Status status = Status.requires_payment_method;
  long amountReceived;
  String latestCharge;
  long chargeCreated;
  ObjectNode lastPaymentError;
  Long canceledAt;
  String cancellationReason;
  /** Pending and succeeded refunds both count: Stripe holds back what a pending refund will take. */
  long amountRefunded;

  PaymentIntent(String id, long created, long amount, String currency, ObjectNode metadata,
      List<String> paymentMethodTypes) {
    this.id = id;
    this.created = created;
    this.amount = amount;
    this.currency = currency;
    this.metadata = metadata;
    this.paymentMethodTypes = List.copyOf(paymentMethodTypes);
  }

  ObjectNode toJson() {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("id", id);
    json.put("object", "payment_intent");
    json.put("amount", amount);
    json.put("amount_capturable", 0);
    json.put("amount_received", amountReceived);
    json.put("canceled_at", canceledAt);
    json.put("cancellation_reason", cancellationReason);
    json.put("capture_method", "automatic");
    json.put("created", created);
    json.put("currency", currency);
    json.set("last_payment_error", lastPaymentError == null ? null : lastPaymentError.deepCopy());
    json.put("latest_charge", latestCharge);
    json.put("livemode", false);
    json.set("metadata", metadata.deepCopy());
    ArrayNode types = json.putArray("payment_method_types");
    paymentMethodTypes.forEach(types::add);
    json.put("status", status.name());
    return json;
  }

  ObjectNode chargeJson() {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("id", latestCharge);
    json.put("object", "charge");
    json.put("amount", amountReceived);
    json.put("amount_captured", amountReceived);
    json.put("amount_refunded", amountRefunded);
    json.put("captured", true);
    json.put("created", chargeCreated);
    json.put("currency", currency);
    json.put("livemode", false);
    json.put("paid", true);
    json.put("payment_intent", id);
    json.put("refunded", amountRefunded == amountReceived);
    json.put("status", "succeeded");
    return json;
  }

  static ObjectNode cardDeclined() {
    ObjectNode error = JsonNodeFactory.instance.objectNode();
    error.put("type", "card_error");
    error.put("code", "card_declined");
    error.put("decline_code", "generic_decline");
    error.put("message", "Your card was declined.");
    return error;
  }
}
