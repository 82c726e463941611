package io.tender.reliability;

import io.tender.adapter.dynamo.DynamoMerchantEventStore;
import io.tender.adapter.dynamo.DynamoWebhookDeliveryRepository;
import io.tender.adapter.dynamo.DynamoWebhookEndpointRepository;
import io.tender.core.tenant.Mode;
import io.tender.core.webhook.DeliveryAttempt;
import io.tender.core.webhook.DeliveryAttemptResult;
import io.tender.core.webhook.DeliveryErrorClass;
import io.tender.core.webhook.DeliveryTicket;
import io.tender.core.webhook.RetrySchedule;
import io.tender.core.webhook.WebhookDelivery;
import io.tender.core.webhook.WebhookDeliveryRepository;
import io.tender.core.webhook.WebhookDispatcher;
import io.tender.core.webhook.WebhookEndpoint;
import io.tender.core.webhook.WebhookSigner;
import io.tender.core.webhook.WebhookSigningSecret;
import io.tender.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The merchant-notification half of a simulated run: the tenant's endpoint receives every event
 * the run committed, through the real dispatcher and its delivery records on DynamoDB Local. The
 * receiver is seeded (answers 2xx, 5xx or nothing in time), the queue is a time-ordered list the
 * simulation's clock walks through, and the walk stops at a seeded point in the retry schedule.
 * Then every event must be delivered, still retrying, or failed after the last attempt, with the
 * attempt log to show for it.
 */
final class SimulatedDelivery {
  private record Queued(Instant at, long order, DeliveryTicket ticket) {}

  private final DynamoDbClient dynamo;
  private final String table;
  private final MutableClock clock;
  private final String tenantId;
  private final Random random;
  private final List<String> violations = new ArrayList<>();
  private final PriorityQueue<Queued> queue = new PriorityQueue<>(
      Comparator.comparing(Queued::at).thenComparingLong(Queued::order));
  private long enqueued;
  private int attempts;

  SimulatedDelivery(DynamoDbClient dynamo, String table, MutableClock clock, String tenantId, long seed) {
    this.dynamo = dynamo;
    this.table = table;
    this.clock = clock;
    this.tenantId = tenantId;
    // Neighbouring seeds give java.util.Random nearly the same first draws: mix the seed first.
    this.random = new Random(new java.util.SplittableRandom(seed).nextLong());
  }

  List<String> violations() {
    return violations;
  }

  int attempts() {
    return attempts;
  }

  /** Fans out every event in {@code eventIds} (id → type), walks the queue, then checks the result. */
  void run(Map<String, String> eventIds) {
    DynamoWebhookEndpointRepository endpoints = new DynamoWebhookEndpointRepository(dynamo, table);
    String endpointId = "we_" + tenantId.substring(4);
    endpoints.create(new WebhookEndpoint(endpointId, tenantId, Mode.TEST, "https://hooks.sim.example/" + tenantId,
        Set.of("*"), WebhookEndpoint.Status.ENABLED, List.of(WebhookSigningSecret.current("whsec_" + tenantId)), 0,
        clock.instant()));
    double failureRate = 0.1 + random.nextDouble() * 0.8;
    WebhookDispatcher dispatcher = new WebhookDispatcher(endpoints, onlyThisTenant(
        new DynamoWebhookDeliveryRepository(dynamo, table)), new DynamoMerchantEventStore(dynamo, table),
        (ticket, delay) -> queue.add(new Queued(clock.instant().plus(delay), enqueued++, ticket)),
        request -> answer(failureRate), new WebhookSigner(clock), clock);

    eventIds.forEach((id, type) -> dispatcher.fanOut(tenantId, Mode.TEST, id, type));
    DynamoWebhookDeliveryRepository stored = new DynamoWebhookDeliveryRepository(dynamo, table);
    Instant stopAt = clock.instant().plus(Duration.ofMinutes(random.nextInt(3_000)));
    while (true) {
      Queued next = queue.poll();
      if (next != null && !next.at().isAfter(stopAt)) {
        if (next.at().isAfter(clock.instant())) {
          clock.set(next.at());
        }
        if (random.nextInt(20) == 0) {
          continue; // the queue lost this ticket: the sweeper's safety net must find it
        }
        dispatcher.attempt(next.ticket());
        attempts++;
        continue;
      }
      if (next != null) {
        queue.add(next);
      }
      // Nothing queued before the stop: jump to the sweeper's next release, if there is one in time.
      Optional<Instant> release = nextRelease(stored, endpointId);
      if (release.isEmpty() || release.get().isAfter(stopAt)) {
        break;
      }
      if (release.get().isAfter(clock.instant())) {
        clock.set(release.get());
      }
      // A release already made moved the next one on by up to five minutes past the attempt's time.
      int released = dispatcher.releaseDue(100);
      for (int tick = 0; released == 0 && tick < 10; tick++) {
        clock.advance(Duration.ofMinutes(1));
        released = dispatcher.releaseDue(100);
      }
      if (released == 0) {
        violations.add("at " + clock.instant() + " a pending delivery was due for release and the sweeper released none");
        break;
      }
    }
    check(stored, endpointId, eventIds);
    forget(stored, endpointId);
  }

  /**
   * When the sweeper must next act for this tenant: a minute before a long wait ends, or five
   * minutes after a short one whose ticket was lost — and, since the queue may still hold a ticket
   * for it, only for deliveries the queue holds none for.
   */
  private Optional<Instant> nextRelease(WebhookDeliveryRepository stored, String endpointId) {
    Set<String> queued = queue.stream().map(q -> q.ticket().deliveryId()).collect(Collectors.toSet());
    return pending(stored, endpointId).stream()
        .filter(delivery -> !queued.contains(delivery.id()))
        .map(SimulatedDelivery::releaseAt)
        .min(Comparator.naturalOrder());
  }

  /** As the dispatcher schedules it when it records the delivery's last change (see {@code WebhookDispatcher}). */
  private static Instant releaseAt(WebhookDelivery delivery) {
    Instant at = delivery.nextAttemptAt().orElseThrow();
    Instant recorded = delivery.attempts().isEmpty() ? delivery.createdAt() : delivery.attempts().getLast().at();
    return Duration.between(recorded, at).compareTo(Duration.ofMinutes(15)) > 0
        ? at.minus(Duration.ofMinutes(1))
        : at.plus(Duration.ofMinutes(5));
  }

  private List<WebhookDelivery> pending(WebhookDeliveryRepository stored, String endpointId) {
    List<WebhookDelivery> found = new ArrayList<>();
    Optional<String> cursor = Optional.empty();
    do {
      var page = stored.list(tenantId, Mode.TEST, new WebhookDeliveryRepository.DeliveryFilter(Optional.of(endpointId),
          Optional.empty(), Optional.of(WebhookDelivery.Status.PENDING)), cursor, 100);
      found.addAll(page.deliveries());
      cursor = page.nextCursor();
    } while (cursor.isPresent());
    return found;
  }

  /** Takes this run's pending deliveries out of the shared due index, so no later seed sweeps them. */
  private void forget(WebhookDeliveryRepository stored, String endpointId) {
    for (WebhookDelivery delivery : pending(stored, endpointId)) {
      stored.replace(delivery.cancelled(), Optional.empty());
    }
  }

  private DeliveryAttemptResult answer(double failureRate) {
    if (random.nextDouble() >= failureRate) {
      return DeliveryAttemptResult.answered(200, 5, "ok");
    }
    return random.nextBoolean()
        ? DeliveryAttemptResult.answered(500, 9, "down")
        : DeliveryAttemptResult.failed(DeliveryErrorClass.TIMEOUT, 10_000, "no answer in time");
  }

  private void check(WebhookDeliveryRepository deliveries, String endpointId, Map<String, String> eventIds) {
    List<WebhookDelivery> all = new ArrayList<>();
    Optional<String> cursor = Optional.empty();
    do {
      var page = deliveries.list(tenantId, Mode.TEST, new WebhookDeliveryRepository.DeliveryFilter(
          Optional.of(endpointId), Optional.empty(), Optional.empty()), cursor, 100);
      all.addAll(page.deliveries());
      cursor = page.nextCursor();
    } while (cursor.isPresent());
    Map<String, List<WebhookDelivery>> byEvent = all.stream().collect(Collectors.groupingBy(WebhookDelivery::eventId));
    if (!byEvent.keySet().equals(eventIds.keySet())) {
      violations.add("deliveries exist for " + byEvent.keySet() + " but the committed events are " + eventIds.keySet());
    }
    byEvent.forEach((eventId, list) -> {
      if (list.size() != 1) {
        violations.add("event " + eventId + " has " + list.size() + " deliveries to one endpoint");
      }
      list.forEach(delivery -> checkOne(delivery));
    });
  }

  private void checkOne(WebhookDelivery delivery) {
    List<DeliveryAttempt> log = delivery.attempts();
    boolean allFailedButLast = log.stream().limit(Math.max(0, log.size() - 1)).noneMatch(DeliveryAttempt::succeeded);
    String where = "delivery " + delivery.id() + " of " + delivery.eventId() + " (" + delivery.status() + ", "
        + log.size() + " attempts)";
    switch (delivery.status()) {
      case SUCCEEDED -> {
        if (log.isEmpty() || !log.getLast().succeeded() || !allFailedButLast) {
          violations.add(where + ": succeeded without a last, and only, successful attempt");
        }
      }
      case PENDING -> {
        if (delivery.nextAttemptAt().isEmpty() || log.stream().anyMatch(DeliveryAttempt::succeeded)
            || log.size() >= RetrySchedule.attempts()) {
          violations.add(where + ": pending without a next attempt, or after a success or the last attempt");
        }
      }
      case FAILED -> {
        if (log.size() != RetrySchedule.attempts() || log.stream().anyMatch(DeliveryAttempt::succeeded)) {
          violations.add(where + ": failed before its last attempt, or after a success");
        }
      }
      case CANCELLED -> violations.add(where + ": cancelled though its endpoint was never deleted");
    }
    for (int i = 0; i < log.size(); i++) {
      Instant due = RetrySchedule.due(log.getFirst().at(), i + 1).orElseThrow();
      if (log.get(i).number() != i + 1 || log.get(i).at().isBefore(due)) {
        violations.add(where + ": attempt " + log.get(i).number() + " at " + log.get(i).at() + ", due " + due);
      }
    }
  }

  /** The due index is shared by every seed's tenant: the sweeper here acts on this tenant's only. */
  private WebhookDeliveryRepository onlyThisTenant(WebhookDeliveryRepository all) {
    return new WebhookDeliveryRepository() {
      @Override
      public boolean create(WebhookDelivery delivery, Optional<Instant> releaseAt) {
        return all.create(delivery, releaseAt);
      }

      @Override
      public Optional<WebhookDelivery> find(String tenant, Mode mode, String deliveryId) {
        return all.find(tenant, mode, deliveryId);
      }

      @Override
      public boolean replace(WebhookDelivery next, Optional<Instant> releaseAt) {
        return all.replace(next, releaseAt);
      }

      @Override
      public List<Due> releasable(Instant now, int limit) {
        return all.releasable(now, 1000).stream().filter(due -> due.tenantId().equals(tenantId)).limit(limit)
            .toList();
      }

      @Override
      public boolean postponeRelease(Due due, long version, Instant releaseAt) {
        return all.postponeRelease(due, version, releaseAt);
      }

      @Override
      public DeliveryPage list(String tenant, Mode mode, DeliveryFilter filter, Optional<String> cursor, int limit) {
        return all.list(tenant, mode, filter, cursor, limit);
      }
    };
  }
}
