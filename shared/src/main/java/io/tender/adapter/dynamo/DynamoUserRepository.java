package io.tender.adapter.dynamo;

import io.tender.core.auth.Role;
import io.tender.core.user.User;
import io.tender.core.user.UserRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Users in TenderTable: the user under its tenant ({@code T#{t}#USER#{id}}) and a pointer from its
 * e-mail ({@code USER_EMAIL#{email}}), created together so an e-mail belongs to one user only.
 * Every update is conditional on the version that was read.
 */
public final class DynamoUserRepository implements UserRepository {
  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoUserRepository(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  @Override
  public boolean create(User user) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("pk", s(userKey(user.tenantId(), user.id())));
    item.put("sk", s("#"));
    item.put("id", s(user.id()));
    item.put("tenantId", s(user.tenantId()));
    item.put("email", s(normalise(user.email())));
    item.put("passwordHash", s(user.passwordHash()));
    item.put("role", s(user.role().wire()));
    item.put("recoveryCodeHashes", AttributeValue.fromL(List.of()));
    item.put("lastTotpStep", n(user.lastTotpStep()));
    item.put("version", n(1));
    item.put("createdAt", s(user.createdAt().toString()));
    user.totpSecret().ifPresent(secret -> item.put("totpSecret", b(secret)));
    Map<String, AttributeValue> pointer = Map.of(
        "pk", s(emailKey(user.email())), "sk", s("#"),
        "tenantId", s(user.tenantId()), "userId", s(user.id()));
    try {
      dynamo.transactWriteItems(tx -> tx.transactItems(
          TransactWriteItem.builder().put(put -> put.tableName(table).item(pointer)
              .conditionExpression("attribute_not_exists(pk)")).build(),
          TransactWriteItem.builder().put(put -> put.tableName(table).item(item)
              .conditionExpression("attribute_not_exists(pk)")).build()));
      return true;
    } catch (TransactionCanceledException cancelled) {
      if (cancelled.cancellationReasons().stream().anyMatch(r -> "ConditionalCheckFailed".equals(r.code()))) {
        return false;
      }
      throw cancelled;
    }
  }

  @Override
  public Optional<User> findByEmail(String email) {
    Map<String, AttributeValue> pointer = get(emailKey(email));
    if (pointer == null) {
      return Optional.empty();
    }
    return find(pointer.get("tenantId").s(), pointer.get("userId").s());
  }

  @Override
  public Optional<User> find(String tenantId, String userId) {
    return Optional.ofNullable(get(userKey(tenantId, userId))).map(DynamoUserRepository::toUser);
  }

  @Override
  public boolean setPendingTotp(User user, byte[] secret) {
    return update(user, "SET pendingTotpSecret = :secret", Map.of(":secret", b(secret)));
  }

  @Override
  public boolean enableTotp(User user, byte[] secret, List<String> recoveryCodeHashes, long acceptedStep) {
    return update(user, "SET totpSecret = :secret, recoveryCodeHashes = :codes, lastTotpStep = :step "
            + "REMOVE pendingTotpSecret",
        Map.of(":secret", b(secret), ":codes", AttributeValue.fromL(recoveryCodeHashes.stream()
            .map(AttributeValue::fromS).toList()), ":step", n(acceptedStep)));
  }

  @Override
  public boolean recordTotpStep(User user, long acceptedStep) {
    return update(user, "SET lastTotpStep = :step", Map.of(":step", n(acceptedStep)));
  }

  @Override
  public boolean consumeRecoveryCode(User user, String codeHash) {
    List<AttributeValue> remaining = new ArrayList<>();
    user.recoveryCodeHashes().stream().filter(hash -> !hash.equals(codeHash)).map(AttributeValue::fromS)
        .forEach(remaining::add);
    if (remaining.size() == user.recoveryCodeHashes().size()) {
      return false;
    }
    return update(user, "SET recoveryCodeHashes = :codes", Map.of(":codes", AttributeValue.fromL(remaining)));
  }

  /** Applies {@code expression} if the user is still at the version read, and moves the version on. */
  private boolean update(User user, String expression, Map<String, AttributeValue> values) {
    Map<String, AttributeValue> all = new HashMap<>(values);
    all.put(":expected", n(user.version()));
    all.put(":next", n(user.version() + 1));
    String withVersion = expression.startsWith("SET ")
        ? "SET version = :next, " + expression.substring(4)
        : "SET version = :next " + expression;
    try {
      dynamo.updateItem(update -> update.tableName(table)
          .key(Map.of("pk", s(userKey(user.tenantId(), user.id())), "sk", s("#")))
          .updateExpression(withVersion)
          .conditionExpression("version = :expected")
          .expressionAttributeValues(all));
      return true;
    } catch (ConditionalCheckFailedException changed) {
      return false;
    }
  }

  private Map<String, AttributeValue> get(String pk) {
    Map<String, AttributeValue> item = dynamo.getItem(get -> get.tableName(table).consistentRead(true)
        .key(Map.of("pk", s(pk), "sk", s("#")))).item();
    return item == null || item.isEmpty() ? null : item;
  }

  private static User toUser(Map<String, AttributeValue> item) {
    return new User(item.get("id").s(), item.get("tenantId").s(), item.get("email").s(),
        item.get("passwordHash").s(), Role.fromWire(item.get("role").s()).orElseThrow(),
        Optional.ofNullable(item.get("totpSecret")).map(v -> v.b().asByteArray()),
        Optional.ofNullable(item.get("pendingTotpSecret")).map(v -> v.b().asByteArray()),
        item.get("recoveryCodeHashes").l().stream().map(AttributeValue::s).toList(),
        Long.parseLong(item.get("lastTotpStep").n()), Long.parseLong(item.get("version").n()),
        Instant.parse(item.get("createdAt").s()));
  }

  private static String userKey(String tenantId, String userId) {
    return "T#" + tenantId + "#USER#" + userId;
  }

  private static String emailKey(String email) {
    return "USER_EMAIL#" + normalise(email);
  }

  private static String normalise(String email) {
    return email.strip().toLowerCase(Locale.ROOT);
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }

  private static AttributeValue b(byte[] value) {
    return AttributeValue.fromB(SdkBytes.fromByteArray(value));
  }
}
