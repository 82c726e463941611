package io.tender.adapter.dynamo;

import io.tender.core.ledger.BalanceShard;
import io.tender.core.ledger.Direction;
import io.tender.core.ledger.LedgerAccount;
import io.tender.core.ledger.LedgerBook;
import io.tender.core.ledger.LedgerEntry;
import io.tender.core.ledger.LedgerTransaction;
import io.tender.core.ledger.TransactionId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A ledger transaction as ONE immutable item, its entries inside: {@code pk = T#{t}#{m}#LTX#{txId}},
 * {@code sk = #}, {@code at} (ISO instant), {@code reference}, and {@code entries}, a list of
 * {@code "{DEBIT|CREDIT} {account} {amount} {currency}"} strings in index order (two entries make
 * about 350 bytes; sixteen with 11-digit amounts about 950). One item and one {@code gsi1} copy,
 * instead of both per entry, keep the record of a posting at 4 write units inside a transaction
 * (its balance ADDs aside). The book is listed by time through
 * {@code gsi1pk = T#{t}#{m}#LEDGER#{shard}}, {@code gsi1sk = {epoch ms, 13 digits}#{txId}}, sharded
 * like the balances ({@link BalanceShard}) so a busy merchant's postings spread over index partitions.
 */
public final class LedgerItems {
  public static final int INDEX_SHARDS = BalanceShard.DEFAULT_SHARDS;
  /** The last time {@link #timeKey} writes in its fixed width. */
  public static final Instant LATEST = Instant.ofEpochMilli(9_999_999_999_999L);

  private LedgerItems() {}

  public static Map<String, AttributeValue> item(LedgerTransaction transaction) {
    LedgerBook book = transaction.book();
    String id = transaction.id().value();
    Map<String, AttributeValue> item = new HashMap<>(key(book, id));
    item.put("gsi1pk", s(listPartition(book, BalanceShard.of(transaction.id(), INDEX_SHARDS))));
    item.put("gsi1sk", s(timeKey(transaction.at()) + "#" + id));
    item.put("at", s(transaction.at().toString()));
    item.put("reference", s(transaction.reference()));
    item.put("entries", AttributeValue.fromL(transaction.entries().stream().map(e -> s(entryText(e))).toList()));
    return item;
  }

  public static Map<String, AttributeValue> key(LedgerBook book, String transactionId) {
    return Map.of("pk", s(prefix(book) + "LTX#" + transactionId), "sk", s("#"));
  }

  /** One of the {@link #INDEX_SHARDS} partitions of {@code gsi1} that list the book by time. */
  public static String listPartition(LedgerBook book, int shard) {
    return prefix(book) + "LEDGER#" + shard;
  }

  /**
   * The sort-key text of a time: epoch milliseconds, zero-padded so that text order is time order
   * (ISO text is not: {@code 12:00:00Z} sorts after {@code 12:00:00.5Z}). Fixed width until 2286.
   */
  public static String timeKey(Instant at) {
    long millis = at.toEpochMilli();
    if (millis < 0 || millis > LATEST.toEpochMilli()) {
      throw new IllegalArgumentException("the ledger index orders times from 1970 to " + LATEST + ", not " + at);
    }
    return String.format("%013d", millis);
  }

  /** An entry as it sits in the item's {@code entries} list; its position there is its index. */
  public static String entryText(LedgerEntry entry) {
    return entry.direction().name() + " " + entry.account().name() + " " + entry.amount() + " " + entry.currency();
  }

  /**
   * The entries of a stored transaction item, as stored: each one checked on its own, the
   * transaction not (so an audit can report an unbalanced one instead of failing to read it).
   */
  public static List<LedgerEntry> entries(LedgerBook book, Map<String, AttributeValue> item) {
    String pk = item.get("pk").s();
    String prefix = prefix(book) + "LTX#";
    if (!pk.startsWith(prefix)) {
      throw new IllegalArgumentException("not a ledger transaction of " + book + ": " + pk);
    }
    TransactionId id = new TransactionId(pk.substring(prefix.length()));
    Instant at = Instant.parse(item.get("at").s());
    String reference = item.get("reference").s();
    List<AttributeValue> lines = item.get("entries").l();
    List<LedgerEntry> entries = new ArrayList<>(lines.size());
    for (int index = 0; index < lines.size(); index++) {
      String[] parts = lines.get(index).s().split(" ");
      if (parts.length != 4) {
        throw new IllegalArgumentException("a ledger entry is '{direction} {account} {amount} {currency}', was "
            + lines.get(index).s() + " in " + pk);
      }
      entries.add(new LedgerEntry(id, index, LedgerAccount.valueOf(parts[1]), Direction.valueOf(parts[0]),
          Long.parseLong(parts[2]), parts[3], book.tenantId(), book.mode(), at, reference));
    }
    return entries;
  }

  static String prefix(LedgerBook book) {
    return "T#" + book.tenantId() + "#" + book.mode().wire() + "#";
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }
}
