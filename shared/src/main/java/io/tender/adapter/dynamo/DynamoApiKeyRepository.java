package io.tender.adapter.dynamo;

import io.tender.core.apikey.ApiKey;
import io.tender.core.apikey.ApiKeyRepository;
import io.tender.core.tenant.Mode;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * API keys in TenderTable: the key under its tenant ({@code T#{t}#{m}#APIKEY#{id}}, listed through
 * gsi1) and a pointer under its secret's hash ({@code APIKEY#{hash}}) that authenticates a request
 * in one read. Both are written together, so they never disagree.
 */
public final class DynamoApiKeyRepository implements ApiKeyRepository {
  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoApiKeyRepository(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  @Override
  public void create(ApiKey key) {
    Map<String, AttributeValue> fields = fields(key);
    Map<String, AttributeValue> owned = new HashMap<>(fields);
    owned.put("pk", s(ownedKey(key.tenantId(), key.mode(), key.id())));
    owned.put("sk", s("#"));
    owned.put("gsi1pk", s(listKey(key.tenantId(), key.mode())));
    // Ids are time-ordered and fixed-width, so they sort by creation; Instant text does not.
    owned.put("gsi1sk", s(key.id()));
    Map<String, AttributeValue> pointer = new HashMap<>(fields);
    pointer.put("pk", s(pointerKey(key.secretHash())));
    pointer.put("sk", s("#"));
    dynamo.transactWriteItems(tx -> tx.transactItems(
        TransactWriteItem.builder().put(put -> put.tableName(table).item(owned)
            .conditionExpression("attribute_not_exists(pk)")).build(),
        TransactWriteItem.builder().put(put -> put.tableName(table).item(pointer)
            .conditionExpression("attribute_not_exists(pk)")).build()));
  }

  /**
   * Eventually consistent first (half a unit): an active key found is cached for a while by the
   * caller anyway, so a revocation already waits that long to be seen, and a second more changes
   * nothing. Not found is read again consistently, so a key created a moment ago works at once.
   */
  @Override
  public Optional<ApiKey> findBySecretHash(String secretHash) {
    return pointer(secretHash, false).or(() -> pointer(secretHash, true));
  }

  private Optional<ApiKey> pointer(String secretHash, boolean consistent) {
    Map<String, AttributeValue> item = dynamo.getItem(get -> get.tableName(table).consistentRead(consistent)
        .key(Map.of("pk", s(pointerKey(secretHash)), "sk", s("#")))).item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(toKey(item));
  }

  @Override
  public List<ApiKey> list(String tenantId, Mode mode) {
    return dynamo.queryPaginator(query -> query.tableName(table).indexName("gsi1")
            .keyConditionExpression("gsi1pk = :owner")
            .expressionAttributeValues(Map.of(":owner", s(listKey(tenantId, mode))))
            .scanIndexForward(false))
        .items().stream().map(DynamoApiKeyRepository::toKey).toList();
  }

  @Override
  public Optional<Instant> revoke(String tenantId, Mode mode, String keyId, Instant at) {
    Map<String, AttributeValue> key = Map.of("pk", s(ownedKey(tenantId, mode, keyId)), "sk", s("#"));
    Map<String, AttributeValue> item = dynamo.getItem(get -> get.tableName(table).consistentRead(true).key(key)).item();
    if (item == null || item.isEmpty()) {
      return Optional.empty();
    }
    ApiKey existing = toKey(item);
    if (existing.revokedAt().isPresent()) {
      return existing.revokedAt();
    }
    Map<String, AttributeValue> values = Map.of(":at", s(at.toString()));
    try {
      dynamo.transactWriteItems(tx -> tx.transactItems(
          TransactWriteItem.builder().update(update -> update.tableName(table).key(key)
              .updateExpression("SET revokedAt = :at")
              .conditionExpression("attribute_exists(pk) AND attribute_not_exists(revokedAt)")
              .expressionAttributeValues(values)).build(),
          TransactWriteItem.builder().update(update -> update.tableName(table)
              .key(Map.of("pk", s(pointerKey(existing.secretHash())), "sk", s("#")))
              .updateExpression("SET revokedAt = :at")
              .conditionExpression("attribute_exists(pk) AND attribute_not_exists(revokedAt)")
              .expressionAttributeValues(values)).build()));
      return Optional.of(at);
    } catch (TransactionCanceledException raced) {
      // Revoked concurrently: the first revocation's time stands.
      return Optional.ofNullable(dynamo.getItem(get -> get.tableName(table).consistentRead(true).key(key)).item())
          .map(DynamoApiKeyRepository::toKey).flatMap(ApiKey::revokedAt);
    }
  }

  private static Map<String, AttributeValue> fields(ApiKey key) {
    Map<String, AttributeValue> fields = new HashMap<>();
    fields.put("id", s(key.id()));
    fields.put("tenantId", s(key.tenantId()));
    fields.put("mode", s(key.mode().wire()));
    fields.put("name", s(key.name()));
    fields.put("secretHash", s(key.secretHash()));
    fields.put("last4", s(key.last4()));
    fields.put("createdAt", s(key.createdAt().toString()));
    key.revokedAt().ifPresent(at -> fields.put("revokedAt", s(at.toString())));
    return fields;
  }

  private static ApiKey toKey(Map<String, AttributeValue> item) {
    return new ApiKey(item.get("id").s(), item.get("tenantId").s(),
        Mode.fromWire(item.get("mode").s()).orElseThrow(), item.get("name").s(), item.get("secretHash").s(),
        item.get("last4").s(), Instant.parse(item.get("createdAt").s()),
        Optional.ofNullable(item.get("revokedAt")).map(v -> Instant.parse(v.s())));
  }

  private static String ownedKey(String tenantId, Mode mode, String keyId) {
    return "T#" + tenantId + "#" + mode.wire() + "#APIKEY#" + keyId;
  }

  private static String listKey(String tenantId, Mode mode) {
    return "T#" + tenantId + "#" + mode.wire() + "#APIKEY";
  }

  private static String pointerKey(String secretHash) {
    return "APIKEY#" + secretHash;
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }
}
