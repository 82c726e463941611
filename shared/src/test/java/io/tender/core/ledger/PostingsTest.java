package io.tender.core.ledger;

import static io.tender.core.ledger.LedgerAccount.FEES;
import static io.tender.core.ledger.LedgerAccount.MERCHANT_AVAILABLE;
import static io.tender.core.ledger.LedgerAccount.MERCHANT_PENDING;
import static io.tender.core.ledger.LedgerAccount.PROVIDER_CLEARING;
import static io.tender.core.ledger.LedgerAccount.REFUNDS_PAYABLE;
import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tender.core.tenant.Mode;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class PostingsTest {
  private static final LedgerBook BOOK = new LedgerBook("ten_acme", Mode.LIVE);
  private static final Instant AT = Instant.parse("2025-03-01T10:15:30Z");

  @Test
  void captureDebitsClearingAndCreditsMerchantPending() {
    LedgerTransaction capture = Postings.capture(BOOK, "pay_1", 2500, "EUR", AT);

    assertThat(capture.id()).isEqualTo(TransactionId.capture("pay_1"));
    assertThat(capture.reference()).isEqualTo("pay_1");
    assertThat(capture.entries()).extracting(LedgerEntry::account, LedgerEntry::direction, LedgerEntry::amount)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(PROVIDER_CLEARING, Direction.DEBIT, 2500L),
            org.assertj.core.groups.Tuple.tuple(MERCHANT_PENDING, Direction.CREDIT, 2500L));
    assertThat(capture.balanceChanges()).containsExactly(
        entry(new BalanceKey(PROVIDER_CLEARING, "EUR"), 2500L),
        entry(new BalanceKey(MERCHANT_PENDING, "EUR"), 2500L));
  }

  @Test
  void captureWithFeeCreditsTheFeeAndPendsTheRest() {
    LedgerTransaction capture = Postings.capture(BOOK, "pay_1", 2500, 75, "EUR", AT);

    assertThat(capture.balanceChanges()).containsExactly(
        entry(new BalanceKey(PROVIDER_CLEARING, "EUR"), 2500L),
        entry(new BalanceKey(MERCHANT_PENDING, "EUR"), 2425L),
        entry(new BalanceKey(FEES, "EUR"), 75L));
  }

  @Test
  void captureRefusesAFeeThatLeavesTheMerchantNothing() {
    assertThatThrownBy(() -> Postings.capture(BOOK, "pay_1", 100, 100, "EUR", AT))
        .isInstanceOf(InvalidTransactionException.class);
    assertThatThrownBy(() -> Postings.capture(BOOK, "pay_1", 100, -1, "EUR", AT))
        .isInstanceOf(InvalidTransactionException.class);
    assertThatThrownBy(() -> Postings.capture(BOOK, "pay_1", 0, "EUR", AT))
        .isInstanceOf(InvalidTransactionException.class);
  }

  @Test
  void releaseMovesPendingToAvailable() {
    LedgerTransaction release = Postings.release(BOOK, "pay_1", 2425, "EUR", AT);

    assertThat(release.id()).isEqualTo(TransactionId.release("pay_1"));
    assertThat(release.balanceChanges()).containsExactly(
        entry(new BalanceKey(MERCHANT_PENDING, "EUR"), -2425L),
        entry(new BalanceKey(MERCHANT_AVAILABLE, "EUR"), 2425L));
  }

  @Test
  void refundDrawsOnAvailableAndOwesTheCustomer() {
    LedgerTransaction refund = Postings.refund(BOOK, "re_1", 700, "EUR", AT);

    assertThat(refund.id()).isEqualTo(TransactionId.refund("re_1"));
    assertThat(refund.reference()).isEqualTo("re_1");
    assertThat(refund.balanceChanges()).containsExactly(
        entry(new BalanceKey(MERCHANT_AVAILABLE, "EUR"), -700L),
        entry(new BalanceKey(REFUNDS_PAYABLE, "EUR"), 700L));
  }

  @Test
  void settledRefundComesOffWhatTheProviderOwes() {
    LedgerTransaction settled = Postings.refundSettled(BOOK, "re_1", 700, "EUR", AT);

    assertThat(settled.id()).isEqualTo(TransactionId.refundSettlement("re_1"));
    assertThat(settled.balanceChanges()).containsExactly(
        entry(new BalanceKey(PROVIDER_CLEARING, "EUR"), -700L),
        entry(new BalanceKey(REFUNDS_PAYABLE, "EUR"), -700L));
  }

  @Test
  void failedRefundIsTheMirrorOfTheRefund() {
    LedgerTransaction refund = Postings.refund(BOOK, "re_1", 700, "EUR", AT);
    LedgerTransaction reversal = Postings.refundFailed(BOOK, "re_1", 700, "EUR", AT.plusSeconds(60));

    assertThat(reversal.id()).isEqualTo(TransactionId.refundReversal("re_1"));
    assertThat(reversal.balanceChanges()).hasSameSizeAs(refund.balanceChanges());
    refund.balanceChanges().forEach((key, change) -> assertThat(reversal.balanceChanges()).containsEntry(key, -change));
  }

  @Test
  void captureReleaseAndSettledRefundLeaveTheRightBalances() {
    List<LedgerTransaction> lifecycle = List.of(
        Postings.capture(BOOK, "pay_1", 10_000, 290, "USD", AT),
        Postings.release(BOOK, "pay_1", 9_710, "USD", AT),
        Postings.refund(BOOK, "re_1", 4_000, "USD", AT),
        Postings.refundSettled(BOOK, "re_1", 4_000, "USD", AT),
        Postings.refund(BOOK, "re_2", 1_000, "USD", AT),
        Postings.refundFailed(BOOK, "re_2", 1_000, "USD", AT));

    Balances balances = Balances.fold(BOOK, lifecycle.stream().flatMap(t -> t.entries().stream()).toList());

    assertThat(balances.natural(PROVIDER_CLEARING, "USD")).isEqualTo(6_000);
    assertThat(balances.natural(MERCHANT_PENDING, "USD")).isZero();
    assertThat(balances.natural(MERCHANT_AVAILABLE, "USD")).isEqualTo(5_710);
    assertThat(balances.natural(REFUNDS_PAYABLE, "USD")).isZero();
    assertThat(balances.natural(FEES, "USD")).isEqualTo(290);
    assertThat(balances.total("USD")).isZero();
  }

  @Test
  void everyPostingIsInTheGivenBook() {
    Stream.of(
            Postings.capture(BOOK, "pay_1", 100, "GBP", AT),
            Postings.release(BOOK, "pay_1", 100, "GBP", AT),
            Postings.refund(BOOK, "re_1", 100, "GBP", AT),
            Postings.refundSettled(BOOK, "re_1", 100, "GBP", AT),
            Postings.refundFailed(BOOK, "re_1", 100, "GBP", AT))
        .forEach(transaction -> assertThat(transaction.entries())
            .allSatisfy(e -> assertThat(e.book()).isEqualTo(BOOK)));
  }
}
