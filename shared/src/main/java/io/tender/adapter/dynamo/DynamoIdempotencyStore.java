package io.tender.adapter.dynamo;

import io.tender.adapter.qr.QrImageUrls;
import io.tender.core.idempotency.Claim;
import io.tender.core.idempotency.DerivedContent;
import io.tender.core.idempotency.IdempotencyKey;
import io.tender.core.idempotency.IdempotencyRecord;
import io.tender.core.idempotency.IdempotencyStore;
import io.tender.core.idempotency.StoredResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * Idempotency records in the Tender table: {@code pk = T#{tenant}#{mode}#IDEM#{route}#{key}},
 * {@code sk = #}, holding {@code requestHash}, {@code status}, {@code inProgressUntil} (epoch
 * milliseconds, while in progress), the stored response once completed, and {@code expiresAt}
 * (epoch seconds, the table's TTL attribute).
 *
 * <p>A claim is ONE conditional PutItem. When the condition fails, DynamoDB returns the record
 * that made it fail ({@code ReturnValuesOnConditionCheckFailure.ALL_OLD}), so the loser learns the
 * winner's state without a second read, and from exactly the state the condition saw.
 *
 * <p>A stored response leaves out what its {@link DerivedContent} draws again on replay (the QR
 * code of a created checkout, from its URL), under {@code responseBodyLean}, only when that gives
 * back the exact body; a large body is otherwise kept gzip-compressed.
 */
public final class DynamoIdempotencyStore implements IdempotencyStore {
  /** Stored responses larger than this are kept gzip-compressed. */
  static final int COMPRESS_ABOVE_BYTES = 1024;

  // The negation of IdempotencyRecord.canBeClaimed evaluated by DynamoDB: the record is absent,
  // past its retention (TTL deletes late) or abandoned by a holder whose deadline has passed.
  private static final String CLAIMABLE = "attribute_not_exists(pk)"
      + " OR expiresAt < :nowSeconds"
      + " OR (#status = :inProgress AND inProgressUntil < :nowMillis)";
  // IdempotencyRecord.isHeldBy: still in progress under our request hash.
  private static final String HELD = "#status = :inProgress AND requestHash = :requestHash";
  private static final Map<String, String> NAMES = Map.of("#status", "status");

  private final DynamoDbClient client;
  private final String tableName;
  private final Duration retention;
  private final DerivedContent derived;

  public DynamoIdempotencyStore(DynamoDbClient client, String tableName, Duration retention,
      DerivedContent derived) {
    this.client = Objects.requireNonNull(client, "client");
    this.tableName = Objects.requireNonNull(tableName, "tableName");
    this.retention = Objects.requireNonNull(retention, "retention");
    this.derived = Objects.requireNonNull(derived, "derived");
  }

  /** Leaves out the QR codes of the gateway's responses, which every replay draws again. */
  public DynamoIdempotencyStore(DynamoDbClient client, String tableName, Duration retention) {
    this(client, tableName, retention, QrImageUrls.RESPONSES);
  }

  public DynamoIdempotencyStore(DynamoDbClient client, String tableName) {
    this(client, tableName, DEFAULT_RETENTION);
  }

  @Override
  public Claim claim(IdempotencyKey key, String requestHash, Instant now, Instant inProgressUntil) {
    IdempotencyRecord claim =
        IdempotencyRecord.inProgress(requestHash, now, inProgressUntil, retention);
    try {
      client.putItem(put -> put.tableName(tableName)
          .item(item(key, claim))
          .conditionExpression(CLAIMABLE)
          .expressionAttributeNames(NAMES)
          .expressionAttributeValues(Map.of(
              ":nowSeconds", n(now.getEpochSecond()),
              ":nowMillis", n(now.toEpochMilli()),
              ":inProgress", s(IdempotencyRecord.Status.IN_PROGRESS.name())))
          .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
      return new Claim.Acquired();
    } catch (ConditionalCheckFailedException taken) {
      if (!taken.hasItem() || taken.item().isEmpty()) {
        throw new IllegalStateException(
            "DynamoDB refused the claim but returned no record for " + partitionKey(key), taken);
      }
      return record(taken.item()).answerTo(requestHash);
    }
  }

  @Override
  public boolean complete(
      IdempotencyKey key, String requestHash, StoredResponse response, Instant now) {
    IdempotencyRecord completed =
        IdempotencyRecord.completed(requestHash, response, now, retention);
    try {
      client.putItem(put -> put.tableName(tableName)
          .item(item(key, completed))
          .conditionExpression(HELD)
          .expressionAttributeNames(NAMES)
          .expressionAttributeValues(heldBy(requestHash)));
      return true;
    } catch (ConditionalCheckFailedException notOurs) {
      return false;
    }
  }

  @Override
  public boolean release(IdempotencyKey key, String requestHash) {
    try {
      client.deleteItem(delete -> delete.tableName(tableName)
          .key(Map.of("pk", s(partitionKey(key)), "sk", s("#")))
          .conditionExpression(HELD)
          .expressionAttributeNames(NAMES)
          .expressionAttributeValues(heldBy(requestHash)));
      return true;
    } catch (ConditionalCheckFailedException notOurs) {
      return false;
    }
  }

  static String partitionKey(IdempotencyKey key) {
    return "T#" + key.tenantId() + "#" + key.mode() + "#IDEM#" + key.route() + "#" + key.key();
  }

  private static Map<String, AttributeValue> heldBy(String requestHash) {
    return Map.of(
        ":inProgress", s(IdempotencyRecord.Status.IN_PROGRESS.name()),
        ":requestHash", s(requestHash));
  }

  private Map<String, AttributeValue> item(IdempotencyKey key, IdempotencyRecord record) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("pk", s(partitionKey(key)));
    item.put("sk", s("#"));
    item.put("requestHash", s(record.requestHash()));
    item.put("status", s(record.status().name()));
    item.put("expiresAt", n(record.expiresAtSeconds()));
    if (record.status() == IdempotencyRecord.Status.IN_PROGRESS) {
      item.put("inProgressUntil", n(record.inProgressUntilMillis()));
    } else {
      StoredResponse response = record.response();
      Map<String, AttributeValue> headers = new HashMap<>();
      response.headers().forEach((name, value) -> headers.put(name, s(value)));
      item.put("responseStatus", n(response.status()));
      String body = response.body();
      Optional<String> lean = derived.omitReversibly(body).filter(text -> utf8(text).length <= COMPRESS_ABOVE_BYTES);
      // A created session's answer is ~14 KB with its QR code, ~2 KB of it compressed and ~300 B
      // without it: one write unit instead of three.
      if (lean.isPresent()) {
        item.put("responseBodyLean", s(lean.get()));
      } else if (utf8(body).length > COMPRESS_ABOVE_BYTES) {
        item.put("responseBodyGzip", AttributeValue.fromB(SdkBytes.fromByteArray(Gzip.compress(utf8(body)))));
      } else {
        item.put("responseBody", s(body));
      }
      item.put("responseHeaders", AttributeValue.fromM(headers));
    }
    return item;
  }

  private String body(Map<String, AttributeValue> item) {
    AttributeValue lean = item.get("responseBodyLean");
    if (lean != null) {
      return derived.restore(lean.s());
    }
    AttributeValue compressed = item.get("responseBodyGzip");
    return compressed == null ? item.get("responseBody").s()
        : new String(Gzip.decompress(compressed.b().asByteArray()), StandardCharsets.UTF_8);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private IdempotencyRecord record(Map<String, AttributeValue> item) {
    IdempotencyRecord.Status status = IdempotencyRecord.Status.valueOf(item.get("status").s());
    StoredResponse response = null;
    if (status == IdempotencyRecord.Status.COMPLETED) {
      Map<String, String> headers = new HashMap<>();
      item.get("responseHeaders").m().forEach((name, value) -> headers.put(name, value.s()));
      response = new StoredResponse(
          Integer.parseInt(item.get("responseStatus").n()), body(item), headers);
    }
    AttributeValue inProgressUntil = item.get("inProgressUntil");
    return new IdempotencyRecord(
        item.get("requestHash").s(),
        status,
        inProgressUntil == null ? 0 : Long.parseLong(inProgressUntil.n()),
        Long.parseLong(item.get("expiresAt").n()),
        response);
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }
}
