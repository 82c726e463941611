package io.tender.functions.webhook;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.tender.adapter.platform.Platform;
import io.tender.adapter.sqs.SqsDeliveryQueue;
import io.tender.core.webhook.DeliveryTicket;
import io.tender.core.webhook.WebhookDispatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The webhook delivery queue's consumer: one attempt per ticket. A receiver's failure is an
 * attempt recorded and retried on the schedule, not a failed message; only our own faults are
 * reported back for the queue to redeliver.
 */
public final class DeliverWebhookHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
  private final Platform platform;

  public DeliverWebhookHandler() {
    this(Platform.fromEnvironment());
  }

  DeliverWebhookHandler(Platform platform) {
    this.platform = platform;
  }

  @Override
  public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
    List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
    for (SQSEvent.SQSMessage message : event.getRecords()) {
      try {
        DeliveryTicket ticket = SqsDeliveryQueue.parse(message.getBody());
        WebhookDispatcher.Outcome outcome = platform.webhookDispatcher().attempt(ticket);
        platform.log().info("webhook attempt", Map.of("delivery", ticket.deliveryId(), "attempt", ticket.attempt(),
            "outcome", outcome.name()));
      } catch (Exception e) {
        platform.log().error("webhook attempt not made", Map.of("message", message.getMessageId(),
            "error", e.getClass().getName()));
        failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
      }
    }
    return new SQSBatchResponse(failures);
  }
}
