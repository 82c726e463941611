package io.tender.adapter.dynamo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tender.core.audit.Actor;
import io.tender.core.audit.AuditAppendContendedException;
import io.tender.core.audit.AuditChain;
import io.tender.core.audit.AuditEntry;
import io.tender.core.audit.AuditEvent;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The append's race handling, with a scripted client: a lost conditional put re-reads the head
 * and retries after a jittered pause, and a bounded number of losses ends in a clear exception.
 */
class DynamoAuditLogRetryTest {
  private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");
  private static final AuditEvent EVENT =
      new AuditEvent("user.mfa.enabled", Actor.user("usr_1"), "198.51.100.4", "req_1");

  private final ScriptedDynamo dynamo = new ScriptedDynamo();
  private final List<Long> pauses = new ArrayList<>();

  @Test
  void aLostRaceRereadsTheHeadAndTakesTheNextSequence() {
    String winnerHash = "ab".repeat(32);
    dynamo.heads.add(List.of());
    dynamo.heads.add(List.of(Map.of("sk", s("0000000000000000001"), "hash", s(winnerHash))));
    dynamo.putOutcomes.add(false);
    dynamo.putOutcomes.add(true);
    DynamoAuditLog log = new DynamoAuditLog(dynamo, "table", new SplittableRandom(1), 10, pauses::add);

    AuditEntry entry = log.append("ten_1", EVENT, AT);

    assertThat(entry.sequence()).isEqualTo(2);
    assertThat(entry.previousHash()).isEqualTo(winnerHash);
    assertThat(entry.hash()).isEqualTo(AuditChain.hash(winnerHash, "ten_1", 2, EVENT, AT));
    assertThat(dynamo.puts).extracting(put -> put.item().get("sk").s())
        .containsExactly("0000000000000000001", "0000000000000000002");
    assertThat(dynamo.puts).allSatisfy(put ->
        assertThat(put.conditionExpression()).isEqualTo("attribute_not_exists(pk)"));
    assertThat(pauses).hasSize(1);
  }

  @Test
  void appendGivesUpAfterItsAttemptsWithoutWriting() {
    for (int n = 0; n < 10; n++) {
      dynamo.heads.add(List.of());
      dynamo.putOutcomes.add(false);
    }
    DynamoAuditLog log = new DynamoAuditLog(dynamo, "table", new SplittableRandom(1), 10, pauses::add);

    assertThatThrownBy(() -> log.append("ten_1", EVENT, AT))
        .isInstanceOf(AuditAppendContendedException.class)
        .hasMessageContaining("ten_1").hasMessageContaining("10 attempts");
    assertThat(dynamo.puts).hasSize(10);
    assertThat(pauses).hasSize(9);
  }

  @Test
  void pausesAreDrawnFromTheRandomSourceBelowABoundThatDoublesToACeiling() {
    for (int n = 0; n < 10; n++) {
      dynamo.heads.add(List.of());
      dynamo.putOutcomes.add(false);
    }
    List<Long> bounds = new ArrayList<>();
    RandomGenerator halfway = new RandomGenerator() {
      @Override
      public long nextLong() {
        throw new AssertionError("pauses are drawn below a bound");
      }

      @Override
      public long nextLong(long bound) {
        bounds.add(bound);
        return bound / 2;
      }
    };
    DynamoAuditLog log = new DynamoAuditLog(dynamo, "table", halfway, 10, pauses::add);

    assertThatThrownBy(() -> log.append("ten_1", EVENT, AT))
        .isInstanceOf(AuditAppendContendedException.class);

    assertThat(bounds).containsExactly(26L, 51L, 101L, 201L, 401L, 801L, 1001L, 1001L, 1001L);
    assertThat(pauses).containsExactly(13L, 25L, 50L, 100L, 200L, 400L, 500L, 500L, 500L);
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  /** Answers head queries and conditional puts from scripts, recording the puts. */
  private static final class ScriptedDynamo implements DynamoDbClient {
    final Deque<List<Map<String, AttributeValue>>> heads = new ArrayDeque<>();
    final Deque<Boolean> putOutcomes = new ArrayDeque<>();
    final List<PutItemRequest> puts = new ArrayList<>();

    @Override
    public QueryResponse query(QueryRequest request) {
      assertThat(request.consistentRead()).isTrue();
      assertThat(request.scanIndexForward()).isFalse();
      assertThat(request.limit()).isEqualTo(1);
      return QueryResponse.builder().items(heads.removeFirst()).build();
    }

    @Override
    public PutItemResponse putItem(PutItemRequest request) {
      puts.add(request);
      if (!putOutcomes.removeFirst()) {
        throw ConditionalCheckFailedException.builder().message("The conditional request failed").build();
      }
      return PutItemResponse.builder().build();
    }

    @Override
    public String serviceName() {
      return "dynamodb";
    }

    @Override
    public void close() {}
  }
}
