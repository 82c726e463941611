package io.tender.core.webhook;

/**
 * Makes one delivery attempt. Implementations run the SSRF guard again at send time, connect only
 * to the addresses it checked, never follow redirects and bound the attempt with short timeouts.
 * They never throw for anything the network or the endpoint does: every outcome is a result.
 */
@FunctionalInterface
public interface WebhookSender {
  DeliveryAttemptResult send(WebhookRequest request);
}
