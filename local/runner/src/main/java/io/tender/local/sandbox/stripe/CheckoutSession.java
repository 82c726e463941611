package io.tender.local.sandbox.stripe;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** A Checkout Session's state; guarded by the {@link StripeLedger}'s lock. */
final class CheckoutSession {
  enum Status { open, complete, expired }

  final String id;
  final long created;
  final long expiresAt;
  final long amountTotal;
  final String currency;
  final List<LineItem> lineItems;
  final String successUrl;
  final String cancelUrl;
  final String clientReferenceId;
  final String customerEmail;
  final ObjectNode metadata;
  final ObjectNode paymentIntentMetadata;
  final List<String> paymentMethodTypes;
  final String hostedUrl;
  Status status = Status.open;
  boolean paid;
  String paymentIntentId;

  record LineItem(String name, long unitAmount, long quantity) {}

  CheckoutSession(String id, long created, long expiresAt, String currency, List<LineItem> lineItems,
      String successUrl, String cancelUrl, String clientReferenceId, String customerEmail,
      ObjectNode metadata, ObjectNode paymentIntentMetadata, List<String> paymentMethodTypes,
      String hostedUrl) {
    this.id = id;
    this.created = created;
    this.expiresAt = expiresAt;
    this.currency = currency;
    this.lineItems = List.copyOf(lineItems);
    this.amountTotal = lineItems.stream().mapToLong(i -> Math.multiplyExact(i.unitAmount, i.quantity)).sum();
    this.successUrl = successUrl;
    this.cancelUrl = cancelUrl;
    this.clientReferenceId = clientReferenceId;
    this.customerEmail = customerEmail;
    this.metadata = metadata;
    this.paymentIntentMetadata = paymentIntentMetadata;
    this.paymentMethodTypes = List.copyOf(paymentMethodTypes);
    this.hostedUrl = hostedUrl;
  }

  ObjectNode toJson() {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("id", id);
    json.put("object", "checkout.session");
    json.put("amount_subtotal", amountTotal);
    json.put("amount_total", amountTotal);
    json.put("cancel_url", cancelUrl);
    json.put("client_reference_id", clientReferenceId);
    json.put("created", created);
    json.put("currency", currency);
    json.put("customer_email", customerEmail);
    json.put("expires_at", expiresAt);
    json.put("livemode", false);
    json.set("metadata", metadata.deepCopy());
    json.put("mode", "payment");
    json.put("payment_intent", paymentIntentId);
    ArrayNode types = json.putArray("payment_method_types");
    paymentMethodTypes.forEach(types::add);
    json.put("payment_status", paid ? "paid" : "unpaid");
    json.put("status", status.name());
    json.put("success_url", successUrl);
    json.put("ui_mode", "hosted");
    // Stripe clears the url once the session can no longer be paid.
    json.put("url", status == Status.open ? hostedUrl : null);
    return json;
  }
}
