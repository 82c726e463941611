package io.tender.core.webhook;

import io.tender.core.tenant.Mode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The committed merchant events, kept 30 days. */
public interface MerchantEventStore {

  Optional<StoredEvent> find(String tenantId, Mode mode, String eventId);

  /**
   * Events after {@code after} (an event id), unexpired at {@code now}, in the order their changes
   * were committed and, within one change, in the order the change made them.
   */
  List<StoredEvent> after(String tenantId, Mode mode, Optional<String> after, int limit, Instant now);
}
