package io.tender.core.idempotency;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The in-memory twin of the DynamoDB store: the same rules ({@link IdempotencyRecord}), each
 * write atomic per key as a conditional write is, and expired records kept until overwritten, as
 * TTL keeps them for a while.
 */
public final class InMemoryIdempotencyStore implements IdempotencyStore {
  private final Map<IdempotencyKey, IdempotencyRecord> records = new ConcurrentHashMap<>();
  private final Duration retention;

  public InMemoryIdempotencyStore(Duration retention) {
    this.retention = retention;
  }

  public InMemoryIdempotencyStore() {
    this(DEFAULT_RETENTION);
  }

  @Override
  public Claim claim(IdempotencyKey key, String requestHash, Instant now, Instant inProgressUntil) {
    IdempotencyRecord claim =
        IdempotencyRecord.inProgress(requestHash, now, inProgressUntil, retention);
    AtomicReference<Claim> answer = new AtomicReference<>(new Claim.Acquired());
    records.compute(key, (k, existing) -> {
      if (existing == null || existing.canBeClaimed(now)) {
        return claim;
      }
      answer.set(existing.answerTo(requestHash));
      return existing;
    });
    return answer.get();
  }

  @Override
  public boolean complete(
      IdempotencyKey key, String requestHash, StoredResponse response, Instant now) {
    IdempotencyRecord completed =
        IdempotencyRecord.completed(requestHash, response, now, retention);
    AtomicBoolean stored = new AtomicBoolean();
    records.computeIfPresent(key, (k, existing) -> {
      stored.set(existing.isHeldBy(requestHash));
      return stored.get() ? completed : existing;
    });
    return stored.get();
  }

  @Override
  public boolean release(IdempotencyKey key, String requestHash) {
    AtomicBoolean released = new AtomicBoolean();
    records.computeIfPresent(key, (k, existing) -> {
      released.set(existing.isHeldBy(requestHash));
      return released.get() ? null : existing;
    });
    return released.get();
  }

  /** The record as stored, expired or not: what a test inspects after the fact. */
  public Optional<IdempotencyRecord> recordOf(IdempotencyKey key) {
    return Optional.ofNullable(records.get(key));
  }
}
