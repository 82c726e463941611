package io.tender.core.audit;

import java.time.Instant;
import java.util.regex.Pattern;

/**
 * A recorded entry: its tenant, its place in the tenant's gap-free sequence (1, 2, 3, …), the
 * event, when it happened, the previous entry's hash ({@link AuditChain#GENESIS} for the first)
 * and its own hash, {@link AuditChain#hash} of all the rest.
 */
public record AuditEntry(String tenantId, long sequence, AuditEvent event, Instant at,
    String previousHash, String hash) {
  private static final Pattern SHA_256_HEX = Pattern.compile("[0-9a-f]{64}");

  public AuditEntry {
    AuditTenants.require(tenantId);
    if (sequence < 1) {
      throw new IllegalArgumentException("audit sequences start at 1: " + sequence);
    }
    if (event == null || at == null) {
      throw new IllegalArgumentException("an audit entry needs an event and a time");
    }
    requireHash(previousHash, "previousHash");
    requireHash(hash, "hash");
  }

  /** Whether {@link #hash} is the hash of this entry's other fields. */
  public boolean hashMatches() {
    return hash.equals(AuditChain.hash(previousHash, tenantId, sequence, event, at));
  }

  private static void requireHash(String value, String name) {
    if (value == null || !SHA_256_HEX.matcher(value).matches()) {
      throw new IllegalArgumentException(name + " is 64 lower-case hex digits: " + value);
    }
  }
}
