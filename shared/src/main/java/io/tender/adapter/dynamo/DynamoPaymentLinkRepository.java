package io.tender.adapter.dynamo;

import io.tender.core.link.LinkSession;
import io.tender.core.link.PaymentLink;
import io.tender.core.link.PaymentLinkRepository;
import io.tender.core.link.PaymentLinkStatus;
import io.tender.core.money.Money;
import io.tender.core.tenant.Mode;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Payment links in TenderTable (docs/DATA-MODEL.md): the link under its tenant
 * ({@code T#{t}#{m}#LINK#{slug}}, {@code sk = #}, listed through gsi1 by creation time), a
 * pointer that claims the slug for every tenant ({@code SLUG#{slug}}), written in one transaction
 * with the link, and the sessions the link opened as children in its partition
 * ({@code sk = CS#{sessionId}}).
 *
 * <p>The link's expiry is {@code expiresAtMillis}, not the table's TTL attribute {@code expiresAt}:
 * an expired link stays listable and its slug stays taken.
 */
public final class DynamoPaymentLinkRepository implements PaymentLinkRepository {
  private static final String SESSION_PREFIX = "CS#";
  /** One use, only while the link can take it: the invariant is the condition, not a prior read. */
  private static final String CAN_TAKE_A_USE = "attribute_exists(pk) AND #status = :active "
      + "AND expiresAtMillis > :now AND (attribute_not_exists(usageLimit) OR usageCount < usageLimit)";

  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoPaymentLinkRepository(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  @Override
  public boolean create(PaymentLink link) {
    Map<String, AttributeValue> pointer = new HashMap<>();
    pointer.put("pk", s(slugKey(link.slug())));
    pointer.put("sk", s("#"));
    pointer.put("slug", s(link.slug()));
    pointer.put("tenantId", s(link.tenantId()));
    pointer.put("mode", s(link.mode().wire()));
    try {
      dynamo.transactWriteItems(tx -> tx.transactItems(
          TransactWriteItem.builder().put(put -> put.tableName(table).item(pointer)
              .conditionExpression("attribute_not_exists(pk)")).build(),
          TransactWriteItem.builder().put(put -> put.tableName(table).item(item(link))
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
  public Optional<PaymentLink> findBySlug(String slug) {
    Map<String, AttributeValue> pointer = dynamo.getItem(get -> get.tableName(table).consistentRead(true)
        .key(Map.of("pk", s(slugKey(slug)), "sk", s("#")))).item();
    if (pointer == null || pointer.isEmpty()) {
      return Optional.empty();
    }
    return find(pointer.get("tenantId").s(), Mode.fromWire(pointer.get("mode").s()).orElseThrow(), slug);
  }

  @Override
  public Optional<PaymentLink> find(String tenantId, Mode mode, String slug) {
    Map<String, AttributeValue> item = dynamo.getItem(get -> get.tableName(table).consistentRead(true)
        .key(key(tenantId, mode, slug))).item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(link(item));
  }

  @Override
  public List<PaymentLink> list(String tenantId, Mode mode, Optional<LinkPosition> before, int limit) {
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":owner", s(listKey(tenantId, mode)));
    before.ifPresent(position -> values.put(":before", s(listSortKey(position.createdAt(), position.slug()))));
    return dynamo.query(QueryRequest.builder().tableName(table).indexName("gsi1")
            .keyConditionExpression(before.isPresent() ? "gsi1pk = :owner AND gsi1sk < :before" : "gsi1pk = :owner")
            .expressionAttributeValues(values)
            .scanIndexForward(false)
            .limit(limit)
            .build())
        .items().stream().map(DynamoPaymentLinkRepository::link).toList();
  }

  @Override
  public Optional<Deactivated> deactivate(String tenantId, Mode mode, String slug, Instant at) {
    try {
      Map<String, AttributeValue> after = dynamo.updateItem(update -> update.tableName(table)
          .key(key(tenantId, mode, slug))
          .updateExpression("SET #status = :inactive, deactivatedAt = :at, version = version + :one")
          .conditionExpression("attribute_exists(pk) AND #status = :active")
          .expressionAttributeNames(Map.of("#status", "status"))
          .expressionAttributeValues(Map.of(":inactive", s(PaymentLinkStatus.INACTIVE.wire()),
              ":active", s(PaymentLinkStatus.ACTIVE.wire()), ":at", s(at.toString()), ":one", n(1)))
          .returnValues(ReturnValue.ALL_NEW)
          .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).attributes();
      return Optional.of(new Deactivated(link(after), true));
    } catch (ConditionalCheckFailedException notActive) {
      // Missing (no item), or deactivated already: the first deactivation stands.
      return notActive.hasItem() && !notActive.item().isEmpty()
          ? Optional.of(new Deactivated(link(notActive.item()), false)) : Optional.empty();
    }
  }

  @Override
  public UseClaim claimUse(String tenantId, Mode mode, String slug, Instant now) {
    try {
      Map<String, AttributeValue> after = dynamo.updateItem(update -> update.tableName(table)
          .key(key(tenantId, mode, slug))
          .updateExpression("SET usageCount = usageCount + :one, version = version + :one")
          .conditionExpression(CAN_TAKE_A_USE)
          .expressionAttributeNames(Map.of("#status", "status"))
          .expressionAttributeValues(Map.of(":one", n(1), ":active", s(PaymentLinkStatus.ACTIVE.wire()),
              ":now", n(now.toEpochMilli())))
          .returnValues(ReturnValue.ALL_NEW)
          .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).attributes();
      return new UseClaim.Claimed(link(after));
    } catch (ConditionalCheckFailedException refused) {
      return refused.hasItem() && !refused.item().isEmpty() ? new UseClaim.Refused(link(refused.item()))
          : new UseClaim.Missing();
    }
  }

  @Override
  public void releaseUse(String tenantId, Mode mode, String slug) {
    try {
      dynamo.updateItem(update -> update.tableName(table)
          .key(key(tenantId, mode, slug))
          .updateExpression("SET usageCount = usageCount - :one, version = version + :one")
          .conditionExpression("attribute_exists(pk) AND usageCount > :zero")
          .expressionAttributeValues(Map.of(":one", n(1), ":zero", n(0))));
    } catch (ConditionalCheckFailedException nothingToGiveBack) {
      // Nothing counted (or the link is gone): a release never goes below zero.
    }
  }

  @Override
  public void recordSession(String tenantId, Mode mode, String slug, LinkSession session) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("pk", s(partition(tenantId, mode, slug)));
    item.put("sk", s(SESSION_PREFIX + session.sessionId()));
    item.put("sessionId", s(session.sessionId()));
    item.put("paymentId", s(session.paymentId()));
    item.put("createdAt", s(session.createdAt().toString()));
    dynamo.putItem(put -> put.tableName(table).item(item));
  }

  @Override
  public List<LinkSession> sessions(String tenantId, Mode mode, String slug, Optional<String> before, int limit) {
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":link", s(partition(tenantId, mode, slug)));
    // Session ids are time-ordered, so sort-key order is creation order. "sk < CS#{before}" also
    // reaches the link itself ("#" sorts first); one more item is read and the link dropped.
    values.put(":sessions", s(before.map(id -> SESSION_PREFIX + id).orElse(SESSION_PREFIX)));
    return dynamo.query(QueryRequest.builder().tableName(table).consistentRead(true)
            .keyConditionExpression(before.isPresent() ? "pk = :link AND sk < :sessions"
                : "pk = :link AND begins_with(sk, :sessions)")
            .expressionAttributeValues(values)
            .scanIndexForward(false)
            .limit(limit + 1)
            .build())
        .items().stream()
        .filter(item -> item.get("sk").s().startsWith(SESSION_PREFIX))
        .limit(limit)
        .map(item -> new LinkSession(item.get("sessionId").s(), item.get("paymentId").s(),
            Instant.parse(item.get("createdAt").s())))
        .toList();
  }

  private static Map<String, AttributeValue> item(PaymentLink link) {
    Map<String, AttributeValue> item = new HashMap<>(key(link.tenantId(), link.mode(), link.slug()));
    item.put("gsi1pk", s(listKey(link.tenantId(), link.mode())));
    item.put("gsi1sk", s(listSortKey(link.createdAt(), link.slug())));
    item.put("slug", s(link.slug()));
    item.put("tenantId", s(link.tenantId()));
    item.put("mode", s(link.mode().wire()));
    item.put("amount", n(link.amount().minor()));
    item.put("currency", s(link.amount().currency().code()));
    item.put("reference", s(link.reference()));
    item.put("successUrl", s(link.successUrl()));
    item.put("cancelUrl", s(link.cancelUrl()));
    item.put("expiresAtMillis", n(link.expiresAt().toEpochMilli()));
    link.usageLimit().ifPresent(limit -> item.put("usageLimit", n(limit)));
    item.put("usageCount", n(link.usageCount()));
    item.put("status", s(link.status().wire()));
    item.put("createdAt", s(link.createdAt().toString()));
    link.deactivatedAt().ifPresent(at -> item.put("deactivatedAt", s(at.toString())));
    item.put("version", n(link.version()));
    return item;
  }

  private static PaymentLink link(Map<String, AttributeValue> item) {
    return new PaymentLink(item.get("slug").s(), item.get("tenantId").s(),
        Mode.fromWire(item.get("mode").s()).orElseThrow(),
        Money.ofMinor(Long.parseLong(item.get("amount").n()), item.get("currency").s()),
        item.get("reference").s(), item.get("successUrl").s(), item.get("cancelUrl").s(),
        Instant.ofEpochMilli(Long.parseLong(item.get("expiresAtMillis").n())),
        item.containsKey("usageLimit") ? OptionalLong.of(Long.parseLong(item.get("usageLimit").n()))
            : OptionalLong.empty(),
        Long.parseLong(item.get("usageCount").n()),
        PaymentLinkStatus.fromWire(item.get("status").s()).orElseThrow(),
        Instant.parse(item.get("createdAt").s()),
        Optional.ofNullable(item.get("deactivatedAt")).map(at -> Instant.parse(at.s())),
        Long.parseLong(item.get("version").n()));
  }

  private static Map<String, AttributeValue> key(String tenantId, Mode mode, String slug) {
    return Map.of("pk", s(partition(tenantId, mode, slug)), "sk", s("#"));
  }

  private static String partition(String tenantId, Mode mode, String slug) {
    return "T#" + tenantId + "#" + mode.wire() + "#LINK#" + slug;
  }

  private static String listKey(String tenantId, Mode mode) {
    return "T#" + tenantId + "#" + mode.wire() + "#LINK";
  }

  /** Creation time in fixed-width epoch milliseconds, so text order is time order; the slug breaks ties. */
  private static String listSortKey(Instant createdAt, String slug) {
    return String.format("%013d#%s", createdAt.toEpochMilli(), slug);
  }

  private static String slugKey(String slug) {
    return "SLUG#" + slug;
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }
}
