package io.tender.core.audit;

import java.util.Map;

/** The in-memory twin keeps the contract the DynamoDB log keeps. */
class InMemoryAuditLogTest extends AuditLogContract {
  private final InMemoryAuditLog log = new InMemoryAuditLog();

  @Override
  protected AuditLog log() {
    return log;
  }

  @Override
  protected void overwriteStoredAction(String tenantId, long sequence, String action) {
    AuditEntry stored = stored(tenantId, sequence);
    AuditEvent event = stored.event();
    replace(stored, new AuditEvent(action, event.actor(), event.ip(), event.requestId(),
        event.details()), stored.hash());
  }

  @Override
  protected void overwriteStoredDetails(String tenantId, long sequence, Map<String, String> details) {
    AuditEntry stored = stored(tenantId, sequence);
    replace(stored, withDetails(stored.event(), details), stored.hash());
  }

  @Override
  protected void overwriteStoredDetailsAndHash(String tenantId, long sequence,
      Map<String, String> details, String hash) {
    AuditEntry stored = stored(tenantId, sequence);
    replace(stored, withDetails(stored.event(), details), hash);
  }

  @Override
  protected void deleteStored(String tenantId, long sequence) {
    log.tamperDelete(tenantId, sequence);
  }

  private AuditEntry stored(String tenantId, long sequence) {
    return log.entries(tenantId).stream().filter(e -> e.sequence() == sequence).findFirst()
        .orElseThrow();
  }

  private void replace(AuditEntry stored, AuditEvent event, String hash) {
    log.tamperReplace(new AuditEntry(stored.tenantId(), stored.sequence(), event, stored.at(),
        stored.previousHash(), hash));
  }

  private static AuditEvent withDetails(AuditEvent event, Map<String, String> details) {
    return new AuditEvent(event.action(), event.actor(), event.ip(), event.requestId(), details);
  }
}
