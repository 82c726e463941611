package io.tender.functions.webhook;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import io.tender.adapter.platform.Platform;
import io.tender.core.tenant.Mode;
import io.tender.core.webhook.WebhookDispatcher;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The table's stream consumer: each merchant event inserted by a settlement transaction (the
 * outbox) becomes one delivery per subscribed endpoint. Records are handled in order; the first
 * failure is reported and the stream retries from it, and fan-out is safe to repeat. A tenant's
 * endpoints are read once per batch, not once per event.
 */
public final class DispatchMerchantEventsHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
  private final Platform platform;

  public DispatchMerchantEventsHandler() {
    this(Platform.fromEnvironment());
  }

  DispatchMerchantEventsHandler(Platform platform) {
    this.platform = platform;
  }

  @Override
  public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
    WebhookDispatcher.Batch batch = platform.webhookDispatcher().batch();
    for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords()) {
      try {
        dispatch(batch, record);
      } catch (RuntimeException e) {
        platform.log().error("merchant event not dispatched", Map.of("record", record.getEventID(),
            "error", e.getClass().getName()));
        return StreamsEventResponse.builder().withBatchItemFailures(List.of(
            StreamsEventResponse.BatchItemFailure.builder()
                .withItemIdentifier(record.getDynamodb().getSequenceNumber()).build())).build();
      }
    }
    return StreamsEventResponse.builder().withBatchItemFailures(List.of()).build();
  }

  private void dispatch(WebhookDispatcher.Batch batch, DynamodbEvent.DynamodbStreamRecord record) {
    Map<String, AttributeValue> item = record.getDynamodb() == null ? null : record.getDynamodb().getNewImage();
    // The subscription's filter passes only inserted events; anything else is not ours to send.
    if (!"INSERT".equals(record.getEventName()) || item == null || !"EVENT".equals(text(item, "kind"))) {
      return;
    }
    Mode mode = Mode.fromWire(text(item, "mode")).orElseThrow(() -> new IllegalStateException("event without a mode"));
    // The committed body rides with the first attempt, which then need not read the event.
    int deliveries = batch.fanOut(text(item, "tenantId"), mode, text(item, "id"), text(item, "type"),
        Optional.ofNullable(text(item, "body"))).size();
    platform.log().info("merchant event dispatched", Map.of("event", text(item, "id"), "type", text(item, "type"),
        "deliveries", deliveries));
  }

  private static String text(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null ? null : value.getS();
  }
}
