package io.tender.functions.webhook;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import io.tender.adapter.platform.Platform;
import java.util.Map;

/**
 * Every minute: queues the webhook retries whose wait is longer than the queue can hold, and any
 * retry whose ticket was lost, found through the due index.
 */
public final class ReleaseWebhookRetriesHandler implements RequestHandler<ScheduledEvent, String> {
  /** A release's share of one invocation; what is left waits for the next minute. */
  static final int BATCH = 500;

  private final Platform platform;

  public ReleaseWebhookRetriesHandler() {
    this(Platform.fromEnvironment());
  }

  ReleaseWebhookRetriesHandler(Platform platform) {
    this.platform = platform;
  }

  @Override
  public String handleRequest(ScheduledEvent event, Context context) {
    int released = platform.webhookDispatcher().releaseDue(BATCH);
    platform.log().info("webhook retries released", Map.of("count", released));
    return "released " + released;
  }
}
