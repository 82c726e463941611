package io.tender.core.idempotency;

import io.tender.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tender.core.idempotency.IdempotentExecution.Outcome;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The orchestration alone, on the in-memory twin: what is stored, released and propagated. */
class IdempotentExecutionTest {
  private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
  private static final IdempotencyKey KEY =
      new IdempotencyKey("ten_1", "live", "POST /api/v1/payments", "3f1c2a9e-order-77");
  private static final String HASH = RequestFingerprint.of("POST", "/api/v1/payments",
      "{\"amount\":1000}".getBytes(StandardCharsets.UTF_8));
  private static final StoredResponse CREATED =
      new StoredResponse(201, "{\"id\":\"pay_1\"}", Map.of("content-type", "application/json"));

  private final MutableClock clock = new MutableClock(T0);
  private final InMemoryIdempotencyStore store = new InMemoryIdempotencyStore();
  private final IdempotentExecution execution = new IdempotentExecution(store, clock);
  private final AtomicInteger runs = new AtomicInteger();

  @Test
  void theClaimLastsForTheCallersRemainingTime() {
    execution.execute(KEY, HASH, Duration.ofSeconds(12), () -> {
      assertThat(store.recordOf(KEY)).hasValueSatisfying(record -> {
        assertThat(record.status()).isEqualTo(IdempotencyRecord.Status.IN_PROGRESS);
        assertThat(record.inProgressUntilMillis()).isEqualTo(T0.plusSeconds(12).toEpochMilli());
      });
      return CREATED;
    });
  }

  @Test
  void theAnswerIsKeptForTheRetentionCountedFromCompletion() {
    execution.execute(KEY, HASH, Duration.ofSeconds(30), () -> {
      clock.advance(Duration.ofSeconds(7));
      return CREATED;
    });

    assertThat(store.recordOf(KEY)).hasValueSatisfying(record -> {
      assertThat(record.status()).isEqualTo(IdempotencyRecord.Status.COMPLETED);
      assertThat(record.response()).isEqualTo(CREATED);
      assertThat(record.expiresAtSeconds())
          .isEqualTo(T0.plusSeconds(7).plus(Duration.ofHours(24)).getEpochSecond());
    });
  }

  @Test
  void noRemainingTimeIsRefusedBeforeAnythingIsClaimed() {
    for (Duration remaining : new Duration[] {Duration.ZERO, Duration.ofMillis(-1)}) {
      assertThatThrownBy(() -> execution.execute(KEY, HASH, remaining, counted(CREATED)))
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(store.recordOf(KEY)).isEmpty();
    assertThat(runs).hasValue(0);
  }

  @Test
  void workThatReturnsNothingIsAFailureAndReleasesTheClaim() {
    assertThatThrownBy(() -> execution.execute(KEY, HASH, Duration.ofSeconds(30), () -> null))
        .isInstanceOf(NullPointerException.class);

    assertThat(store.recordOf(KEY)).isEmpty();
  }

  @Test
  void anErrorFromTheWorkAlsoReleasesTheClaim() {
    StackOverflowError error = new StackOverflowError();

    assertThatThrownBy(() -> execution.execute(KEY, HASH, Duration.ofSeconds(30), () -> {
      throw error;
    })).isSameAs(error);

    assertThat(execution.execute(KEY, HASH, Duration.ofSeconds(30), counted(CREATED)))
        .isEqualTo(new Outcome.Executed(CREATED));
  }

  @Test
  void aFailedReleaseDoesNotHideTheWorksFailure() {
    IllegalStateException storeDown = new IllegalStateException("table unreachable");
    IdempotencyStore failingRelease = new ForwardingStore(store) {
      @Override
      public boolean release(IdempotencyKey key, String requestHash) {
        throw storeDown;
      }
    };
    IllegalArgumentException workFailure = new IllegalArgumentException("bad card");

    assertThatThrownBy(() -> new IdempotentExecution(failingRelease, clock)
        .execute(KEY, HASH, Duration.ofSeconds(30), () -> {
          throw workFailure;
        }))
        .isSameAs(workFailure)
        .hasSuppressedException(storeDown);
  }

  @Test
  void aFailureToStoreTheAnswerPropagatesAndKeepsTheClaimUntilItsDeadline() {
    IllegalStateException storeDown = new IllegalStateException("table unreachable");
    IdempotencyStore failingComplete = new ForwardingStore(store) {
      @Override
      public boolean complete(
          IdempotencyKey key, String requestHash, StoredResponse response, Instant now) {
        throw storeDown;
      }
    };

    assertThatThrownBy(() -> new IdempotentExecution(failingComplete, clock)
        .execute(KEY, HASH, Duration.ofSeconds(30), counted(CREATED)))
        .isSameAs(storeDown);

    // The work took effect: a retry must not run it again while the holder could still be alive.
    assertThat(execution.execute(KEY, HASH, Duration.ofSeconds(30), counted(CREATED)))
        .isEqualTo(new Outcome.Conflict());
    assertThat(runs).hasValue(1);
  }

  @Test
  void aReplayCarriesTheStoredAnswerNotTheNewWorks() {
    StoredResponse firstAnswer =
        new StoredResponse(200, "{\"id\":\"pay_1\",\"status\":\"authorized\"}", Map.of());
    execution.execute(KEY, HASH, Duration.ofSeconds(30), counted(firstAnswer));
    clock.advance(Duration.ofHours(3));

    assertThat(execution.execute(KEY, HASH, Duration.ofSeconds(30), counted(CREATED)))
        .isEqualTo(new Outcome.Replayed(firstAnswer));
    assertThat(runs).hasValue(1);
  }

  private Supplier<StoredResponse> counted(StoredResponse response) {
    return () -> {
      runs.incrementAndGet();
      return response;
    };
  }

  /** Delegates everything, so that a test can break one operation. */
  private static class ForwardingStore implements IdempotencyStore {
    private final IdempotencyStore delegate;

    ForwardingStore(IdempotencyStore delegate) {
      this.delegate = delegate;
    }

    @Override
    public Claim claim(
        IdempotencyKey key, String requestHash, Instant now, Instant inProgressUntil) {
      return delegate.claim(key, requestHash, now, inProgressUntil);
    }

    @Override
    public boolean complete(
        IdempotencyKey key, String requestHash, StoredResponse response, Instant now) {
      return delegate.complete(key, requestHash, response, now);
    }

    @Override
    public boolean release(IdempotencyKey key, String requestHash) {
      return delegate.release(key, requestHash);
    }
  }
}
