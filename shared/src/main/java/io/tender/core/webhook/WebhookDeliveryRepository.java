package io.tender.core.webhook;

import io.tender.core.tenant.Mode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where deliveries and their attempt logs are kept. {@code releaseAt} is when the retry sweeper
 * must hand a pending delivery to the queue if nothing else has (see {@link WebhookDispatcher}).
 */
public interface WebhookDeliveryRepository {

  /** False when a delivery with this id exists (a repeated fan-out). */
  boolean create(WebhookDelivery delivery, Optional<Instant> releaseAt);

  Optional<WebhookDelivery> find(String tenantId, Mode mode, String deliveryId);

  /** False when the stored delivery is no longer at {@code next.version() - 1}. */
  boolean replace(WebhookDelivery next, Optional<Instant> releaseAt);

  /** Pending deliveries whose release time has come, across tenants, at most {@code limit}. */
  List<Due> releasable(Instant now, int limit);

  /** Moves a released delivery's release time on, if it is still at {@code version}. */
  boolean postponeRelease(Due due, long version, Instant releaseAt);

  /** A tenant's deliveries, newest first, filtered; {@code cursor} from the previous page. */
  DeliveryPage list(String tenantId, Mode mode, DeliveryFilter filter, Optional<String> cursor, int limit);

  /** A delivery found through the due index. */
  record Due(String tenantId, Mode mode, String deliveryId) {}

  record DeliveryFilter(Optional<String> endpointId, Optional<String> eventId, Optional<WebhookDelivery.Status> status) {}

  record DeliveryPage(List<WebhookDelivery> deliveries, Optional<String> nextCursor) {}
}
