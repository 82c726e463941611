package io.tender.functions.webhook;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import io.tender.adapter.dynamo.MerchantEventItems;
import io.tender.adapter.platform.Platform;
import io.tender.core.tenant.Mode;
import io.tender.core.webhook.WebhookDispatcher;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The table's stream consumer: each merchant event item inserted by a settlement transaction (the
 * outbox, holding every event of one change) becomes one delivery per event and subscribed
 * endpoint. Records are handled in order; the first failure is reported and the stream retries
 * from it, the whole item again, and fan-out is safe to repeat (a delivery's id derives from its
 * event and endpoint). A tenant's endpoints are read once per batch, not once per event.
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
    String tenantId = text(item, "tenantId");
    for (MerchantEventItems.Entry event : entries(item)) {
      // The committed body rides with the first attempt, which then need not read the event.
      int deliveries = batch.fanOut(tenantId, mode, event.id(), event.type(), Optional.ofNullable(event.body())).size();
      platform.log().info("merchant event dispatched", Map.of("event", event.id(), "type", event.type(),
          "deliveries", deliveries));
    }
  }

  /**
   * The events of the item: packed together, or (an item written before events were grouped) one,
   * of which only the id, type and body are read here.
   */
  private static List<MerchantEventItems.Entry> entries(Map<String, AttributeValue> item) {
    AttributeValue packed = item.get("events");
    if (packed != null && packed.getB() != null) {
      ByteBuffer bytes = packed.getB().asReadOnlyBuffer();
      byte[] copy = new byte[bytes.remaining()];
      bytes.get(copy);
      return MerchantEventItems.unpack(copy);
    }
    return List.of(new MerchantEventItems.Entry(text(item, "id"), text(item, "type"), text(item, "objectId"), 0,
        Instant.EPOCH, text(item, "body")));
  }

  private static String text(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null ? null : value.getS();
  }
}
