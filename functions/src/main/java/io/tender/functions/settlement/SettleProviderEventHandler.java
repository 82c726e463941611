package io.tender.functions.settlement;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.tender.adapter.platform.Platform;
import io.tender.functions.snapstart.SnapStartPriming;
import io.tender.adapter.sqs.SettlementQueue;
import io.tender.core.provider.ProviderHint;
import io.tender.core.settlement.Settlement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The settlement queue's consumer: each provider hint is settled on its own; a message that fails
 * is reported alone, retried by the queue, and lands in the dead-letter queue after a few tries,
 * counted as {@value #DEAD_LETTERED} when it fails for the last time.
 *
 * <p>On its first receive only, a hint may be {@linkplain io.tender.core.settlement.HintSettlement#settleOrDefer
 * deferred} (a refund its creator is still answering): its visibility is set to the delay and it is
 * reported failed, so the queue hands it back then. Deferral is bounded by that delay and takes one
 * receive at most, which the redrive policy allows for: a deferred hint still has as many tries to
 * settle as any other.
 */
public final class SettleProviderEventHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
  public static final String DEAD_LETTERED = "settlement.dead_lettered";
  /**
   * The settlement queue's RedrivePolicy maxReceiveCount in template.yaml (a test keeps them equal):
   * five tries to settle, and one receive for a deferral.
   */
  public static final int MAX_RECEIVES = 6;

  private final Platform platform;

  public SettleProviderEventHandler() {
    this(Platform.fromEnvironment());
  }

  SettleProviderEventHandler(Platform platform) {
    this.platform = platform;
    SnapStartPriming.register(platform);
  }

  @Override
  public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
    List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
    for (SQSEvent.SQSMessage message : event.getRecords()) {
      try {
        ProviderHint hint = SettlementQueue.parse(message.getBody());
        Settlement.Outcome outcome = mayDefer(message)
            ? platform.hintSettlement().settleOrDefer(hint)
            : platform.hintSettlement().settle(hint);
        if (outcome instanceof Settlement.Outcome.Deferred deferred) {
          platform.settlementQueue().returnAfter(message.getReceiptHandle(), deferred.delay());
          platform.log().info("provider event deferred", Map.of("provider", hint.provider(), "event", hint.eventId(),
              "delayMillis", deferred.delay().toMillis(), "reason", deferred.reason()));
          failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
          continue;
        }
        platform.log().info("provider event settled", Map.of("provider", hint.provider(), "event", hint.eventId(),
            "subject", hint.subject().name(), "outcome", outcome.getClass().getSimpleName(),
            "payment", paymentOf(outcome)));
      } catch (Exception e) {
        platform.log().error("provider event not settled", Map.of("message", message.getMessageId(),
            "error", e.getClass().getName()));
        if (lastReceive(message)) {
          platform.metrics().count(DEAD_LETTERED, Map.of("messageId", message.getMessageId(),
              "error", e.getClass().getName()));
        }
        failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
      }
    }
    return new SQSBatchResponse(failures);
  }

  /** Whether the queue moves the message to the dead-letter queue instead of delivering it again. */
  static boolean lastReceive(SQSEvent.SQSMessage message) {
    return receives(message) >= MAX_RECEIVES;
  }

  /** Only a first receive defers, so a hint is handed back once at most; an unknown count settles now. */
  static boolean mayDefer(SQSEvent.SQSMessage message) {
    return receives(message) == 1;
  }

  /** The message's ApproximateReceiveCount, 0 when it is missing or unreadable. */
  private static int receives(SQSEvent.SQSMessage message) {
    String count = message.getAttributes() == null ? null : message.getAttributes().get("ApproximateReceiveCount");
    try {
      return count == null ? 0 : Integer.parseInt(count);
    } catch (NumberFormatException unreadable) {
      return 0;
    }
  }

  private static String paymentOf(Settlement.Outcome outcome) {
    return outcome instanceof Settlement.Outcome.Applied applied ? applied.payment().id() : "";
  }
}
