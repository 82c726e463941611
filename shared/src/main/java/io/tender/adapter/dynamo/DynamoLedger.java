package io.tender.adapter.dynamo;

import io.tender.core.ledger.BalanceKey;
import io.tender.core.ledger.BalanceShard;
import io.tender.core.ledger.LedgerAccount;
import io.tender.core.ledger.LedgerBook;
import io.tender.core.ledger.LedgerEntry;
import io.tender.core.ledger.LedgerTransaction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The ledger in TenderTable: immutable entries under their transaction ({@code T#{t}#{m}#LTX#{id}})
 * and listed by account through gsi1, and balances as sharded counters
 * ({@code T#{t}#{m}#BAL#{account}#{currency}}, {@code SHARD#n}) so that no single item takes every
 * payment of a busy merchant. A transaction's writes are handed to the caller, to be committed in
 * the same TransactWriteItems as the payment change that caused it.
 */
public final class DynamoLedger {
  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoLedger(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  /**
   * The writes of one transaction: each entry once ({@code attribute_not_exists}), and each
   * balance change added to the transaction's shard. A retried transaction fails on its first
   * entry, so the whole TransactWriteItems it is part of adds nothing twice.
   */
  public List<TransactWriteItem> writes(LedgerTransaction transaction) {
    List<TransactWriteItem> writes = new ArrayList<>();
    LedgerBook book = transaction.book();
    for (LedgerEntry entry : transaction.entries()) {
      Map<String, AttributeValue> item = new HashMap<>();
      item.put("pk", s(prefix(book) + "LTX#" + transaction.id().value()));
      item.put("sk", s("ENTRY#" + entry.index()));
      item.put("gsi1pk", s(prefix(book) + "ACCT#" + entry.account().name()));
      item.put("gsi1sk", s(entry.at() + "#" + transaction.id().value() + "#" + entry.index()));
      item.put("account", s(entry.account().name()));
      item.put("direction", s(entry.direction().name()));
      item.put("amount", n(entry.amount()));
      item.put("currency", s(entry.currency()));
      item.put("reference", s(entry.reference()));
      item.put("at", s(entry.at().toString()));
      writes.add(TransactWriteItem.builder().put(put -> put.tableName(table).item(item)
          .conditionExpression("attribute_not_exists(pk)")).build());
    }
    int shard = BalanceShard.of(transaction.id(), BalanceShard.DEFAULT_SHARDS);
    transaction.balanceChanges().forEach((key, change) -> writes.add(TransactWriteItem.builder()
        .update(update -> update.tableName(table).key(balanceKey(book, key, shard))
            .updateExpression("ADD balance :change")
            .expressionAttributeValues(Map.of(":change", n(change))))
        .build()));
    return writes;
  }

  /** The account's natural-side balance in one currency: the sum of its shards (one query). */
  public long balance(LedgerBook book, LedgerAccount account, String currency) {
    return dynamo.queryPaginator(query -> query.tableName(table).consistentRead(true)
            .keyConditionExpression("pk = :pk")
            .expressionAttributeValues(Map.of(":pk", s(balancePartition(book, new BalanceKey(account, currency))))))
        .items().stream()
        .mapToLong(item -> Long.parseLong(item.get("balance").n()))
        .reduce(0L, Math::addExact);
  }

  /** The entries of one transaction, as stored. */
  public List<Map<String, AttributeValue>> entries(LedgerBook book, String transactionId) {
    return dynamo.query(query -> query.tableName(table).consistentRead(true)
        .keyConditionExpression("pk = :pk")
        .expressionAttributeValues(Map.of(":pk", s(prefix(book) + "LTX#" + transactionId)))).items();
  }

  private static Map<String, AttributeValue> balanceKey(LedgerBook book, BalanceKey key, int shard) {
    return Map.of("pk", s(balancePartition(book, key)), "sk", s("SHARD#" + shard));
  }

  private static String balancePartition(LedgerBook book, BalanceKey key) {
    return prefix(book) + "BAL#" + key.account().name() + "#" + key.currency();
  }

  private static String prefix(LedgerBook book) {
    return "T#" + book.tenantId() + "#" + book.mode().wire() + "#";
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }
}
