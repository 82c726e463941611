package io.tender.functions.expiry;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import io.tender.adapter.platform.Platform;
import java.util.Map;

/** Every minute: expires the checkout sessions whose time is up, found through the due index. */
public final class ExpireCheckoutSessionsHandler implements RequestHandler<ScheduledEvent, String> {
  /** A sweep's share of one invocation; what is left waits for the next minute. */
  static final int BATCH = 200;

  private final Platform platform;

  public ExpireCheckoutSessionsHandler() {
    this(Platform.fromEnvironment());
  }

  ExpireCheckoutSessionsHandler(Platform platform) {
    this.platform = platform;
  }

  @Override
  public String handleRequest(ScheduledEvent event, Context context) {
    int expired = platform.expirySweeper().sweep(BATCH);
    platform.log().info("checkout sessions swept", Map.of("count", expired));
    return "swept " + expired;
  }
}
