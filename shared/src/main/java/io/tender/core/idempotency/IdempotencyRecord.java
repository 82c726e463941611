package io.tender.core.idempotency;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One stored idempotency record and the rules every store applies to it, so that the DynamoDB
 * store and the in-memory one cannot drift apart. Times are kept at the precision the table keeps
 * them: {@code inProgressUntil} in epoch milliseconds, {@code expiresAt} in epoch seconds (the
 * table's TTL attribute).
 *
 * @param inProgressUntilMillis meaningful while {@code IN_PROGRESS}; 0 once completed
 * @param response present once {@code COMPLETED}; null while in progress
 */
public record IdempotencyRecord(
    String requestHash,
    Status status,
    long inProgressUntilMillis,
    long expiresAtSeconds,
    StoredResponse response) {

  public enum Status { IN_PROGRESS, COMPLETED }

  public IdempotencyRecord {
    Objects.requireNonNull(requestHash, "requestHash");
    Objects.requireNonNull(status, "status");
    if ((status == Status.COMPLETED) != (response != null)) {
      throw new IllegalArgumentException("a record has a response exactly when it is completed");
    }
  }

  /**
   * A fresh claim. It outlives its holder's deadline as well as the retention, so that a record
   * still blocking the key is never one that counts as expired.
   */
  public static IdempotencyRecord inProgress(
      String requestHash, Instant now, Instant inProgressUntil, Duration retention) {
    if (!inProgressUntil.isAfter(now)) {
      throw new IllegalArgumentException("inProgressUntil must be after now");
    }
    Instant keepUntil = later(now.plus(retention), inProgressUntil);
    return new IdempotencyRecord(requestHash, Status.IN_PROGRESS, inProgressUntil.toEpochMilli(),
        epochSecondsRoundedUp(keepUntil), null);
  }

  /** The terminal record, kept for at least {@code retention} after {@code now}. */
  public static IdempotencyRecord completed(
      String requestHash, StoredResponse response, Instant now, Duration retention) {
    return new IdempotencyRecord(requestHash, Status.COMPLETED, 0,
        epochSecondsRoundedUp(now.plus(retention)), response);
  }

  /** Past its retention: treated as absent, whether or not TTL has deleted it yet. */
  public boolean isExpired(Instant now) {
    return expiresAtSeconds < now.getEpochSecond();
  }

  /** An unfinished claim whose holder's deadline has passed: the holder is presumed dead. */
  public boolean isAbandoned(Instant now) {
    return status == Status.IN_PROGRESS && inProgressUntilMillis < now.toEpochMilli();
  }

  /** Whether a new claim may overwrite this record; the negation of what the record blocks. */
  public boolean canBeClaimed(Instant now) {
    return isExpired(now) || isAbandoned(now);
  }

  /** Whether {@code complete} or {@code release} by the holder of this request may touch it. */
  public boolean isHeldBy(String requestHash) {
    return status == Status.IN_PROGRESS && this.requestHash.equals(requestHash);
  }

  /**
   * What a claim that found this live record gets. A different request is a mismatch before
   * anything else, so that a reused key never replays an answer to another request.
   */
  public Claim answerTo(String requestHash) {
    if (!this.requestHash.equals(requestHash)) {
      return new Claim.Mismatch();
    }
    return switch (status) {
      case COMPLETED -> new Claim.Replay(response);
      case IN_PROGRESS -> new Claim.InProgress();
    };
  }

  private static long epochSecondsRoundedUp(Instant instant) {
    return instant.getNano() == 0 ? instant.getEpochSecond() : instant.getEpochSecond() + 1;
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
