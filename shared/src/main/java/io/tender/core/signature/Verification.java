package io.tender.core.signature;

import java.time.Instant;
import java.util.Objects;

/**
 * The outcome of checking a timestamped signature header. Neither variant carries a secret or an
 * expected signature, so either may be logged as it is.
 */
public sealed interface Verification {

  /** Whether the request may be trusted. */
  default boolean isVerified() {
    return this instanceof Verified;
  }

  /** A configured secret signed this body at {@code timestamp}, which lies within tolerance. */
  record Verified(Instant timestamp) implements Verification {
    public Verified {
      Objects.requireNonNull(timestamp, "timestamp");
    }
  }

  /** The request must be refused (401); {@code reason} says why, for the log. */
  record Rejected(Reason reason) implements Verification {
    public Rejected {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** Why a signature header was refused. */
  enum Reason {
    /** No header, or an empty one. */
    MISSING_HEADER,
    /** Not {@code t=<digits>,v1=<64 lowercase hex>,...}, or longer than the 8 KB cap. */
    MALFORMED_HEADER,
    /** Well formed but carries no {@code v1} signature (for example only {@code v0}). */
    NO_V1_SIGNATURE,
    /** Genuinely signed, but the timestamp is too old or too far in the future: a replay or skew. */
    TIMESTAMP_OUT_OF_TOLERANCE,
    /** No {@code v1} matches any configured secret: forged, tampered or signed with another secret. */
    SIGNATURE_MISMATCH,
    /** Nothing to verify against: fail closed rather than accept unsigned. */
    NO_SECRET_CONFIGURED
  }
}
