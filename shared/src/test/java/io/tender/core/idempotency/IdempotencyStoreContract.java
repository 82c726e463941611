package io.tender.core.idempotency;

import io.tender.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tender.core.idempotency.IdempotentExecution.Outcome;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link IdempotencyStore} must do, checked through {@link IdempotentExecution} and
 * through the store directly. Each test works under a tenant of its own, so that stores backed by
 * one shared table need no cleaning between tests.
 */
public abstract class IdempotencyStoreContract {
  protected static final String ROUTE = "POST /api/v1/refunds";
  private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
  private static final Duration REMAINING = Duration.ofSeconds(30);
  private static final StoredResponse CREATED = new StoredResponse(
      201, "{\"id\":\"re_1\",\"amount\":500}",
      Map.of("content-type", "application/json", "location", "/api/v1/refunds/re_1"));
  private static final String HASH = hash("{\"payment\":\"pay_1\",\"amount\":500}");
  private static final String OTHER_HASH = hash("{\"payment\":\"pay_1\",\"amount\":900}");

  /** The store under test, keeping records for {@link IdempotencyStore#DEFAULT_RETENTION}. */
  protected abstract IdempotencyStore store();

  private MutableClock clock;
  private IdempotentExecution execution;
  private String tenant;
  private final AtomicInteger runs = new AtomicInteger();

  @BeforeEach
  void freshTenantAndClock() {
    clock = new MutableClock(T0);
    execution = new IdempotentExecution(store(), clock);
    tenant = "ten_" + UUID.randomUUID().toString().replace("-", "");
  }

  @Test
  void theFirstRequestRunsAndARetryReplaysItsAnswer() {
    IdempotencyKey key = key("order-1");

    assertThat(execute(key, HASH, respond(CREATED))).isEqualTo(new Outcome.Executed(CREATED));
    clock.advance(Duration.ofMinutes(5));
    assertThat(execute(key, HASH, respond(CREATED))).isEqualTo(new Outcome.Replayed(CREATED));
    assertThat(runs).hasValue(1);
  }

  @Test
  void fiftyConcurrentRequestsWithOneKeyRunTheWorkOnce() throws Exception {
    IdempotencyKey key = key("concurrent");
    int callers = 50;
    CountDownLatch ready = new CountDownLatch(callers);
    CountDownLatch start = new CountDownLatch(1);
    // Slow enough that callers arrive both while it runs (409) and after it completed (replay).
    Supplier<StoredResponse> slowWork = () -> {
      runs.incrementAndGet();
      sleep(Duration.ofMillis(200));
      return CREATED;
    };
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    try {
      List<Future<Outcome>> futures = new ArrayList<>();
      for (int i = 0; i < callers; i++) {
        int caller = i;
        futures.add(pool.submit(() -> {
          ready.countDown();
          start.await();
          // Half arrive at once, contending for the claim; half trickle in while and after
          // the work runs.
          sleep(Duration.ofMillis(caller % 2 == 0 ? 0 : caller * 10L));
          return execution.execute(key, HASH, REMAINING, slowWork);
        }));
      }
      ready.await();
      start.countDown();
      List<Outcome> outcomes = new ArrayList<>();
      for (Future<Outcome> future : futures) {
        outcomes.add(future.get(60, TimeUnit.SECONDS));
      }

      assertThat(runs).hasValue(1);
      assertThat(outcomes).filteredOn(Outcome.Executed.class::isInstance)
          .containsExactly(new Outcome.Executed(CREATED));
      assertThat(outcomes).filteredOn(outcome -> !(outcome instanceof Outcome.Executed))
          .hasSize(callers - 1)
          .allSatisfy(outcome -> assertThat(outcome)
              .isIn(new Outcome.Replayed(CREATED), new Outcome.Conflict()));
    } finally {
      pool.shutdownNow();
    }
    assertThat(execute(key, HASH, respond(CREATED))).isEqualTo(new Outcome.Replayed(CREATED));
  }

  @Test
  void anotherBodyUnderTheKeyIsMismatchedWhileTheFirstRunsAndAfterItCompleted() {
    IdempotencyKey key = key("reused");
    AtomicInteger otherRuns = new AtomicInteger();
    Supplier<StoredResponse> otherWork = () -> {
      otherRuns.incrementAndGet();
      return CREATED;
    };

    Outcome first = execute(key, HASH, () -> {
      runs.incrementAndGet();
      assertThat(execution.execute(key, OTHER_HASH, REMAINING, otherWork))
          .isEqualTo(new Outcome.Mismatched());
      return CREATED;
    });
    Outcome afterCompletion = execute(key, OTHER_HASH, otherWork);

    assertThat(first).isEqualTo(new Outcome.Executed(CREATED));
    assertThat(afterCompletion).isEqualTo(new Outcome.Mismatched());
    assertThat(otherRuns).hasValue(0);
    assertThat(execute(key, HASH, respond(CREATED))).isEqualTo(new Outcome.Replayed(CREATED));
    assertThat(runs).hasValue(1);
  }

  @Test
  void aCrashedHolderBlocksTheKeyUntilItsDeadlineOnly() {
    IdempotencyKey key = key("crashed");
    Instant deadline = T0.plus(REMAINING);
    assertThat(store().claim(key, HASH, T0, deadline)).isEqualTo(new Claim.Acquired());

    clock.set(T0.plusSeconds(10));
    assertThat(execute(key, HASH, respond(CREATED))).isEqualTo(new Outcome.Conflict());
    clock.set(deadline);
    assertThat(execute(key, HASH, respond(CREATED))).isEqualTo(new Outcome.Conflict());
    assertThat(runs).hasValue(0);

    clock.set(deadline.plusMillis(1));
    assertThat(execute(key, HASH, respond(CREATED))).isEqualTo(new Outcome.Executed(CREATED));
    assertThat(execute(key, HASH, respond(CREATED))).isEqualTo(new Outcome.Replayed(CREATED));
    assertThat(runs).hasValue(1);
  }

  @Test
  void aServerErrorIsReleasedAndNeverReplayed() {
    IdempotencyKey key = key("unavailable");
    StoredResponse unavailable = new StoredResponse(503, "{\"error\":\"provider_unavailable\"}",
        Map.of("content-type", "application/json"));

    assertThat(execute(key, HASH, respond(unavailable)))
        .isEqualTo(new Outcome.Executed(unavailable));
    assertThat(execute(key, HASH, respond(unavailable)))
        .isEqualTo(new Outcome.Executed(unavailable));
    assertThat(execute(key, HASH, respond(CREATED))).isEqualTo(new Outcome.Executed(CREATED));
    assertThat(execute(key, HASH, respond(unavailable)))
        .isEqualTo(new Outcome.Replayed(CREATED));
    assertThat(runs).hasValue(3);
  }

  @Test
  void anExceptionReleasesTheClaimAndPropagates() {
    IdempotencyKey key = key("throws");
    IllegalStateException failure = new IllegalStateException("provider timed out");

    assertThatThrownBy(() -> execute(key, HASH, () -> {
      runs.incrementAndGet();
      throw failure;
    })).isSameAs(failure);

    assertThat(execute(key, HASH, respond(CREATED))).isEqualTo(new Outcome.Executed(CREATED));
    assertThat(runs).hasValue(2);
  }

  @Test
  void aClientErrorIsATerminalAnswerAndIsReplayed() {
    IdempotencyKey key = key("declined");
    StoredResponse declined = new StoredResponse(402, "{\"error\":\"card_declined\"}",
        Map.of("content-type", "application/json"));

    assertThat(execute(key, HASH, respond(declined))).isEqualTo(new Outcome.Executed(declined));
    assertThat(execute(key, HASH, respond(CREATED))).isEqualTo(new Outcome.Replayed(declined));
    assertThat(runs).hasValue(1);
  }

  @Test
  void aRecordIsReplayedForTheRetentionThenTreatedAsAbsentThoughNotYetDeleted() {
    IdempotencyKey key = key("expiring");
    execute(key, HASH, respond(CREATED));

    clock.set(T0.plus(IdempotencyStore.DEFAULT_RETENTION));
    assertThat(execute(key, HASH, respond(CREATED))).isEqualTo(new Outcome.Replayed(CREATED));
    assertThat(execute(key, OTHER_HASH, respond(CREATED))).isEqualTo(new Outcome.Mismatched());

    clock.set(T0.plus(IdempotencyStore.DEFAULT_RETENTION).plusSeconds(1));
    StoredResponse second = new StoredResponse(201, "{\"id\":\"re_2\"}", Map.of());
    assertThat(execute(key, OTHER_HASH, respond(second))).isEqualTo(new Outcome.Executed(second));
    assertThat(execute(key, OTHER_HASH, respond(CREATED))).isEqualTo(new Outcome.Replayed(second));
    assertThat(runs).hasValue(2);
  }

  @Test
  void theSameKeyUnderAnotherTenantModeOrRouteIsAnotherKey() {
    String otherTenant = tenant + "x";
    List<IdempotencyKey> keys = List.of(
        new IdempotencyKey(tenant, "test", ROUTE, "shared-key"),
        new IdempotencyKey(otherTenant, "test", ROUTE, "shared-key"),
        new IdempotencyKey(tenant, "live", ROUTE, "shared-key"),
        new IdempotencyKey(tenant, "test", "POST /api/v1/payments", "shared-key"));

    for (int i = 0; i < keys.size(); i++) {
      StoredResponse own = new StoredResponse(201, "{\"n\":" + i + "}", Map.of());
      assertThat(execute(keys.get(i), HASH, respond(own))).isEqualTo(new Outcome.Executed(own));
    }
    for (int i = 0; i < keys.size(); i++) {
      StoredResponse own = new StoredResponse(201, "{\"n\":" + i + "}", Map.of());
      assertThat(execute(keys.get(i), HASH, respond(CREATED)))
          .isEqualTo(new Outcome.Replayed(own));
    }
    assertThat(runs).hasValue(keys.size());
  }

  @Test
  void aHolderThatOutlivedItsClaimGetsItsAnswerButCannotOverwriteTheNewerOne() {
    IdempotencyKey key = key("late");
    StoredResponse lateAnswer = new StoredResponse(201, "{\"by\":\"late\"}", Map.of());
    StoredResponse newerAnswer = new StoredResponse(201, "{\"by\":\"newer\"}", Map.of());

    Outcome late = execute(key, HASH, () -> {
      runs.incrementAndGet();
      clock.advance(REMAINING.plusSeconds(1));
      assertThat(execute(key, HASH, respond(newerAnswer)))
          .isEqualTo(new Outcome.Executed(newerAnswer));
      return lateAnswer;
    });

    assertThat(late).isEqualTo(new Outcome.Executed(lateAnswer));
    assertThat(execute(key, HASH, respond(CREATED))).isEqualTo(new Outcome.Replayed(newerAnswer));
  }

  @Test
  void aCompletedAnswerCannotBeOverwrittenByAnotherCompletion() {
    IdempotencyKey key = key("completed-once");
    store().claim(key, HASH, T0, T0.plus(REMAINING));
    assertThat(store().complete(key, HASH, CREATED, T0.plusSeconds(1))).isTrue();

    StoredResponse other = new StoredResponse(200, "{}", Map.of());
    assertThat(store().complete(key, HASH, other, T0.plusSeconds(2))).isFalse();
    assertThat(store().claim(key, HASH, T0.plusSeconds(3), T0.plusSeconds(33)))
        .isEqualTo(new Claim.Replay(CREATED));
  }

  @Test
  void anotherRequestMayTakeOverAnAbandonedClaimAndTheOldHolderCannotTouchIt() {
    IdempotencyKey key = key("taken-over");
    store().claim(key, HASH, T0, T0.plusSeconds(10));
    Instant later = T0.plusSeconds(11);
    assertThat(store().claim(key, OTHER_HASH, later, later.plus(REMAINING)))
        .isEqualTo(new Claim.Acquired());

    assertThat(store().release(key, HASH)).isFalse();
    assertThat(store().complete(key, HASH, CREATED, later)).isFalse();
    assertThat(store().claim(key, OTHER_HASH, later.plusSeconds(1), later.plusSeconds(31)))
        .isEqualTo(new Claim.InProgress());
    assertThat(store().claim(key, HASH, later.plusSeconds(1), later.plusSeconds(31)))
        .isEqualTo(new Claim.Mismatch());
  }

  @Test
  void onlyTheHolderOfTheRequestCanReleaseOrCompleteAClaim() {
    IdempotencyKey key = key("held");
    assertThat(store().release(key, HASH)).isFalse();
    assertThat(store().complete(key, HASH, CREATED, T0)).isFalse();
    assertThat(store().claim(key, HASH, T0, T0.plus(REMAINING))).isEqualTo(new Claim.Acquired());

    assertThat(store().release(key, OTHER_HASH)).isFalse();
    assertThat(store().complete(key, OTHER_HASH, CREATED, T0)).isFalse();
    assertThat(store().claim(key, HASH, T0.plusSeconds(1), T0.plusSeconds(31)))
        .isEqualTo(new Claim.InProgress());

    assertThat(store().release(key, HASH)).isTrue();
    assertThat(store().claim(key, OTHER_HASH, T0.plusSeconds(2), T0.plusSeconds(32)))
        .isEqualTo(new Claim.Acquired());
  }

  @Test
  void anEmptyBodyAndNoHeadersAreReplayedAsStored() {
    IdempotencyKey key = key("no-content");
    StoredResponse noContent = new StoredResponse(204, "", Map.of());

    execute(key, HASH, respond(noContent));

    assertThat(execute(key, HASH, respond(CREATED))).isEqualTo(new Outcome.Replayed(noContent));
  }

  protected final IdempotencyKey key(String key) {
    return new IdempotencyKey(tenant, "test", ROUTE, key);
  }

  private Outcome execute(IdempotencyKey key, String requestHash, Supplier<StoredResponse> work) {
    return execution.execute(key, requestHash, REMAINING, work);
  }

  private Supplier<StoredResponse> respond(StoredResponse response) {
    return () -> {
      runs.incrementAndGet();
      return response;
    };
  }

  private static String hash(String body) {
    return RequestFingerprint.of("POST", ROUTE, body.getBytes(StandardCharsets.UTF_8));
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
