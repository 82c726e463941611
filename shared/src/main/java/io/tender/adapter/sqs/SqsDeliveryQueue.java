package io.tender.adapter.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import io.tender.adapter.json.Json;
import io.tender.core.tenant.Mode;
import io.tender.core.webhook.DeliveryQueue;
import io.tender.core.webhook.DeliveryTicket;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Delivery tickets on the webhook delivery queue; SQS's per-message delay holds a retry back. */
public final class SqsDeliveryQueue implements DeliveryQueue {
  private final SqsClient sqs;
  private final String queueUrl;

  public SqsDeliveryQueue(SqsClient sqs, String queueUrl) {
    this.sqs = sqs;
    this.queueUrl = queueUrl;
  }

  @Override
  public void enqueue(DeliveryTicket ticket, Duration delay) {
    if (delay.isNegative() || delay.compareTo(MAX_DELAY) > 0) {
      throw new IllegalArgumentException("a queue delay is 0 to 15 minutes, not " + delay);
    }
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("tenantId", ticket.tenantId());
    message.put("mode", ticket.mode().wire());
    message.put("deliveryId", ticket.deliveryId());
    message.put("attempt", ticket.attempt());
    ticket.eventBody().ifPresent(body -> message.put("eventBody", body));
    // Rounded up: a ticket that arrives early is dropped as not yet due.
    int seconds = (int) Math.min(MAX_DELAY.toSeconds(), (delay.toMillis() + 999) / 1000);
    sqs.sendMessage(send -> send.queueUrl(queueUrl).messageBody(Json.write(message)).delaySeconds(seconds));
  }

  public static DeliveryTicket parse(String body) throws IOException {
    JsonNode message = Json.readTree(body.getBytes(StandardCharsets.UTF_8));
    return new DeliveryTicket(message.path("tenantId").asText(),
        Mode.fromWire(message.path("mode").asText()).orElseThrow(() -> new IOException("no mode in the ticket")),
        message.path("deliveryId").asText(), message.path("attempt").asInt(),
        message.hasNonNull("eventBody") ? Optional.of(message.get("eventBody").asText()) : Optional.empty());
  }
}
