package io.tender.local.sandbox.stripe;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A refund of part or all of a PaymentIntent's charge; guarded by the {@link StripeLedger}'s lock. */
final class Refund {
  enum Status { pending, succeeded }

  final String id;
  final long created;
  final long amount;
  final String currency;
  final String paymentIntentId;
  final String chargeId;
  final String reason;
  final ObjectNode metadata;
  Status status;

  Refund(String id, long created, long amount, String currency, String paymentIntentId,
      String chargeId, String reason, ObjectNode metadata, Status status) {
    this.id = id;
    this.created = created;
    this.amount = amount;
    this.currency = currency;
    this.paymentIntentId = paymentIntentId;
    this.chargeId = chargeId;
    this.reason = reason;
    this.metadata = metadata;
    this.status = status;
  }

  ObjectNode toJson() {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("id", id);
    json.put("object", "refund");
    json.put("amount", amount);
    json.put("charge", chargeId);
    json.put("created", created);
    json.put("currency", currency);
    json.set("metadata", metadata.deepCopy());
    json.put("payment_intent", paymentIntentId);
    json.put("reason", reason);
    json.put("status", status.name());
    return json;
  }
}
