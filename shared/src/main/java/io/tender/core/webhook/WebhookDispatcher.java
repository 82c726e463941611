package io.tender.core.webhook;

import io.tender.core.id.Ids;
import io.tender.core.tenant.Mode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Delivers committed merchant events. Fan-out makes one delivery per subscribed endpoint (its id
 * derived from the event and the endpoint, so a repeated fan-out finds it instead of making a
 * second) and queues its first attempt. An attempt sends, records the outcome conditionally on the
 * version read, and queues the next attempt when the wait fits the queue's delay; longer waits are
 * left to the retry sweeper, which also re-queues any ticket that was lost. A stale ticket (an
 * attempt already made, or not yet due) is dropped, so duplicates cost a read, not a second POST.
 * The delivery and its endpoint are read consistently by every attempt (a deleted endpoint stops
 * deliveries at once); the event's body, which never changes, rides in the ticket when it can.
 */
public final class WebhookDispatcher {
  /** Lets a receiver drop a repeat before parsing the body. */
  public static final String EVENT_ID_HEADER = "Tender-Event-Id";
  /** A queued retry is released by the sweeper only if it is this late: the queue normally wins. */
  static final Duration SAFETY_NET = Duration.ofMinutes(5);
  /** Long waits are released this early, so the sweeper's minute tick does not make them late. */
  static final Duration EARLY_RELEASE = Duration.ofMinutes(1);
  private static final int CANCEL_PAGE = 100;
  private static final String EVENT_ID_PREFIX = "evt";
  private static final String DELIVERY_ID_PREFIX = "wd";

  private final WebhookEndpointRepository endpoints;
  private final WebhookDeliveryRepository deliveries;
  private final MerchantEventStore events;
  private final DeliveryQueue queue;
  private final WebhookSender sender;
  private final WebhookSigner signer;
  private final Clock clock;

  /** What one attempt ticket came to. */
  public enum Outcome { DELIVERED, RETRY_SCHEDULED, FAILED, CANCELLED, STALE }

  public WebhookDispatcher(WebhookEndpointRepository endpoints, WebhookDeliveryRepository deliveries,
      MerchantEventStore events, DeliveryQueue queue, WebhookSender sender, WebhookSigner signer,
      Clock clock) {
    this.endpoints = endpoints;
    this.deliveries = deliveries;
    this.events = events;
    this.queue = queue;
    this.sender = sender;
    this.signer = signer;
    this.clock = clock;
  }

  /** Makes and queues the deliveries of one committed event; safe to repeat. */
  public List<WebhookDelivery> fanOut(String tenantId, Mode mode, String eventId, String eventType) {
    return fanOut(tenantId, mode, eventId, eventType, Optional.empty(), endpoints.list(tenantId, mode));
  }

  /**
   * Fan-out for one batch of committed events (a stream batch): each tenant's endpoints, in each
   * mode, are read once for the whole batch instead of once per event. The batch is read after
   * every event in it was committed, so an endpoint registered before an event still receives it;
   * one deleted meanwhile is caught by the attempt, which reads the endpoint again.
   */
  public Batch batch() {
    return new Batch();
  }

  /** See {@link #batch()}; use one per batch, never across batches. */
  public final class Batch {
    private final Map<String, List<WebhookEndpoint>> endpointsByOwner = new HashMap<>();

    private Batch() {}

    /**
     * {@link WebhookDispatcher#fanOut(String, Mode, String, String)}, with the batch's endpoints;
     * {@code eventBody}, the committed event's body when the caller has it, rides with the first
     * attempt's tickets.
     */
    public List<WebhookDelivery> fanOut(String tenantId, Mode mode, String eventId, String eventType,
        Optional<String> eventBody) {
      List<WebhookEndpoint> subscribed = endpointsByOwner.computeIfAbsent(tenantId + "\n" + mode.wire(),
          owner -> endpoints.list(tenantId, mode));
      return WebhookDispatcher.this.fanOut(tenantId, mode, eventId, eventType, eventBody, subscribed);
    }
  }

  private List<WebhookDelivery> fanOut(String tenantId, Mode mode, String eventId, String eventType,
      Optional<String> eventBody, List<WebhookEndpoint> subscribed) {
    List<WebhookDelivery> started = new ArrayList<>();
    Instant now = clock.instant();
    for (WebhookEndpoint endpoint : subscribed) {
      if (!endpoint.receives(eventType)) {
        continue;
      }
      WebhookDelivery delivery = WebhookDelivery.first(deliveryId(eventId, endpoint.id()), tenantId, mode, eventId,
          eventType, endpoint.id(), Optional.empty(), now);
      if (!deliveries.create(delivery, releaseAt(delivery, now))) {
        // Made by an earlier fan-out that may have died before queueing: queue it again if untried.
        delivery = deliveries.find(tenantId, mode, delivery.id()).orElseThrow();
        if (!delivery.attempts().isEmpty() || delivery.status() != WebhookDelivery.Status.PENDING) {
          continue;
        }
      }
      queue.enqueue(ticket(delivery, eventBody), Duration.ZERO);
      started.add(delivery);
    }
    return started;
  }

  /** Sends the delivery of {@code original}'s event to its endpoint again, as a new delivery. */
  public WebhookDelivery redeliver(WebhookDelivery original, String newId) {
    Instant now = clock.instant();
    WebhookDelivery again = WebhookDelivery.first(newId, original.tenantId(), original.mode(), original.eventId(),
        original.eventType(), original.endpointId(), Optional.of(original.id()), now);
    if (!deliveries.create(again, releaseAt(again, now))) {
      throw new IllegalStateException("delivery id " + newId + " is taken");
    }
    queue.enqueue(ticket(again), Duration.ZERO);
    return again;
  }

  /**
   * Cancels the pending deliveries of a deleted endpoint, at most {@code limit}, so the log shows
   * at once that they will not be attempted; any left over (or changed meanwhile) are cancelled by
   * their next attempt, which finds the endpoint gone. Returns how many were cancelled here.
   */
  public int cancelPending(String tenantId, Mode mode, String endpointId, int limit) {
    WebhookDeliveryRepository.DeliveryFilter pending = new WebhookDeliveryRepository.DeliveryFilter(
        Optional.of(endpointId), Optional.empty(), Optional.of(WebhookDelivery.Status.PENDING));
    int cancelled = 0;
    Optional<String> cursor = Optional.empty();
    int seen = 0;
    do {
      WebhookDeliveryRepository.DeliveryPage page = deliveries.list(tenantId, mode, pending, cursor,
          Math.min(CANCEL_PAGE, limit - seen));
      for (WebhookDelivery delivery : page.deliveries()) {
        seen++;
        if (deliveries.replace(delivery.cancelled(), Optional.empty())) {
          cancelled++;
        }
      }
      cursor = page.deliveries().isEmpty() ? Optional.empty() : page.nextCursor();
    } while (cursor.isPresent() && seen < limit);
    return cancelled;
  }

  /** Makes attempt {@code ticket.attempt()} if it is still due. */
  public Outcome attempt(DeliveryTicket ticket) {
    Instant now = clock.instant();
    Optional<WebhookDelivery> found = deliveries.find(ticket.tenantId(), ticket.mode(), ticket.deliveryId());
    if (found.isEmpty() || !found.get().due(ticket.attempt(), now)) {
      return Outcome.STALE;
    }
    WebhookDelivery delivery = found.get();
    Optional<WebhookEndpoint> endpoint = endpoints.find(delivery.tenantId(), delivery.mode(), delivery.endpointId())
        .filter(candidate -> candidate.status() == WebhookEndpoint.Status.ENABLED);
    if (endpoint.isEmpty()) {
      return deliveries.replace(delivery.cancelled(), Optional.empty()) ? Outcome.CANCELLED : Outcome.STALE;
    }
    Optional<String> eventBody = ticket.eventBody()
        .or(() -> events.find(delivery.tenantId(), delivery.mode(), delivery.eventId()).map(StoredEvent::body));
    if (eventBody.isEmpty()) {
      return deliveries.replace(delivery.cancelled(), Optional.empty()) ? Outcome.CANCELLED : Outcome.STALE;
    }
    byte[] body = eventBody.get().getBytes(StandardCharsets.UTF_8);
    // Signed right before sending: a retry hours later carries a fresh timestamp.
    String signature = signer.sign(body, endpoint.get().secrets());
    DeliveryAttemptResult result = sender.send(new WebhookRequest(endpoint.get().url(), delivery.mode(), body,
        Map.of(WebhookSigner.SIGNATURE_HEADER, signature, EVENT_ID_HEADER, delivery.eventId())));
    WebhookDelivery next = delivery.withAttempt(DeliveryAttempt.of(ticket.attempt(), now, result));
    Instant recorded = clock.instant();
    if (!deliveries.replace(next, releaseAt(next, recorded))) {
      return Outcome.STALE; // another consumer made and recorded this attempt
    }
    return switch (next.status()) {
      case SUCCEEDED -> Outcome.DELIVERED;
      case FAILED -> Outcome.FAILED;
      case CANCELLED -> Outcome.CANCELLED;
      case PENDING -> {
        Duration wait = Duration.between(recorded, next.nextAttemptAt().orElseThrow());
        if (wait.compareTo(DeliveryQueue.MAX_DELAY) <= 0) {
          queue.enqueue(ticket(next, eventBody), wait.isNegative() ? Duration.ZERO : wait);
        }
        yield Outcome.RETRY_SCHEDULED;
      }
    };
  }

  /** Queues every pending delivery the queue does not hold; returns how many. */
  public int releaseDue(int limit) {
    Instant now = clock.instant();
    int released = 0;
    for (WebhookDeliveryRepository.Due due : deliveries.releasable(now, limit)) {
      Optional<WebhookDelivery> delivery = deliveries.find(due.tenantId(), due.mode(), due.deliveryId());
      if (delivery.isEmpty() || delivery.get().status() != WebhookDelivery.Status.PENDING) {
        continue;
      }
      Instant at = delivery.get().nextAttemptAt().orElseThrow();
      Duration wait = at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO;
      if (deliveries.postponeRelease(due, delivery.get().version(), now.plus(wait).plus(SAFETY_NET))) {
        queue.enqueue(ticket(delivery.get()), wait);
        released++;
      }
    }
    return released;
  }

  /**
   * When the sweeper must queue a pending delivery: soon after its time when the queue already
   * holds its ticket, a little before its time when the wait is longer than the queue can hold.
   */
  static Optional<Instant> releaseAt(WebhookDelivery delivery, Instant now) {
    return delivery.nextAttemptAt().map(at -> Duration.between(now, at).compareTo(DeliveryQueue.MAX_DELAY) > 0
        ? at.minus(EARLY_RELEASE)
        : at.plus(SAFETY_NET));
  }

  private static DeliveryTicket ticket(WebhookDelivery delivery) {
    return ticket(delivery, Optional.empty());
  }

  private static DeliveryTicket ticket(WebhookDelivery delivery, Optional<String> eventBody) {
    return new DeliveryTicket(delivery.tenantId(), delivery.mode(), delivery.id(), delivery.nextAttemptNumber(),
        eventBody);
  }

  /**
   * The same event and endpoint always name the same delivery: the event id's time part, so the
   * delivery is filed under its event's day and found from its id alone, then 64 bits of a hash of
   * the pair, in the shape of every Tender id ({@link Ids#isId}).
   */
  static String deliveryId(String eventId, String endpointId) {
    String time = Ids.timePart(EVENT_ID_PREFIX, eventId)
        .orElseThrow(() -> new IllegalArgumentException("a delivered event's id must be one Tender made"));
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest((eventId + "\n" + endpointId).getBytes(StandardCharsets.UTF_8));
      return DELIVERY_ID_PREFIX + "_" + time + HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException(impossible);
    }
  }
}
