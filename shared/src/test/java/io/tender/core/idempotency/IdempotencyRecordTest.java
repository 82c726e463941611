package io.tender.core.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The record rules both stores share; the stores' own behaviour is in the contract. */
class IdempotencyRecordTest {
  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00.250Z");
  private static final Duration DAY = Duration.ofHours(24);
  private static final StoredResponse OK = new StoredResponse(200, "{}", Map.of());

  @Test
  void expiryIsRoundedUpToTheSecondSoARecordNeverLivesLessThanItsRetention() {
    IdempotencyRecord record = IdempotencyRecord.completed("h", OK, NOW, DAY);

    assertThat(record.expiresAtSeconds()).isEqualTo(NOW.plus(DAY).getEpochSecond() + 1);
    assertThat(record.isExpired(NOW.plus(DAY))).isFalse();
    assertThat(record.isExpired(NOW.plus(DAY).plusSeconds(1))).isFalse();
    assertThat(record.isExpired(NOW.plus(DAY).plusSeconds(2))).isTrue();
  }

  @Test
  void aClaimOutlivesItsHoldersDeadlineEvenBeyondTheRetention() {
    Instant farDeadline = NOW.plus(DAY).plusSeconds(3600);

    IdempotencyRecord claim = IdempotencyRecord.inProgress("h", NOW, farDeadline, DAY);

    assertThat(claim.expiresAtSeconds()).isGreaterThanOrEqualTo(farDeadline.getEpochSecond());
    assertThat(claim.canBeClaimed(farDeadline)).isFalse();
    assertThat(claim.canBeClaimed(farDeadline.plusMillis(1))).isTrue();
  }

  @Test
  void aClaimMustEndAfterItStarts() {
    assertThatThrownBy(() -> IdempotencyRecord.inProgress("h", NOW, NOW, DAY))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aDifferentRequestIsAMismatchWhateverTheState() {
    IdempotencyRecord claim = IdempotencyRecord.inProgress("h", NOW, NOW.plusSeconds(5), DAY);
    IdempotencyRecord completed = IdempotencyRecord.completed("h", OK, NOW, DAY);

    assertThat(claim.answerTo("other")).isEqualTo(new Claim.Mismatch());
    assertThat(completed.answerTo("other")).isEqualTo(new Claim.Mismatch());
    assertThat(claim.answerTo("h")).isEqualTo(new Claim.InProgress());
    assertThat(completed.answerTo("h")).isEqualTo(new Claim.Replay(OK));
  }

  @Test
  void aCompletedRecordIsHeldByNobody() {
    assertThat(IdempotencyRecord.completed("h", OK, NOW, DAY).isHeldBy("h")).isFalse();
    assertThat(IdempotencyRecord.inProgress("h", NOW, NOW.plusSeconds(5), DAY).isHeldBy("h"))
        .isTrue();
  }

  @Test
  void aStoredResponseHasAnHttpStatusABodyAndItsOwnCopyOfTheHeaders() {
    Map<String, String> headers = new HashMap<>(Map.of("content-type", "application/json"));
    StoredResponse response = new StoredResponse(201, "{}", headers);
    headers.put("x-late", "added");

    assertThat(response.headers()).containsOnlyKeys("content-type");
    assertThat(new StoredResponse(500, "", Map.of()).isServerError()).isTrue();
    assertThat(new StoredResponse(499, "", Map.of()).isServerError()).isFalse();
    assertThatThrownBy(() -> new StoredResponse(600, "", Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new StoredResponse(200, null, Map.of()))
        .isInstanceOf(NullPointerException.class);
  }
}
