package io.tender.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * What every {@link AuditLog} does: numbering, linking, listing, concurrency, tenant isolation
 * and tamper detection. Each storage runs it with hooks that change its stored entries directly.
 */
public abstract class AuditLogContract {
  protected static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123456789Z");

  protected abstract AuditLog log();

  /** Sets the stored action of an entry, leaving its hash as it was. */
  protected abstract void overwriteStoredAction(String tenantId, long sequence, String action);

  /** Sets the stored details of an entry, leaving its hash as it was. */
  protected abstract void overwriteStoredDetails(String tenantId, long sequence,
      Map<String, String> details);

  /** Sets the stored details and hash of an entry. */
  protected abstract void overwriteStoredDetailsAndHash(String tenantId, long sequence,
      Map<String, String> details, String hash);

  /** Removes an entry from storage. */
  protected abstract void deleteStored(String tenantId, long sequence);

  protected static String newTenant() {
    return "ten_" + UUID.randomUUID().toString().replace("-", "");
  }

  protected static AuditEvent refundCreated(int n) {
    return new AuditEvent("refund.created", Actor.apiKey("key_" + n), "203.0.113." + n,
        "req_" + n, Map.of("refundId", "re_" + n, "amount", Integer.toString(100 * n)));
  }

  protected List<AuditEntry> appendMany(String tenantId, int count) {
    List<AuditEntry> appended = new ArrayList<>();
    for (int n = 1; n <= count; n++) {
      appended.add(log().append(tenantId, refundCreated(n), T0.plusSeconds(n)));
    }
    return appended;
  }

  @Test
  void appendsAreNumberedFromOneAndEachLinksToThePreviousHash() {
    String tenant = newTenant();

    List<AuditEntry> entries = appendMany(tenant, 3);

    assertThat(entries).extracting(AuditEntry::sequence).containsExactly(1L, 2L, 3L);
    assertThat(entries.get(0).previousHash()).isEqualTo(AuditChain.GENESIS);
    assertThat(entries.get(1).previousHash()).isEqualTo(entries.get(0).hash());
    assertThat(entries.get(2).previousHash()).isEqualTo(entries.get(1).hash());
    for (AuditEntry entry : entries) {
      assertThat(entry.tenantId()).isEqualTo(tenant);
      assertThat(entry.hash()).isEqualTo(AuditChain.hash(entry.previousHash(), tenant,
          entry.sequence(), entry.event(), entry.at()));
    }
    assertThat(entries).extracting(AuditEntry::hash).doesNotHaveDuplicates();
  }

  @Test
  void storedEntriesReadBackExactlyAsAppended() {
    String tenant = newTenant();
    AuditEntry full = log().append(tenant, new AuditEvent("api_key.created", Actor.user("usr_1"),
        "2001:db8::1", "req_9", Map.of("keyId", "key_7", "mode", "live", "note", "")), T0);
    AuditEntry bare = log().append(tenant,
        new AuditEvent("payment.expired", Actor.system("session-expiry"), null, null), T0.plusNanos(1));

    List<AuditEntry> listed = log().list(tenant, Optional.empty(), 10).entries();

    assertThat(listed).containsExactly(bare, full);
    assertThat(listed.get(0).event().ip()).isNull();
    assertThat(listed.get(0).event().details()).isEmpty();
    assertThat(listed.get(1).at()).isEqualTo(T0);
  }

  @Test
  void listingPagesNewestFirstAndTheCursorLeadsToTheNextPage() {
    String tenant = newTenant();
    appendMany(tenant, 7);

    AuditPage first = log().list(tenant, Optional.empty(), 3);
    assertThat(first.entries()).extracting(AuditEntry::sequence).containsExactly(7L, 6L, 5L);
    assertThat(first.nextCursor()).isPresent();

    AuditPage second = log().list(tenant, first.nextCursor(), 3);
    assertThat(second.entries()).extracting(AuditEntry::sequence).containsExactly(4L, 3L, 2L);
    assertThat(second.nextCursor()).isPresent();

    AuditPage last = log().list(tenant, second.nextCursor(), 3);
    assertThat(last.entries()).extracting(AuditEntry::sequence).containsExactly(1L);
    assertThat(last.nextCursor()).isEmpty();
  }

  @Test
  void aPageThatReachesTheFirstEntryHasNoCursor() {
    String tenant = newTenant();
    appendMany(tenant, 4);

    AuditPage all = log().list(tenant, Optional.empty(), 4);

    assertThat(all.entries()).extracting(AuditEntry::sequence).containsExactly(4L, 3L, 2L, 1L);
    assertThat(all.nextCursor()).isEmpty();
  }

  @Test
  void anEmptyLogListsNothingAndVerifiesIntact() {
    String tenant = newTenant();

    assertThat(log().list(tenant, Optional.empty(), 10))
        .isEqualTo(new AuditPage(List.of(), Optional.empty()));
    assertThat(log().verify(tenant)).isEqualTo(ChainVerification.intact(0));
    assertThat(log().head(tenant)).isEmpty();
  }

  @Test
  void aCursorFromOneTenantsListingIsRefusedInAnothers() {
    String tenantA = newTenant();
    String tenantB = newTenant();
    appendMany(tenantA, 5);
    appendMany(tenantB, 5);
    Optional<String> cursorOfA = log().list(tenantA, Optional.empty(), 2).nextCursor();
    assertThat(cursorOfA).isPresent();

    assertThatThrownBy(() -> log().list(tenantB, cursorOfA, 2))
        .isInstanceOf(InvalidAuditCursorException.class)
        .hasMessageContaining("another tenant");
    assertThat(log().list(tenantA, cursorOfA, 2).entries())
        .extracting(AuditEntry::sequence).containsExactly(3L, 2L);
  }

  @Test
  void cursorsTheListingDidNotIssueAreRefused() {
    String tenant = newTenant();
    appendMany(tenant, 3);

    for (String forged : List.of("", "not a cursor", "YTEuMDAwMC41", "%%%", "YTEu")) {
      assertThatThrownBy(() -> log().list(tenant, Optional.of(forged), 2))
          .as(forged).isInstanceOf(InvalidAuditCursorException.class);
    }
  }

  @Test
  void pageSizesOutsideOneToAHundredAreRefused() {
    String tenant = newTenant();
    appendMany(tenant, 2);

    assertThatThrownBy(() -> log().list(tenant, Optional.empty(), 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> log().list(tenant, Optional.empty(), 101))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(log().list(tenant, Optional.empty(), 1).entries()).hasSize(1);
    assertThat(log().list(tenant, Optional.empty(), 100).entries()).hasSize(2);
  }

  @Test
  void twentyConcurrentAppendsGetTwentyDistinctSequencesWithoutGaps() throws Exception {
    String tenant = newTenant();
    int appenders = 20;
    ExecutorService pool = Executors.newFixedThreadPool(appenders);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<AuditEntry>> results = new ArrayList<>();
      for (int n = 1; n <= appenders; n++) {
        int number = n;
        results.add(pool.submit(() -> {
          start.await();
          return log().append(tenant, refundCreated(number), T0.plusMillis(number));
        }));
      }
      start.countDown();
      List<Long> sequences = new ArrayList<>();
      for (Future<AuditEntry> result : results) {
        sequences.add(result.get(60, TimeUnit.SECONDS).sequence());
      }

      assertThat(sequences).containsExactlyInAnyOrderElementsOf(
          LongStream.rangeClosed(1, appenders).boxed().toList());
      List<AuditEntry> stored = log().list(tenant, Optional.empty(), 100).entries();
      assertThat(stored).extracting(AuditEntry::sequence).containsExactlyElementsOf(
          LongStream.iterate(appenders, s -> s >= 1, s -> s - 1).boxed().toList());
      assertThat(stored).extracting(e -> e.event().actor().id()).doesNotHaveDuplicates();
      assertThat(log().verify(tenant)).isEqualTo(ChainVerification.intact(appenders));
      assertThat(log().head(tenant))
          .contains(new ChainHead(tenant, appenders, stored.get(0).hash()));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void tenantsHaveIndependentChains() {
    String tenantA = newTenant();
    String tenantB = newTenant();
    AuditEvent same = refundCreated(1);

    AuditEntry firstOfA = log().append(tenantA, same, T0);
    AuditEntry firstOfB = log().append(tenantB, same, T0);
    log().append(tenantA, refundCreated(2), T0.plusSeconds(1));
    log().append(tenantA, refundCreated(3), T0.plusSeconds(2));
    AuditEntry secondOfB = log().append(tenantB, refundCreated(2), T0.plusSeconds(3));

    assertThat(firstOfB.sequence()).isEqualTo(1);
    assertThat(firstOfB.previousHash()).isEqualTo(AuditChain.GENESIS);
    assertThat(firstOfB.hash()).as("the tenant is part of the hash").isNotEqualTo(firstOfA.hash());
    assertThat(secondOfB.sequence()).isEqualTo(2);
    assertThat(secondOfB.previousHash()).isEqualTo(firstOfB.hash());
    assertThat(log().list(tenantB, Optional.empty(), 100).entries())
        .extracting(AuditEntry::tenantId).containsOnly(tenantB).hasSize(2);

    overwriteStoredAction(tenantA, 2, "refund.deleted");
    assertThat(log().verify(tenantA).intact()).isFalse();
    assertThat(log().verify(tenantB)).isEqualTo(ChainVerification.intact(2));
  }

  @Test
  void aChangedActionIsReportedAtItsSequence() {
    String tenant = newTenant();
    appendMany(tenant, 5);

    overwriteStoredAction(tenant, 3, "refund.cancelled");

    assertBroken(log().verify(tenant), 3, ChainVerification.CHANGED_ENTRY, 2);
  }

  @Test
  void changedDetailsAreReportedAtTheirSequence() {
    String tenant = newTenant();
    appendMany(tenant, 5);

    overwriteStoredDetails(tenant, 4, Map.of("refundId", "re_4", "amount", "1"));

    assertBroken(log().verify(tenant), 4, ChainVerification.CHANGED_ENTRY, 3);
  }

  @Test
  void aDeletedMiddleEntryIsReportedMissing() {
    String tenant = newTenant();
    appendMany(tenant, 5);

    deleteStored(tenant, 3);

    assertBroken(log().verify(tenant), 3, ChainVerification.MISSING_ENTRY, 2);
  }

  @Test
  void aDeletedFirstEntryIsReportedMissing() {
    String tenant = newTenant();
    appendMany(tenant, 3);

    deleteStored(tenant, 1);

    assertBroken(log().verify(tenant), 1, ChainVerification.MISSING_ENTRY, 0);
  }

  @Test
  void anEntryChangedAndRehashedBreaksTheLinkFromTheNextEntry() {
    String tenant = newTenant();
    List<AuditEntry> entries = appendMany(tenant, 5);
    AuditEntry original = entries.get(2);
    Map<String, String> forged = Map.of("refundId", "re_3", "amount", "1");
    AuditEvent forgedEvent = new AuditEvent(original.event().action(), original.event().actor(),
        original.event().ip(), original.event().requestId(), forged);
    String rehashed = AuditChain.hash(original.previousHash(), tenant, 3, forgedEvent, original.at());

    overwriteStoredDetailsAndHash(tenant, 3, forged, rehashed);

    assertBroken(log().verify(tenant), 4, ChainVerification.BROKEN_LINK, 3);
  }

  @Test
  void deletingTheNewestEntriesLeavesAShorterValidChainThatOnlyAnAnchoredHeadExposes() {
    String tenant = newTenant();
    appendMany(tenant, 5);
    ChainHead anchored = log().head(tenant).orElseThrow();

    deleteStored(tenant, 5);

    assertThat(log().verify(tenant))
        .as("the chain alone cannot tell it was cut short").isEqualTo(ChainVerification.intact(4));
    assertThat(log().head(tenant)).get().isNotEqualTo(anchored)
        .extracting(ChainHead::sequence).isEqualTo(4L);
  }

  @Test
  void appendsContinueTheChainAfterMany() {
    String tenant = newTenant();
    appendMany(tenant, 12);

    AuditEntry next = log().append(tenant, refundCreated(13), T0.plus(Duration.ofMinutes(1)));

    assertThat(next.sequence()).isEqualTo(13);
    assertThat(log().verify(tenant)).isEqualTo(ChainVerification.intact(13));
  }

  private static void assertBroken(ChainVerification verification, long sequence, String kind,
      long entriesChecked) {
    assertThat(verification.intact()).isFalse();
    assertThat(verification.firstBrokenSequence()).contains(sequence);
    assertThat(verification.problem()).get().asString().startsWith(kind + ": ");
    assertThat(verification.entriesChecked()).isEqualTo(entriesChecked);
  }
}
