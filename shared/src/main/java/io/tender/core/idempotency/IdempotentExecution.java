package io.tender.core.idempotency;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Runs a request at most once per idempotency key: claim, run, then complete or release.
 *
 * <p>Only terminal answers are stored. A response below 500 is completed and replayed to every
 * later request with the same key and body. A 5xx response, or an exception from the work,
 * releases the claim instead, so that a retry runs afresh and no failure is ever replayed.
 *
 * <p>A holder that outlives its claim (another request took the key over after
 * {@code inProgressUntil}) still gets its own result as {@link Outcome.Executed}, but the store
 * refuses to record it, so the answer already stored, or about to be, by the newer holder stands.
 */
public final class IdempotentExecution {
  /** Set to {@code true} on replayed responses, as Stripe does. */
  public static final String REPLAYED_HEADER = "Idempotent-Replayed";

  private final IdempotencyStore store;
  private final Clock clock;

  public IdempotentExecution(IdempotencyStore store, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** How a request with an idempotency key was answered; see each case for its HTTP mapping. */
  public sealed interface Outcome {
    /** This call ran the work: answer with {@code r} as it is. */
    record Executed(StoredResponse r) implements Outcome {}

    /** An earlier call ran it: answer with {@code r} plus {@code Idempotent-Replayed: true}. */
    record Replayed(StoredResponse r) implements Outcome {}

    /** Another call with this key is still running: 409 {@code idempotency_key_in_use}. */
    record Conflict() implements Outcome {}

    /** This key was used with a different request: 422 {@code idempotency_error}. */
    record Mismatched() implements Outcome {}
  }

  /**
   * @param requestHash the request's {@link RequestFingerprint}
   * @param remaining how long this caller may still run (the Lambda's remaining time); the claim
   *     can be taken over once it has passed, so it must cover the work and its completion
   * @param work runs the request; exceptions propagate after the claim is released
   */
  public Outcome execute(IdempotencyKey key, String requestHash, Duration remaining,
      Supplier<StoredResponse> work) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(requestHash, "requestHash");
    Objects.requireNonNull(work, "work");
    if (remaining.isNegative() || remaining.isZero()) {
      throw new IllegalArgumentException("no time remains to run the request: " + remaining);
    }
    Instant now = clock.instant();
    return switch (store.claim(key, requestHash, now, now.plus(remaining))) {
      case Claim.Acquired acquired -> run(key, requestHash, work);
      case Claim.Replay replay -> new Outcome.Replayed(replay.response());
      case Claim.InProgress inProgress -> new Outcome.Conflict();
      case Claim.Mismatch mismatch -> new Outcome.Mismatched();
    };
  }

  private Outcome run(IdempotencyKey key, String requestHash, Supplier<StoredResponse> work) {
    StoredResponse response;
    try {
      response = Objects.requireNonNull(work.get(), "the work returned no response");
    } catch (Throwable failure) {
      releaseAfter(failure, key, requestHash);
      throw failure;
    }
    if (response.isServerError()) {
      store.release(key, requestHash);
    } else {
      // A failure to store propagates and the claim is kept, not released: the work has taken
      // effect, so only the holder's deadline may let the key run again.
      store.complete(key, requestHash, response, clock.instant());
    }
    return new Outcome.Executed(response);
  }

  private void releaseAfter(Throwable failure, IdempotencyKey key, String requestHash) {
    try {
      store.release(key, requestHash);
    } catch (RuntimeException releaseFailure) {
      // The work's failure is the one the caller must see; the claim lapses at its deadline.
      failure.addSuppressed(releaseFailure);
    }
  }
}
