package io.tender.core.idempotency;

/** What {@link IdempotencyStore#claim} found: whether the caller may run the request. */
public sealed interface Claim {

  /** The key was free (or free again): this caller runs the request. */
  record Acquired() implements Claim {}

  /** The same request completed before: answer with its stored response. */
  record Replay(StoredResponse response) implements Claim {}

  /** Another caller holds the key with the same request and has not finished: 409. */
  record InProgress() implements Claim {}

  /** The key was used with a different request: 422, whatever state the first one is in. */
  record Mismatch() implements Claim {}
}
