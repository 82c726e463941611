package io.tender.core.idempotency;

import java.time.Duration;
import java.time.Instant;

/**
 * Where idempotency records live. A record is "ours" while it is {@code IN_PROGRESS} with our
 * request hash; every write below is one conditional write, never a read followed by a write.
 *
 * <p>Ownership is the request hash, so a holder that outlived its {@code inProgressUntil} cannot
 * be told from a newer holder of the same request: its complete or release then acts on the
 * newer claim (storing an answer to the very same request, or freeing the key early). The
 * deadline is the caller's own remaining run time, after which it no longer runs.
 */
public interface IdempotencyStore {

  /** How long a record is kept, and replayed, after its last write unless a store is told else. */
  Duration DEFAULT_RETENTION = Duration.ofHours(24);

  /**
   * Claims the key for this request in ONE conditional write. The write succeeds when there is no
   * live record: none at all, one past its retention, or an {@code IN_PROGRESS} one whose holder's
   * {@code inProgressUntil} has passed (the holder died). Otherwise the record that is there
   * decides: another request hash is a {@link Claim.Mismatch}, a completed one a
   * {@link Claim.Replay}, an unfinished one {@link Claim.InProgress}.
   *
   * @param inProgressUntil when the claim may be taken over if this caller never completes nor
   *     releases it: the end of the caller's remaining run time
   */
  Claim claim(IdempotencyKey key, String requestHash, Instant now, Instant inProgressUntil);

  /**
   * Stores the terminal response, kept and replayed for at least the store's retention after
   * {@code now}. Conditional on the record still being ours: when it is not (it was taken over
   * after our {@code inProgressUntil} by another request, or already completed by a holder of the
   * same request), nothing is written and the answer is {@code false}.
   *
   * @return whether the response was stored
   */
  boolean complete(IdempotencyKey key, String requestHash, StoredResponse response, Instant now);

  /**
   * Gives the claim up after a transient failure, so that the next request with the key runs
   * afresh. Conditional on the record still being ours; otherwise nothing is deleted.
   *
   * @return whether a claim was released
   */
  boolean release(IdempotencyKey key, String requestHash);
}
