package io.tender.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The rules not reached through a storage: unreadable items, a bad first link, misuse. */
class ChainVerifierTest {
  private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");
  private static final AuditEvent EVENT = new AuditEvent("user.login", Actor.user("usr_1"), null, null);

  @Test
  void anUnreadableItemIsAChangedEntryAtItsSequence() {
    ChainVerifier verifier = new ChainVerifier("ten_1");
    assertThat(verifier.accept(entry(1, AuditChain.GENESIS))).isTrue();

    assertThat(verifier.acceptUnreadable(OptionalLong.of(2), "attribute hash is missing")).isFalse();

    ChainVerification result = verifier.result();
    assertThat(result.firstBrokenSequence()).contains(2L);
    assertThat(result.problem()).contains("changed entry: it cannot be read: attribute hash is missing");
    assertThat(result.entriesChecked()).isEqualTo(1);
  }

  @Test
  void anUnreadableItemAfterAGapReportsTheGapFirst() {
    ChainVerifier verifier = new ChainVerifier("ten_1");
    verifier.accept(entry(1, AuditChain.GENESIS));

    verifier.acceptUnreadable(OptionalLong.of(3), "no hash");

    assertThat(verifier.result().firstBrokenSequence()).contains(2L);
    assertThat(verifier.result().problem()).get().asString().startsWith("missing entry");
  }

  @Test
  void anItemWithoutAReadableSequenceBreaksTheChainWhereTheNextEntryBelongs() {
    ChainVerifier verifier = new ChainVerifier("ten_1");

    verifier.acceptUnreadable(OptionalLong.empty(), "sort key x is not a sequence");

    assertThat(verifier.result().firstBrokenSequence()).contains(1L);
  }

  @Test
  void aFirstEntryThatDoesNotStartFromGenesisIsABrokenLink() {
    ChainVerifier verifier = new ChainVerifier("ten_1");

    assertThat(verifier.accept(entry(1, "1".repeat(64)))).isFalse();

    assertThat(verifier.result().firstBrokenSequence()).contains(1L);
    assertThat(verifier.result().problem()).get().asString().startsWith("broken link");
  }

  @Test
  void theWalkStopsAtTheFirstBreakAndRefusesAnotherTenantsEntries() {
    ChainVerifier verifier = new ChainVerifier("ten_1");
    assertThatThrownBy(() -> verifier.accept(new AuditEntry("ten_2", 1, EVENT, AT,
        AuditChain.GENESIS, AuditChain.hash(AuditChain.GENESIS, "ten_2", 1, EVENT, AT))))
        .isInstanceOf(IllegalArgumentException.class);

    verifier.accept(entry(2, AuditChain.GENESIS));
    assertThatThrownBy(() -> verifier.accept(entry(1, AuditChain.GENESIS)))
        .isInstanceOf(IllegalStateException.class);
  }

  private static AuditEntry entry(long sequence, String previousHash) {
    return new AuditEntry("ten_1", sequence, EVENT, AT, previousHash,
        AuditChain.hash(previousHash, "ten_1", sequence, EVENT, AT));
  }
}
