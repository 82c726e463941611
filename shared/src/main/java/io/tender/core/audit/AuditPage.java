package io.tender.core.audit;

import java.util.List;
import java.util.Optional;

/** One page of a tenant's entries, newest first, and the cursor to the next page when there is one. */
public record AuditPage(List<AuditEntry> entries, Optional<String> nextCursor) {

  public AuditPage {
    entries = List.copyOf(entries);
  }

  /**
   * The page holding {@code entries} (newest first). Sequences have no gaps, so a page whose
   * oldest entry is above 1 always has older entries after it.
   */
  public static AuditPage of(String tenantId, List<AuditEntry> entries) {
    if (entries.isEmpty()) {
      return new AuditPage(entries, Optional.empty());
    }
    long oldest = entries.get(entries.size() - 1).sequence();
    return new AuditPage(entries,
        oldest > 1 ? Optional.of(AuditCursor.before(tenantId, oldest)) : Optional.empty());
  }
}
