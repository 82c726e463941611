package io.tender.core.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The audit log in memory, with the same semantics as the DynamoDB one: gap-free sequences per
 * tenant, the same hashes, newest-first pages with the same cursors, the same verification. For
 * the unit tests of code that records audit events. The {@code tamper…} methods change stored
 * entries behind the log's back, to show that {@link #verify} notices.
 */
public final class InMemoryAuditLog implements AuditLog {
  private final Map<String, NavigableMap<Long, AuditEntry>> chains = new HashMap<>();

  @Override
  public synchronized AuditEntry append(String tenantId, AuditEvent event, Instant at) {
    AuditTenants.require(tenantId);
    if (event == null || at == null) {
      throw new IllegalArgumentException("an audit append needs an event and a time");
    }
    NavigableMap<Long, AuditEntry> chain = chains.computeIfAbsent(tenantId, t -> new TreeMap<>());
    Map.Entry<Long, AuditEntry> newest = chain.lastEntry();
    long sequence = newest == null ? 1 : newest.getKey() + 1;
    String previousHash = newest == null ? AuditChain.GENESIS : newest.getValue().hash();
    AuditEntry entry = new AuditEntry(tenantId, sequence, event, at, previousHash,
        AuditChain.hash(previousHash, tenantId, sequence, event, at));
    chain.put(sequence, entry);
    return entry;
  }

  @Override
  public synchronized AuditPage list(String tenantId, Optional<String> cursor, int limit) {
    AuditTenants.require(tenantId);
    AuditLog.requirePageSize(limit);
    NavigableMap<Long, AuditEntry> newestFirst = chain(tenantId).descendingMap();
    if (cursor.isPresent()) {
      newestFirst = newestFirst.tailMap(AuditCursor.sequenceBefore(tenantId, cursor.get()), false);
    }
    List<AuditEntry> page = newestFirst.values().stream().limit(limit).toList();
    return AuditPage.of(tenantId, page);
  }

  @Override
  public synchronized ChainVerification verify(String tenantId) {
    ChainVerifier verifier = new ChainVerifier(tenantId);
    for (AuditEntry entry : chain(tenantId).values()) {
      if (!verifier.accept(entry)) {
        break;
      }
    }
    return verifier.result();
  }

  @Override
  public synchronized Optional<ChainHead> head(String tenantId) {
    AuditTenants.require(tenantId);
    Map.Entry<Long, AuditEntry> newest = chain(tenantId).lastEntry();
    return Optional.ofNullable(newest)
        .map(e -> new ChainHead(tenantId, e.getKey(), e.getValue().hash()));
  }

  /** Every stored entry of the tenant, oldest first: for assertions. */
  public synchronized List<AuditEntry> entries(String tenantId) {
    return new ArrayList<>(chain(tenantId).values());
  }

  /** Stores {@code entry} at its tenant and sequence as it is, over whatever was there. */
  public synchronized void tamperReplace(AuditEntry entry) {
    chains.computeIfAbsent(entry.tenantId(), t -> new TreeMap<>()).put(entry.sequence(), entry);
  }

  /** Removes the stored entry at {@code sequence}. */
  public synchronized void tamperDelete(String tenantId, long sequence) {
    chain(tenantId).remove(sequence);
  }

  private NavigableMap<Long, AuditEntry> chain(String tenantId) {
    return chains.getOrDefault(tenantId, new TreeMap<>());
  }
}
