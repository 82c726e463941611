package io.tender.functions.reconcile;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import io.tender.adapter.platform.Platform;
import io.tender.core.reconcile.ReconciliationPoller;
import java.util.List;
import java.util.Map;

/**
 * Every minute: asks the provider about the payments and refunds whose poll is due (found through
 * the due index), expires the checkouts whose session ended (a checkout's first poll is its
 * session's end), settles the answers, and parks what stayed open past its last poll. A run that
 * outlasts the minute overlaps the next one harmlessly: each poll is claimed by a versioned write.
 */
public final class ReconcilePaymentsHandler implements RequestHandler<ScheduledEvent, String> {
  /** Payments per round; a poll can wait on the provider for several seconds. */
  static final int BATCH = 10;
  /** Another round starts only with this much time left: enough for a round of slow answers. */
  static final long RESERVE_MILLIS = 45_000;

  private final Platform platform;

  public ReconcilePaymentsHandler() {
    this(Platform.fromEnvironment());
  }

  ReconcilePaymentsHandler(Platform platform) {
    this.platform = platform;
  }

  @Override
  public String handleRequest(ScheduledEvent event, Context context) {
    int polled = 0;
    List<ReconciliationPoller.Polled> round;
    do {
      round = platform.reconciliationPoller().poll(BATCH);
      for (ReconciliationPoller.Polled payment : round) {
        platform.log().info("payment polled", Map.of("payment", payment.paymentId(), "attempt", payment.attempt(),
            "outcome", payment.outcome()));
      }
      polled += round.size();
    } while (round.size() == BATCH && context.getRemainingTimeInMillis() > RESERVE_MILLIS);
    platform.log().info("payments reconciled", Map.of("count", polled));
    return "polled " + polled;
  }
}
