package io.tender.adapter.dynamo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tender.core.ledger.BalanceShard;
import io.tender.core.ledger.LedgerAccount;
import io.tender.core.ledger.LedgerBook;
import io.tender.core.ledger.LedgerTransaction;
import io.tender.core.ledger.Postings;
import io.tender.core.ledger.TransactionId;
import io.tender.core.tenant.Mode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A ledger transaction as one item: what it holds, how big it is, and how it reads back. */
class LedgerItemsTest {
  // Ids as long as production's (prefix, underscore, 26 characters) and a time with nanoseconds.
  private static final String TENANT = "ten_01JD3X5Q7Z8W9V0T1S2R3Q4P5N";
  private static final String PAYMENT = "pay_01JD3X5Q7Z8W9V0T1S2R3Q4P5N";
  private static final Instant AT = Instant.parse("2026-11-23T12:00:00.123456789Z");
  private static final LedgerBook BOOK = new LedgerBook(TENANT, Mode.LIVE);

  @Test
  void aTransactionIsOneItemUnderItsOwnKeyListedOnceByTimeInItsShard() {
    LedgerTransaction capture = Postings.capture(BOOK, PAYMENT, 2500, 75, "USD", AT);
    Map<String, AttributeValue> item = LedgerItems.item(capture);

    assertThat(item.get("pk").s()).isEqualTo("T#" + TENANT + "#live#LTX#capture:" + PAYMENT);
    assertThat(item.get("sk").s()).isEqualTo("#");
    assertThat(item.get("gsi1pk").s()).isEqualTo("T#" + TENANT + "#live#LEDGER#"
        + BalanceShard.of(capture.id(), BalanceShard.DEFAULT_SHARDS));
    assertThat(item.get("gsi1sk").s()).isEqualTo(AT.toEpochMilli() + "#capture:" + PAYMENT);
    assertThat(item.get("entries").l()).extracting(AttributeValue::s)
        .containsExactly("DEBIT PROVIDER_CLEARING 2500 USD", "CREDIT MERCHANT_PENDING 2425 USD", "CREDIT FEES 75 USD");
  }

  @Test
  void theStoredEntriesReadBackAsTheSameBalancedTransaction() {
    LedgerTransaction capture = Postings.capture(BOOK, PAYMENT, 2500, 75, "USD", AT);

    assertThat(LedgerTransaction.of(LedgerItems.entries(BOOK, LedgerItems.item(capture)))).isEqualTo(capture);
    LedgerTransaction refund = Postings.refund(BOOK, "re_01JD3X5Q7Z8W9V0T1S2R3Q4P5N", 900, "EUR", AT);
    assertThat(LedgerTransaction.of(LedgerItems.entries(BOOK, LedgerItems.item(refund)))).isEqualTo(refund);
  }

  @Test
  void anItemReadAsAnotherBooksIsRefused() {
    Map<String, AttributeValue> item = LedgerItems.item(Postings.capture(BOOK, PAYMENT, 2500, "USD", AT));

    assertThatThrownBy(() -> LedgerItems.entries(new LedgerBook(TENANT, Mode.TEST), item))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** One write unit per copy: two and three entries, and even the most a transaction may hold, stay under 1 KB. */
  @Test
  void anItemStaysUnderOneKilobyte() {
    assertThat(size(LedgerItems.item(Postings.capture(BOOK, PAYMENT, 2500, "USD", AT)))).isLessThan(450);
    assertThat(size(LedgerItems.item(Postings.capture(BOOK, PAYMENT, 2_000_000_000L, 75, "USD", AT))))
        .isLessThan(500);
    LedgerTransaction.Builder largest = LedgerTransaction.builder(
        TransactionId.additionalCapture(PAYMENT, 99_999_999_999L), BOOK, AT, PAYMENT);
    for (int i = 0; i < LedgerTransaction.MAX_ENTRIES / 2; i++) {
      largest.debit(LedgerAccount.MERCHANT_AVAILABLE, 99_999_999_999L, "USD")
          .credit(LedgerAccount.REFUNDS_PAYABLE, 99_999_999_999L, "USD");
    }
    assertThat(size(LedgerItems.item(largest.build()))).isLessThan(1024);
  }

  @Test
  void timeKeysSortAsTimesDo() {
    Instant second = Instant.parse("2026-11-23T12:00:00Z");
    Instant later = Instant.parse("2026-11-23T12:00:00.5Z");

    assertThat(second.toString().compareTo(later.toString())).as("ISO text does not").isPositive();
    assertThat(LedgerItems.timeKey(second).compareTo(LedgerItems.timeKey(later))).isNegative();
    assertThat(LedgerItems.timeKey(Instant.EPOCH)).isEqualTo("0000000000000");
    assertThat(LedgerItems.timeKey(LedgerItems.LATEST)).hasSize(13);
    assertThatThrownBy(() -> LedgerItems.timeKey(LedgerItems.LATEST.plusMillis(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** DynamoDB's item size: each name's bytes plus its value's (a list adds 3, and 1 per element). */
  private static int size(Map<String, AttributeValue> item) {
    return item.entrySet().stream().mapToInt(e -> utf8(e.getKey()) + size(e.getValue())).sum();
  }

  private static int size(AttributeValue value) {
    if (value.s() != null) {
      return utf8(value.s());
    }
    if (value.hasL()) {
      return 3 + value.l().stream().mapToInt(element -> 1 + size(element)).sum();
    }
    throw new IllegalArgumentException("a ledger item holds only strings and lists, found " + value);
  }

  private static int utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }
}
