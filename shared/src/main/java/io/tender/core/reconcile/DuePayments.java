package io.tender.core.reconcile;

import io.tender.core.tenant.Mode;
import java.time.Instant;
import java.util.List;

/**
 * Payments whose next poll is due, found through the sparse due index, never by a scan. A payment
 * leaves the index by its own write: the version that no longer needs polling carries no due time.
 */
public interface DuePayments {

  /** A payment that is due: enough to load it. */
  record Due(String tenantId, Mode mode, String paymentId) {}

  /** Up to {@code limit} payments whose next poll is at or before {@code now}. */
  List<Due> dueBy(Instant now, int limit);
}
