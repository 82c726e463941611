package io.tender.core.checkout;

import io.tender.core.tenant.Mode;
import java.time.Instant;
import java.util.List;

/** Checkout sessions whose time is up, found through the sparse due index, never by a scan. */
public interface SessionExpiries {

  /** A session that is due: enough to load it. */
  record Due(String tenantId, Mode mode, String sessionId) {}

  /** Up to {@code limit} sessions whose expiry is at or before {@code now}. */
  List<Due> dueBy(Instant now, int limit);

  /** Takes the session out of the due index: it has been dealt with. */
  void done(Due due);
}
