package io.tender.adapter.dynamo;

import io.tender.core.ledger.BalanceKey;
import io.tender.core.ledger.BalanceShard;
import io.tender.core.ledger.LedgerAccount;
import io.tender.core.ledger.LedgerBook;
import io.tender.core.ledger.LedgerEntry;
import io.tender.core.ledger.LedgerTransaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The ledger in TenderTable: each transaction ONE immutable item holding its entries
 * ({@link LedgerItems}), listed by time through gsi1, and balances as sharded counters
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
   * The writes of one transaction: its item once ({@code attribute_not_exists}), and each balance
   * change added to the transaction's shard. A retried transaction fails on its item, so the whole
   * TransactWriteItems it is part of adds nothing twice.
   */
  public List<TransactWriteItem> writes(LedgerTransaction transaction) {
    List<TransactWriteItem> writes = new ArrayList<>();
    LedgerBook book = transaction.book();
    writes.add(TransactWriteItem.builder().put(put -> put.tableName(table).item(LedgerItems.item(transaction))
        .conditionExpression("attribute_not_exists(pk)")).build());
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

  /**
   * The entries of one transaction as stored, in index order, none if it was never written: one
   * strongly consistent read of its item.
   */
  public List<LedgerEntry> entries(LedgerBook book, String transactionId) {
    Map<String, AttributeValue> item = dynamo.getItem(get -> get.tableName(table).consistentRead(true)
        .key(LedgerItems.key(book, transactionId))).item();
    return item == null || item.isEmpty() ? List.of() : LedgerItems.entries(book, item);
  }

  /**
   * Ledger entries by (tenant, account, time): the account's entries in transactions from
   * {@code from} to {@code to} (both included, to the millisecond), oldest first. The index lists
   * transactions, not entries, so this reads every transaction of the book in the range (one query
   * per index shard) and keeps the account's lines: a rare read paying for a cheaper posting.
   */
  public List<LedgerEntry> entries(LedgerBook book, LedgerAccount account, Instant from, Instant to) {
    return transactions(book, from, to).stream().flatMap(List::stream)
        .filter(entry -> entry.account() == account).toList();
  }

  /** Every transaction of the book, oldest first (see {@link #transactions(LedgerBook, Instant, Instant)}). */
  public List<List<LedgerEntry>> transactions(LedgerBook book) {
    return transactions(book, Instant.EPOCH, LedgerItems.LATEST);
  }

  /**
   * Every transaction of the book from {@code from} to {@code to} (both included, to the
   * millisecond), oldest first, each as its stored entries. Read through gsi1, so eventually
   * consistent.
   */
  public List<List<LedgerEntry>> transactions(LedgerBook book, Instant from, Instant to) {
    String low = LedgerItems.timeKey(from);
    String high = LedgerItems.timeKey(to) + "#~"; // '~' sorts after every character a transaction id may hold
    // Keyed by the index's sort key ({time}#{txId}), which merges the shards in time order.
    TreeMap<String, List<LedgerEntry>> byTime = new TreeMap<>();
    for (int shard = 0; shard < LedgerItems.INDEX_SHARDS; shard++) {
      String partition = LedgerItems.listPartition(book, shard);
      dynamo.queryPaginator(query -> query.tableName(table).indexName("gsi1")
              .keyConditionExpression("gsi1pk = :pk AND gsi1sk BETWEEN :low AND :high")
              .expressionAttributeValues(Map.of(":pk", s(partition), ":low", s(low), ":high", s(high))))
          .items().forEach(item -> byTime.put(item.get("gsi1sk").s(), LedgerItems.entries(book, item)));
    }
    return List.copyOf(byTime.values());
  }

  private static Map<String, AttributeValue> balanceKey(LedgerBook book, BalanceKey key, int shard) {
    return Map.of("pk", s(balancePartition(book, key)), "sk", s("SHARD#" + shard));
  }

  private static String balancePartition(LedgerBook book, BalanceKey key) {
    return LedgerItems.prefix(book) + "BAL#" + key.account().name() + "#" + key.currency();
  }


  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }
}
