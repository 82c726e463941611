package io.tender.core.audit;

import java.util.OptionalLong;

/**
 * Walks one tenant's chain, fed its stored entries in ascending sequence order, and stops at the
 * first break: a sequence that skips (missing entry), an entry whose hash is not the hash of its
 * fields or that cannot be read (changed entry), or an entry whose previous hash is not the hash
 * of the entry before it (broken link). Storage adapters do the reading; the rules live here so
 * that every {@link AuditLog} judges a chain the same way.
 */
public final class ChainVerifier {
  private final String tenantId;
  private long expectedSequence = 1;
  private String expectedPreviousHash = AuditChain.GENESIS;
  private ChainVerification broken;

  public ChainVerifier(String tenantId) {
    this.tenantId = AuditTenants.require(tenantId);
  }

  /** Checks the next stored entry; false once the chain has broken, and the walk should stop. */
  public boolean accept(AuditEntry entry) {
    requireWalking();
    if (!entry.tenantId().equals(tenantId)) {
      throw new IllegalArgumentException("an entry of tenant " + entry.tenantId()
          + " fed to the verifier of tenant " + tenantId);
    }
    if (entry.sequence() != expectedSequence) {
      return outOfSequence(entry.sequence());
    }
    if (!entry.hashMatches()) {
      return breakAt(entry.sequence(), ChainVerification.CHANGED_ENTRY,
          "its hash is not the hash of its contents");
    }
    if (!entry.previousHash().equals(expectedPreviousHash)) {
      return breakAt(entry.sequence(), ChainVerification.BROKEN_LINK, entry.sequence() == 1
          ? "the first entry's previous hash is not the genesis hash"
          : "its previous hash is not the hash of entry " + (entry.sequence() - 1));
    }
    expectedSequence = entry.sequence() + 1;
    expectedPreviousHash = entry.hash();
    return true;
  }

  /**
   * Records that the next stored item could not be read as an entry; {@code sequence} is where
   * it is stored, when even that is readable. Always false: the chain is broken here.
   */
  public boolean acceptUnreadable(OptionalLong sequence, String why) {
    requireWalking();
    if (sequence.isPresent() && sequence.getAsLong() != expectedSequence) {
      return outOfSequence(sequence.getAsLong());
    }
    return breakAt(expectedSequence, ChainVerification.CHANGED_ENTRY, "it cannot be read: " + why);
  }

  /** Intact with the number of entries walked, or the first break. */
  public ChainVerification result() {
    return broken != null ? broken : ChainVerification.intact(expectedSequence - 1);
  }

  private boolean outOfSequence(long found) {
    if (found > expectedSequence) {
      return breakAt(expectedSequence, ChainVerification.MISSING_ENTRY,
          "the chain goes from " + (expectedSequence - 1) + " to " + found);
    }
    return breakAt(found, ChainVerification.CHANGED_ENTRY,
        "it is stored out of order, after entry " + (expectedSequence - 1));
  }

  private boolean breakAt(long sequence, String kind, String detail) {
    broken = ChainVerification.broken(expectedSequence - 1, sequence, kind, detail);
    return false;
  }

  private void requireWalking() {
    if (broken != null) {
      throw new IllegalStateException("the chain already broke at " + broken.firstBrokenSequence().get());
    }
  }
}
