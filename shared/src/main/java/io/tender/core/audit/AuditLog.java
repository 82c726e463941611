package io.tender.core.audit;

import java.time.Instant;
import java.util.Optional;

/**
 * A tenant's append-only, hash-chained record of who did what. Entries are never updated or
 * deleted by the application; {@link #verify} shows whether anyone else has. See
 * {@link AuditChain} for what the chain can and cannot detect.
 *
 * <p>Each tenant has one chain across test and live mode: an action on a live key and one on a
 * test key are both things the tenant's people did.
 */
public interface AuditLog {
  int MAX_PAGE_SIZE = 100;

  /**
   * Records {@code event} as the tenant's next entry, linked to the current newest one. Appends
   * for one tenant are serialized by the storage; {@link AuditAppendContendedException} when too
   * many concurrent appends keep taking the next sequence first.
   */
  AuditEntry append(String tenantId, AuditEvent event, Instant at);

  /**
   * A page of the tenant's entries, newest first. {@code cursor} is a {@link AuditPage#nextCursor}
   * from an earlier page of the same tenant's listing; {@link InvalidAuditCursorException} for any
   * other. {@code limit} is 1 to {@value #MAX_PAGE_SIZE}.
   */
  AuditPage list(String tenantId, Optional<String> cursor, int limit);

  /** Walks the tenant's whole chain, oldest first, and reports the first break. */
  ChainVerification verify(String tenantId);

  /** The tenant's newest entry's sequence and hash, for anchoring; empty before the first append. */
  Optional<ChainHead> head(String tenantId);

  static int requirePageSize(int limit) {
    if (limit < 1 || limit > MAX_PAGE_SIZE) {
      throw new IllegalArgumentException("an audit page holds 1 to " + MAX_PAGE_SIZE + " entries: " + limit);
    }
    return limit;
  }
}
