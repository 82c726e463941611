package io.tender.adapter.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tender.adapter.json.Json;
import io.tender.core.provider.ProviderHint;
import java.io.IOException;
import java.util.Optional;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Provider hints on their way to settlement, as small JSON messages on the settlement queue. */
public final class SettlementQueue {
  private final SqsClient sqs;
  private final String queueUrl;

  public SettlementQueue(SqsClient sqs, String queueUrl) {
    this.sqs = sqs;
    this.queueUrl = queueUrl;
  }

  public void send(ProviderHint hint) {
    ObjectNode message = Json.object();
    message.put("provider", hint.provider());
    message.put("eventId", hint.eventId());
    message.put("eventType", hint.eventType());
    message.put("subject", hint.subject().name());
    message.put("providerObjectId", hint.providerObjectId());
    hint.paymentId().ifPresent(id -> message.put("paymentId", id));
    hint.refundId().ifPresent(id -> message.put("refundId", id));
    sqs.sendMessage(send -> send.queueUrl(queueUrl).messageBody(message.toString()));
  }

  public static ProviderHint parse(String body) throws IOException {
    JsonNode message = Json.mapper().readTree(body);
    return new ProviderHint(message.path("provider").asText(), message.path("eventId").asText(),
        message.path("eventType").asText(), ProviderHint.Subject.valueOf(message.path("subject").asText()),
        message.path("providerObjectId").asText(), text(message, "paymentId"), text(message, "refundId"));
  }

  private static Optional<String> text(JsonNode message, String field) {
    return message.hasNonNull(field) ? Optional.of(message.get(field).asText()) : Optional.empty();
  }
}
