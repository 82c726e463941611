package io.tender.adapter.dynamo;

import io.tender.core.audit.AuditAppendContendedException;
import io.tender.core.audit.AuditChain;
import io.tender.core.audit.AuditCursor;
import io.tender.core.audit.AuditEntry;
import io.tender.core.audit.AuditEvent;
import io.tender.core.audit.AuditLog;
import io.tender.core.audit.AuditPage;
import io.tender.core.audit.AuditTenants;
import io.tender.core.audit.ChainHead;
import io.tender.core.audit.ChainVerification;
import io.tender.core.audit.ChainVerifier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.random.RandomGenerator;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * The audit log in the Tender table: one item per entry, {@code pk = T#{tenant}#AUDIT},
 * {@code sk = } the sequence padded to 19 digits (docs/DATA-MODEL.md).
 *
 * <p>An append reads the newest entry (strongly consistent), computes the next sequence and hash,
 * and puts the item on condition that no item holds that sequence yet. When a concurrent append
 * took it first the put fails and this one re-reads the head and tries again, after a random
 * pause below a bound that starts at 25 ms and doubles up to 1 s, so that racing appenders spread
 * out (20 simultaneous appends for one tenant settle within about six retries each); after
 * {@code maxAttempts} it gives up with {@link AuditAppendContendedException}. The conditional put
 * is what keeps the sequence free of gaps and duplicates; nothing ever updates or deletes an
 * entry. One tenant's appends are therefore serialized: each costs a read and a write, and
 * sustained rates of more than a few dozen a second for one tenant will contend.
 */
public final class DynamoAuditLog implements AuditLog {
  public static final int DEFAULT_MAX_ATTEMPTS = 10;
  private static final long FIRST_PAUSE_MILLIS = 25;
  private static final long LONGEST_PAUSE_MILLIS = 1_000;

  /** Waits between attempts; {@code Thread::sleep} in production, a recorder in tests. */
  @FunctionalInterface
  interface Pause {
    void sleep(long millis) throws InterruptedException;
  }

  private final DynamoDbClient dynamo;
  private final String tableName;
  private final RandomGenerator random;
  private final int maxAttempts;
  private final Pause pause;

  public DynamoAuditLog(DynamoDbClient dynamo, String tableName, RandomGenerator random) {
    this(dynamo, tableName, random, DEFAULT_MAX_ATTEMPTS, Thread::sleep);
  }

  DynamoAuditLog(DynamoDbClient dynamo, String tableName, RandomGenerator random, int maxAttempts,
      Pause pause) {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("an append needs at least one attempt");
    }
    this.dynamo = dynamo;
    this.tableName = tableName;
    this.random = random;
    this.maxAttempts = maxAttempts;
    this.pause = pause;
  }

  @Override
  public AuditEntry append(String tenantId, AuditEvent event, Instant at) {
    AuditTenants.require(tenantId);
    if (event == null || at == null) {
      throw new IllegalArgumentException("an audit append needs an event and a time");
    }
    for (int attempt = 1; attempt <= maxAttempts; attempt++) {
      Optional<ChainHead> head = head(tenantId);
      long sequence = head.map(ChainHead::sequence).orElse(0L) + 1;
      String previousHash = head.map(ChainHead::hash).orElse(AuditChain.GENESIS);
      AuditEntry entry = new AuditEntry(tenantId, sequence, event, at, previousHash,
          AuditChain.hash(previousHash, tenantId, sequence, event, at));
      try {
        dynamo.putItem(put -> put.tableName(tableName)
            .item(AuditItems.toItem(entry))
            .conditionExpression("attribute_not_exists(pk)"));
        return entry;
      } catch (ConditionalCheckFailedException taken) {
        if (attempt < maxAttempts) {
          pauseBeforeAttempt(attempt + 1);
        }
      }
    }
    throw new AuditAppendContendedException(tenantId, maxAttempts);
  }

  /** Throws {@link IllegalStateException} on an item that is not a well-formed entry: run verify. */
  @Override
  public AuditPage list(String tenantId, Optional<String> cursor, int limit) {
    AuditTenants.require(tenantId);
    AuditLog.requirePageSize(limit);
    OptionalLong before = cursor.map(c -> OptionalLong.of(AuditCursor.sequenceBefore(tenantId, c)))
        .orElse(OptionalLong.empty());
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":pk", AuditItems.s(AuditItems.partitionKey(tenantId)));
    String condition = "pk = :pk";
    if (before.isPresent()) {
      values.put(":before", AuditItems.s(AuditItems.sortKey(before.getAsLong())));
      condition += " AND sk < :before";
    }
    String keyCondition = condition;
    List<Map<String, AttributeValue>> items = dynamo.query(query -> query.tableName(tableName)
        .keyConditionExpression(keyCondition)
        .expressionAttributeValues(values)
        .scanIndexForward(false)
        .limit(limit)
        .consistentRead(true)).items();
    List<AuditEntry> entries = new ArrayList<>(items.size());
    for (Map<String, AttributeValue> item : items) {
      entries.add(readable(tenantId, item));
    }
    return AuditPage.of(tenantId, entries);
  }

  @Override
  public ChainVerification verify(String tenantId) {
    ChainVerifier verifier = new ChainVerifier(tenantId);
    QueryRequest oldestFirst = QueryRequest.builder().tableName(tableName)
        .keyConditionExpression("pk = :pk")
        .expressionAttributeValues(Map.of(":pk", AuditItems.s(AuditItems.partitionKey(tenantId))))
        .scanIndexForward(true)
        .consistentRead(true)
        .build();
    for (Map<String, AttributeValue> item : dynamo.queryPaginator(oldestFirst).items()) {
      boolean sound;
      try {
        sound = verifier.accept(AuditItems.fromItem(tenantId, item));
      } catch (IllegalArgumentException unreadable) {
        sound = verifier.acceptUnreadable(storedSequence(item), unreadable.getMessage());
      }
      if (!sound) {
        break;
      }
    }
    return verifier.result();
  }

  @Override
  public Optional<ChainHead> head(String tenantId) {
    AuditTenants.require(tenantId);
    List<Map<String, AttributeValue>> newest = dynamo.query(query -> query.tableName(tableName)
        .keyConditionExpression("pk = :pk")
        .expressionAttributeValues(Map.of(":pk", AuditItems.s(AuditItems.partitionKey(tenantId))))
        .projectionExpression("sk, #hash")
        .expressionAttributeNames(Map.of("#hash", AuditItems.HASH))
        .scanIndexForward(false)
        .limit(1)
        .consistentRead(true)).items();
    if (newest.isEmpty()) {
      return Optional.empty();
    }
    Map<String, AttributeValue> item = newest.get(0);
    AttributeValue hash = item.get(AuditItems.HASH);
    try {
      long sequence = AuditItems.sequenceOf(item.get(AuditItems.SK).s());
      if (hash == null || hash.s() == null || !hash.s().matches("[0-9a-f]{64}")) {
        throw new IllegalArgumentException("attribute hash is missing or not a hash");
      }
      return Optional.of(new ChainHead(tenantId, sequence, hash.s()));
    } catch (IllegalArgumentException unreadable) {
      throw new IllegalStateException("the newest audit entry of tenant " + tenantId
          + " is unreadable (" + unreadable.getMessage() + "); verify the chain", unreadable);
    }
  }

  private AuditEntry readable(String tenantId, Map<String, AttributeValue> item) {
    try {
      return AuditItems.fromItem(tenantId, item);
    } catch (IllegalArgumentException unreadable) {
      throw new IllegalStateException("an audit entry of tenant " + tenantId + " is unreadable ("
          + unreadable.getMessage() + "); verify the chain", unreadable);
    }
  }

  private static OptionalLong storedSequence(Map<String, AttributeValue> item) {
    try {
      return OptionalLong.of(AuditItems.sequenceOf(item.get(AuditItems.SK).s()));
    } catch (IllegalArgumentException | NullPointerException unreadable) {
      return OptionalLong.empty();
    }
  }

  /** Full jitter: a uniform pause up to a bound that doubles each attempt, within a ceiling. */
  private void pauseBeforeAttempt(int attempt) {
    long bound = Math.min(LONGEST_PAUSE_MILLIS, FIRST_PAUSE_MILLIS << Math.min(attempt - 2, 20));
    try {
      pause.sleep(random.nextLong(bound + 1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted between audit append attempts; nothing was written", e);
    }
  }
}
