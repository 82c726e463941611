package io.tender.adapter.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tender.adapter.json.Json;
import io.tender.core.provider.ProviderHint;
import io.tender.core.tenant.Mode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Provider hints on their way to settlement, as small JSON messages on the settlement queue. */
public final class SettlementQueue {
  /** SQS's limit on a message's visibility timeout (12 hours). */
  private static final long MAX_VISIBILITY_SECONDS = 43_200;

  private final SqsClient sqs;
  private final String queueUrl;

  public SettlementQueue(SqsClient sqs, String queueUrl) {
    this.sqs = sqs;
    this.queueUrl = queueUrl;
  }

  public void send(ProviderHint hint) {
    String body = body(hint);
    sqs.sendMessage(send -> send.queueUrl(queueUrl).messageBody(body));
  }

  /**
   * Hands a received message back to the queue, to be delivered again after {@code delay} (in whole
   * seconds, at least one) instead of after the queue's visibility timeout; its consumer then reports
   * it failed, so that it is not deleted. The receive it took still counts toward the redrive policy.
   */
  public void returnAfter(String receiptHandle, Duration delay) {
    long seconds = Math.max(1, delay.toSeconds() + (delay.toNanosPart() > 0 ? 1 : 0));
    int visibility = (int) Math.min(MAX_VISIBILITY_SECONDS, seconds);
    sqs.changeMessageVisibility(change -> change.queueUrl(queueUrl).receiptHandle(receiptHandle)
        .visibilityTimeout(visibility));
  }

  static String body(ProviderHint hint) {
    ObjectNode message = Json.object();
    message.put("provider", hint.provider());
    message.put("eventId", hint.eventId());
    message.put("eventType", hint.eventType());
    message.put("subject", hint.subject().name());
    message.put("providerObjectId", hint.providerObjectId());
    hint.paymentId().ifPresent(id -> message.put("paymentId", id));
    hint.refundId().ifPresent(id -> message.put("refundId", id));
    hint.owner().ifPresent(owner -> message.put("tenantId", owner.tenantId()).put("mode", owner.mode().wire()));
    hint.reported().flatMap(ReportedEventJson::write).ifPresent(reported -> message.set("reported", reported));
    return Json.write(message);
  }

  /** A message written before the owner and report were carried parses too, without them. */
  public static ProviderHint parse(String body) throws IOException {
    JsonNode message = Json.readTree(body.getBytes(StandardCharsets.UTF_8));
    Optional<String> paymentId = text(message, "paymentId");
    return new ProviderHint(message.path("provider").asText(), message.path("eventId").asText(),
        message.path("eventType").asText(), ProviderHint.Subject.valueOf(message.path("subject").asText()),
        message.path("providerObjectId").asText(), paymentId, text(message, "refundId"),
        paymentId.isEmpty() ? Optional.empty() : owner(message), ReportedEventJson.read(message.get("reported")));
  }

  private static Optional<ProviderHint.Owner> owner(JsonNode message) {
    return ProviderHint.Owner.of(text(message, "tenantId"), text(message, "mode").flatMap(Mode::fromWire));
  }

  private static Optional<String> text(JsonNode message, String field) {
    return message.hasNonNull(field) ? Optional.of(message.get(field).asText()) : Optional.empty();
  }
}
