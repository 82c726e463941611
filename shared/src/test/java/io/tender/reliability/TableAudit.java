package io.tender.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import io.tender.adapter.dynamo.DynamoLedger;
import io.tender.adapter.dynamo.MerchantEventItems;
import io.tender.adapter.json.Json;
import io.tender.core.ledger.Direction;
import io.tender.core.ledger.LedgerAccount;
import io.tender.core.ledger.LedgerBook;
import io.tender.core.ledger.LedgerEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads back what a tenant's book and outbox hold, straight from the table: ledger transactions
 * with their entries, balances, and committed merchant events.
 */
final class TableAudit {
  private final DynamoDbClient dynamo;
  private final String table;
  private final DynamoLedger ledger;
  private final Instant since;
  private final Clock clock;

  /** One ledger entry as stored. */
  record Entry(String transaction, LedgerAccount account, boolean debit, long amount, String currency,
      String reference) {
    long signed() {
      return debit ? amount : -amount;
    }
  }

  /** One committed merchant event as stored. */
  record EventItem(String id, String type, String objectId, long sequence, JsonNode body) {}

  /** Events are filed by the day their id was made: those of {@code since} up to the clock's now are read. */
  TableAudit(DynamoDbClient dynamo, String table, Instant since, Clock clock) {
    this.dynamo = dynamo;
    this.table = table;
    this.since = since;
    this.clock = clock;
    this.ledger = new DynamoLedger(dynamo, table);
  }

  /**
   * Every transaction of the book by id with its entries, read back through the book's index by
   * time (which projects whole transactions), as stored: an unbalanced one is listed, not refused.
   */
  Map<String, List<Entry>> transactions(LedgerBook book) {
    Map<String, List<Entry>> transactions = new TreeMap<>();
    for (List<LedgerEntry> stored : ledger.transactions(book)) {
      String id = stored.get(0).transactionId().value();
      transactions.put(id, stored.stream().map(entry -> new Entry(id, entry.account(),
          entry.direction() == Direction.DEBIT, entry.amount(), entry.currency(), entry.reference())).toList());
    }
    return transactions;
  }

  /** The entries of one transaction as its own item holds them (a strongly consistent read). */
  int storedEntries(LedgerBook book, String transactionId) {
    return ledger.entries(book, transactionId).size();
  }

  long balance(LedgerBook book, LedgerAccount account, String currency) {
    return ledger.balance(book, account, currency);
  }

  /**
   * What is wrong with the book: a transaction that does not sum to zero in each currency, or has
   * fewer than two entries, and any balance that is not the sum of its account's entries.
   */
  List<String> ledgerViolations(LedgerBook book, Map<String, List<Entry>> transactions, Set<String> currencies) {
    List<String> violations = new ArrayList<>();
    Map<String, Long> fromEntries = new HashMap<>();
    transactions.forEach((id, entries) -> {
      if (entries.size() < 2) {
        violations.add("transaction " + id + " has " + entries.size() + " entries");
      }
      Map<String, Long> sums = new HashMap<>();
      for (Entry entry : entries) {
        sums.merge(entry.currency(), entry.signed(), Long::sum);
        fromEntries.merge(entry.account() + "/" + entry.currency(), entry.account().natural(entry.signed()), Long::sum);
      }
      sums.forEach((currency, sum) -> {
        if (sum != 0) {
          violations.add("transaction " + id + " sums to " + sum + " " + currency);
        }
      });
    });
    for (String currency : currencies) {
      for (LedgerAccount account : LedgerAccount.values()) {
        long balance = balance(book, account, currency);
        long expected = fromEntries.getOrDefault(account + "/" + currency, 0L);
        if (balance != expected) {
          violations.add("balance " + account + " " + currency + " is " + balance + ", its entries sum to " + expected);
        }
      }
    }
    return violations;
  }

  /**
   * The tenant's committed merchant events in that mode, oldest first, expired or not: every day
   * partition from the day before {@code since} to the day after now (a day either side, so that
   * an id made a moment off the clock is still found).
   */
  List<EventItem> events(String tenantId, io.tender.core.tenant.Mode mode) {
    List<EventItem> events = new ArrayList<>();
    LocalDate last = MerchantEventItems.day(clock.instant()).plusDays(1);
    for (LocalDate day = MerchantEventItems.day(since).minusDays(1); !day.isAfter(last); day = day.plusDays(1)) {
      String partition = MerchantEventItems.dayPartition(tenantId, mode, day);
      dynamo.queryPaginator(query -> query.tableName(table).keyConditionExpression("pk = :pk")
              .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(partition))))
          .items().forEach(item -> MerchantEventItems.entries(item).forEach(event -> events.add(new EventItem(
              event.id(), event.type(), event.objectId(), event.sequence(), json(event.body())))));
    }
    return events;
  }

  private static JsonNode json(String body) {
    try {
      return Json.mapper().readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException("a merchant event body is not JSON: " + body, e);
    }
  }
}
