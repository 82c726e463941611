package io.tender.core.webhook;

import java.util.List;
import java.util.Set;

/** The event types a merchant endpoint can subscribe to; {@code *} subscribes to every one. */
public final class WebhookEventTypes {
  public static final String ALL = "*";

  public static final List<String> KNOWN = List.of(
      "payment.succeeded", "payment.failed", "payment.cancelled", "payment.expired", "payment.refunded",
      "refund.succeeded", "refund.failed", "checkout.session.completed", "checkout.session.expired");

  private WebhookEventTypes() {}

  public static boolean known(String type) {
    return ALL.equals(type) || KNOWN.contains(type);
  }

  public static boolean matches(Set<String> subscribed, String type) {
    return subscribed.contains(ALL) || subscribed.contains(type);
  }
}
