package io.tender.core.audit;

import java.util.Optional;

/**
 * The result of walking a tenant's chain from its first entry: intact, or the first sequence
 * where it breaks and why. {@code entriesChecked} counts the entries found sound before the walk
 * stopped, so for an intact chain it is the chain's length.
 *
 * <p>{@code problem} starts with one of {@link #CHANGED_ENTRY}, {@link #MISSING_ENTRY} or
 * {@link #BROKEN_LINK}, followed by a detail for the operator.
 */
public record ChainVerification(boolean intact, long entriesChecked,
    Optional<Long> firstBrokenSequence, Optional<String> problem) {
  /** The entry's stored hash is not the hash of its fields, or the entry cannot be read. */
  public static final String CHANGED_ENTRY = "changed entry";
  /** The sequence skips: the entry that belongs at this sequence is not there. */
  public static final String MISSING_ENTRY = "missing entry";
  /** The entry's previous hash is not the hash of the entry before it. */
  public static final String BROKEN_LINK = "broken link";

  public static ChainVerification intact(long entriesChecked) {
    return new ChainVerification(true, entriesChecked, Optional.empty(), Optional.empty());
  }

  public static ChainVerification broken(long entriesChecked, long sequence, String kind,
      String detail) {
    return new ChainVerification(false, entriesChecked, Optional.of(sequence),
        Optional.of(kind + ": " + detail));
  }
}
