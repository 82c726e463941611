package io.tender.functions.settlement;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.tender.adapter.platform.Platform;
import io.tender.adapter.sqs.SettlementQueue;
import io.tender.core.provider.ProviderHint;
import io.tender.core.settlement.Settlement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The settlement queue's consumer: each provider hint is settled on its own; a message that fails
 * is reported alone, retried by the queue, and lands in the dead-letter queue after a few tries.
 */
public final class SettleProviderEventHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

  private final Platform platform;

  public SettleProviderEventHandler() {
    this(Platform.fromEnvironment());
  }

  SettleProviderEventHandler(Platform platform) {
    this.platform = platform;
  }

  @Override
  public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
    List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
    for (SQSEvent.SQSMessage message : event.getRecords()) {
      try {
        ProviderHint hint = SettlementQueue.parse(message.getBody());
        Settlement.Outcome outcome = hint.subject() == ProviderHint.Subject.CHECKOUT
            ? platform.settlement().settleCheckout(hint.providerObjectId())
            : new Settlement.Outcome.Ignored("settled through its checkout or by the reconciliation poller");
        platform.log().info("provider event settled", Map.of("provider", hint.provider(), "event", hint.eventId(),
            "outcome", outcome.getClass().getSimpleName(), "payment", paymentOf(outcome)));
      } catch (Exception e) {
        platform.log().error("provider event not settled", Map.of("message", message.getMessageId(),
            "error", e.getClass().getName()));
        failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
      }
    }
    return new SQSBatchResponse(failures);
  }

  private static String paymentOf(Settlement.Outcome outcome) {
    return outcome instanceof Settlement.Outcome.Applied applied ? applied.payment().id() : "";
  }
}
