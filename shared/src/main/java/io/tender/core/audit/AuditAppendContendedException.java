package io.tender.core.audit;

/**
 * An append lost the race for the tenant's next sequence on every attempt: other appends for the
 * same tenant kept taking it first. Nothing was written; the caller may retry later.
 */
public final class AuditAppendContendedException extends RuntimeException {
  public AuditAppendContendedException(String tenantId, int attempts) {
    super("audit append for tenant " + tenantId + " found its next sequence taken on "
        + attempts + " attempts in a row; nothing was written");
  }
}
