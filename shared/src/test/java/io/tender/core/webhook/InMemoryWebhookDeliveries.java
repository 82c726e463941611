package io.tender.core.webhook;

import io.tender.core.tenant.Mode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The delivery repository's semantics in memory, for fast tests of the services above it. */
final class InMemoryWebhookDeliveries implements WebhookDeliveryRepository {
  private final Map<String, WebhookDelivery> deliveries = new ConcurrentHashMap<>();

  @Override
  public boolean create(WebhookDelivery delivery, Optional<Instant> releaseAt) {
    return deliveries.putIfAbsent(delivery.id(), delivery) == null;
  }

  @Override
  public Optional<WebhookDelivery> find(String tenantId, Mode mode, String deliveryId) {
    return Optional.ofNullable(deliveries.get(deliveryId))
        .filter(delivery -> delivery.tenantId().equals(tenantId) && delivery.mode() == mode);
  }

  @Override
  public boolean replace(WebhookDelivery next, Optional<Instant> releaseAt) {
    WebhookDelivery current = deliveries.get(next.id());
    return current != null && current.version() == next.version() - 1 && deliveries.replace(next.id(), current, next);
  }

  @Override
  public List<Due> releasable(Instant now, int limit) {
    return List.of();
  }

  @Override
  public boolean postponeRelease(Due due, long version, Instant releaseAt) {
    return false;
  }

  @Override
  public DeliveryPage list(String tenantId, Mode mode, DeliveryFilter filter, Optional<String> cursor, int limit) {
    List<WebhookDelivery> found = new ArrayList<>(deliveries.values().stream()
        .filter(d -> d.tenantId().equals(tenantId) && d.mode() == mode)
        .filter(d -> filter.endpointId().map(d.endpointId()::equals).orElse(true))
        .filter(d -> filter.eventId().map(d.eventId()::equals).orElse(true))
        .filter(d -> filter.status().map(s -> d.status() == s).orElse(true))
        .sorted(Comparator.comparing(WebhookDelivery::createdAt).thenComparing(WebhookDelivery::id).reversed())
        .toList());
    return new DeliveryPage(found.subList(0, Math.min(limit, found.size())), Optional.empty());
  }
}
