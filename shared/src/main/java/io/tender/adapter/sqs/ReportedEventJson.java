package io.tender.adapter.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tender.adapter.json.Json;
import io.tender.core.payment.PaymentEvent;
import java.util.Optional;

/**
 * What a provider's snapshot reported, in a settlement message: only the answers a hint can be
 * dropped for (captured, refund succeeded or failed). Anything else is left out, and a message
 * without it is settled by fetching, as before.
 */
final class ReportedEventJson {
  private ReportedEventJson() {}

  static Optional<JsonNode> write(PaymentEvent event) {
    ObjectNode json = Json.object();
    switch (event) {
      case PaymentEvent.Captured captured -> json.put("kind", "captured").put("amount", captured.amount());
      case PaymentEvent.RefundSucceeded refund -> json.put("kind", "refund_succeeded")
          .put("refundId", refund.refundId()).put("amount", refund.amount());
      case PaymentEvent.RefundFailed refund -> json.put("kind", "refund_failed").put("refundId", refund.refundId());
      default -> {
        return Optional.empty();
      }
    }
    return Optional.of(json);
  }

  /** Empty for a kind this version does not know or a malformed one: the hint is settled by fetching. */
  static Optional<PaymentEvent> read(JsonNode json) {
    if (json == null || !json.isObject()) {
      return Optional.empty();
    }
    JsonNode amount = json.get("amount");
    boolean hasAmount = amount != null && amount.isIntegralNumber() && amount.canConvertToLong();
    String refundId = json.path("refundId").asText("");
    try {
      return switch (json.path("kind").asText("")) {
        case "captured" -> hasAmount ? Optional.of(new PaymentEvent.Captured(amount.asLong(), null)) : Optional.empty();
        case "refund_succeeded" -> hasAmount && !refundId.isBlank()
            ? Optional.of(new PaymentEvent.RefundSucceeded(refundId, amount.asLong(), null))
            : Optional.empty();
        case "refund_failed" -> refundId.isBlank()
            ? Optional.empty()
            : Optional.of(new PaymentEvent.RefundFailed(refundId, null));
        default -> Optional.empty();
      };
    } catch (IllegalArgumentException malformed) {
      return Optional.empty();
    }
  }
}
