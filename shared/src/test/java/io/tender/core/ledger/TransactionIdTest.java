package io.tender.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tender.core.tenant.Mode;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TransactionIdTest {
  @Test
  void idsNameTheEventAndTheBusinessId() {
    assertThat(TransactionId.capture("pay_01JD").value()).isEqualTo("capture:pay_01JD");
    assertThat(TransactionId.additionalCapture("pay_01JD", 3000).value()).isEqualTo("capture_to_3000:pay_01JD");
    assertThat(TransactionId.additionalCapture("pay_01JD", 3000)).isNotEqualTo(TransactionId.additionalCapture("pay_01JD", 3500))
        .isNotEqualTo(TransactionId.capture("pay_01JD"));
    assertThat(TransactionId.release("pay_01JD").value()).isEqualTo("release:pay_01JD");
    assertThat(TransactionId.refund("re_01JD").value()).isEqualTo("refund:re_01JD");
    assertThat(TransactionId.refundSettlement("re_01JD").value()).isEqualTo("refund_settlement:re_01JD");
    assertThat(TransactionId.refundReversal("re_01JD").value()).isEqualTo("refund_reversal:re_01JD");
  }

  @Test
  void eachEventOfOneBusinessIdHasItsOwnId() {
    Set<TransactionId> ids = Set.of(TransactionId.capture("x_1"), TransactionId.release("x_1"), TransactionId.refund("x_1"),
        TransactionId.refundSettlement("x_1"), TransactionId.refundReversal("x_1"));

    assertThat(ids).hasSize(5);
  }

  @Test
  void aRetriedEventBuildsTheSameTransaction() {
    LedgerBook book = new LedgerBook("ten_acme", Mode.TEST);
    Instant at = Instant.parse("2025-03-01T10:15:30Z");

    LedgerTransaction first = Postings.capture(book, "pay_1", 1234, 12, "EUR", at);
    LedgerTransaction retry = Postings.capture(book, "pay_1", 1234, 12, "EUR", at);

    assertThat(retry.id()).isEqualTo(first.id());
    assertThat(retry).isEqualTo(first);
    assertThat(retry.entries().stream().map(LedgerEntry::identity).toList())
        .isEqualTo(first.entries().stream().map(LedgerEntry::identity).toList());
  }

  @Test
  void aRetryAtAnotherTimeStillWritesTheSameKeys() {
    LedgerBook book = new LedgerBook("ten_acme", Mode.TEST);
    List<String> first = Postings.refund(book, "re_1", 50, "EUR", Instant.parse("2025-03-01T10:00:00Z"))
        .entries().stream().map(LedgerEntry::identity).toList();
    List<String> retry = Postings.refund(book, "re_1", 50, "EUR", Instant.parse("2025-03-01T10:05:00Z"))
        .entries().stream().map(LedgerEntry::identity).toList();

    assertThat(retry).isEqualTo(first);
  }

  @Test
  void identitiesAreUniqueAcrossTheEntriesOfATransaction() {
    LedgerTransaction capture = Postings.capture(new LedgerBook("ten_acme", Mode.TEST), "pay_1", 1234, 12, "EUR",
        Instant.EPOCH);

    assertThat(capture.entries().stream().map(LedgerEntry::identity).collect(Collectors.toSet()))
        .hasSize(capture.entries().size());
  }

  @Test
  void refusesBusinessIdsThatCouldBreakAKeyOrCollide() {
    assertThatThrownBy(() -> TransactionId.capture("pay#1")).isInstanceOf(InvalidTransactionException.class);
    assertThatThrownBy(() -> TransactionId.capture("pay:1")).isInstanceOf(InvalidTransactionException.class);
    assertThatThrownBy(() -> TransactionId.capture("")).isInstanceOf(InvalidTransactionException.class);
    assertThatThrownBy(() -> TransactionId.capture(null)).isInstanceOf(InvalidTransactionException.class);
    assertThatThrownBy(() -> TransactionId.refund("re 1")).isInstanceOf(InvalidTransactionException.class);
  }
}
