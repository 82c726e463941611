package io.tender.core.webhook;

import io.tender.core.auth.Principal;
import io.tender.core.error.ApiException;
import io.tender.core.error.ErrorCode;
import io.tender.core.id.IdGenerator;
import io.tender.core.tenant.Mode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Test sends ({@code POST /api/webhooks/test}): an event of the merchant's choosing, marked as a
 * test, signed and POSTed at once to the newest enabled endpoint that receives its type, through
 * the same guarded sender as every delivery. The attempt is recorded as a delivery, so it shows in
 * the delivery log; the event itself is never stored, so it is neither in the pull feed nor
 * retried, and its id ({@value #EVENT_ID_PREFIX}...) says it is a test wherever it appears.
 */
public final class WebhookTestSends {
  public static final String EVENT_ID_PREFIX = "evt_test_";

  private final WebhookEndpointRepository endpoints;
  private final WebhookDeliveryRepository deliveries;
  private final WebhookSender sender;
  private final WebhookSigner signer;
  private final IdGenerator ids;
  private final Clock clock;

  /** Writes the test event's JSON body; the core has no JSON writer of its own. */
  @FunctionalInterface
  public interface EventBody {
    String write(String eventId, Instant created, boolean livemode);
  }

  /** What was sent where, and how the endpoint answered. */
  public record Sent(WebhookEndpoint endpoint, String eventId, WebhookDelivery delivery) {
    public boolean delivered() {
      return delivery.status() == WebhookDelivery.Status.SUCCEEDED;
    }
  }

  public WebhookTestSends(WebhookEndpointRepository endpoints, WebhookDeliveryRepository deliveries,
      WebhookSender sender, WebhookSigner signer, IdGenerator ids, Clock clock) {
    this.endpoints = endpoints;
    this.deliveries = deliveries;
    this.sender = sender;
    this.signer = signer;
    this.ids = ids;
    this.clock = clock;
  }

  public static boolean isTestEvent(String eventId) {
    return eventId != null && eventId.startsWith(EVENT_ID_PREFIX);
  }

  public Sent send(Principal caller, String eventType, EventBody body) {
    if (eventType == null || !WebhookEventTypes.KNOWN.contains(eventType)) {
      throw ApiException.validation(Map.of("eventType",
          List.of("eventType is one of " + WebhookEventTypes.KNOWN + ".")));
    }
    WebhookEndpoint endpoint = endpoints.list(caller.tenantId(), caller.mode()).stream()
        .filter(candidate -> candidate.receives(eventType))
        .findFirst()
        .orElseThrow(() -> ApiException.of(ErrorCode.NO_WEBHOOK_ENDPOINT, "No enabled webhook endpoint receives "
            + eventType + " in " + caller.mode().wire() + " mode; register one with POST /api/v1/webhooks"));
    String eventId = EVENT_ID_PREFIX + ids.next("evt").substring("evt_".length());
    Instant now = clock.instant();
    byte[] bytes = body.write(eventId, now, caller.mode() == Mode.LIVE).getBytes(StandardCharsets.UTF_8);
    DeliveryAttemptResult result = sender.send(new WebhookRequest(endpoint.url(), caller.mode(), bytes,
        Map.of(WebhookSigner.SIGNATURE_HEADER, signer.sign(bytes, endpoint.secrets()),
            WebhookDispatcher.EVENT_ID_HEADER, eventId)));
    WebhookDelivery delivery = WebhookDelivery.testSend(ids.next("wd"), caller.tenantId(), caller.mode(), eventId,
        eventType, endpoint.id(), DeliveryAttempt.of(1, now, result));
    if (!deliveries.create(delivery, Optional.empty())) {
      throw new IllegalStateException("delivery id " + delivery.id() + " is taken");
    }
    return new Sent(endpoint, eventId, delivery);
  }
}
