package io.tender.core.ledger;

import static io.tender.core.ledger.LedgerAccount.FEES;
import static io.tender.core.ledger.LedgerAccount.MERCHANT_AVAILABLE;
import static io.tender.core.ledger.LedgerAccount.MERCHANT_PENDING;
import static io.tender.core.ledger.LedgerAccount.PROVIDER_CLEARING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static java.util.Map.entry;

import io.tender.core.tenant.Mode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LedgerTransactionTest {
  private static final LedgerBook BOOK = new LedgerBook("ten_acme", Mode.TEST);
  private static final Instant AT = Instant.parse("2025-03-01T10:15:30Z");
  private static final TransactionId ID = TransactionId.capture("pay_1");

  private static LedgerTransaction.Builder builder() {
    return LedgerTransaction.builder(ID, BOOK, AT, "pay_1");
  }

  @Test
  void balancedTransactionKeepsItsEntriesInOrder() {
    LedgerTransaction transaction = builder()
        .debit(PROVIDER_CLEARING, 1000, "EUR")
        .credit(MERCHANT_PENDING, 970, "EUR")
        .credit(FEES, 30, "EUR")
        .build();

    assertThat(transaction.id()).isEqualTo(ID);
    assertThat(transaction.book()).isEqualTo(BOOK);
    assertThat(transaction.entries()).extracting(LedgerEntry::index).containsExactly(0, 1, 2);
    assertThat(transaction.entries()).extracting(LedgerEntry::account)
        .containsExactly(PROVIDER_CLEARING, MERCHANT_PENDING, FEES);
    assertThat(transaction.entries()).allSatisfy(entry -> {
      assertThat(entry.tenantId()).isEqualTo("ten_acme");
      assertThat(entry.mode()).isEqualTo(Mode.TEST);
      assertThat(entry.at()).isEqualTo(AT);
      assertThat(entry.reference()).isEqualTo("pay_1");
    });
    assertThat(transaction.entries().stream().mapToLong(LedgerEntry::signedAmount).sum()).isZero();
  }

  @Test
  void refusesDebitsGreaterThanCredits() {
    LedgerTransaction.Builder unbalanced = builder()
        .debit(PROVIDER_CLEARING, 1000, "EUR")
        .credit(MERCHANT_PENDING, 999, "EUR");

    assertThatThrownBy(unbalanced::build).isInstanceOf(InvalidTransactionException.class)
        .hasMessageContaining("differ by 1 EUR");
  }

  @Test
  void refusesCreditsGreaterThanDebits() {
    LedgerTransaction.Builder unbalanced = builder()
        .debit(PROVIDER_CLEARING, 500, "EUR")
        .credit(MERCHANT_PENDING, 400, "EUR")
        .credit(FEES, 101, "EUR");

    assertThatThrownBy(unbalanced::build).isInstanceOf(InvalidTransactionException.class)
        .hasMessageContaining("differ by -1 EUR");
  }

  @Test
  void refusesTwoDebitsWithNoCredit() {
    LedgerTransaction.Builder oneSided = builder()
        .debit(PROVIDER_CLEARING, 100, "EUR")
        .debit(MERCHANT_PENDING, 100, "EUR");

    assertThatThrownBy(oneSided::build).isInstanceOf(InvalidTransactionException.class);
  }

  @Test
  void refusesFewerThanTwoEntries() {
    assertThatThrownBy(builder()::build).isInstanceOf(InvalidTransactionException.class)
        .hasMessageContaining("at least two entries");
    assertThatThrownBy(builder().debit(PROVIDER_CLEARING, 100, "EUR")::build)
        .isInstanceOf(InvalidTransactionException.class);
  }

  @Test
  void refusesZeroAndNegativeAmounts() {
    assertThatThrownBy(() -> builder().debit(PROVIDER_CLEARING, 0, "EUR"))
        .isInstanceOf(InvalidTransactionException.class).hasMessageContaining("positive");
    // A negative line would make two credits look balanced.
    assertThatThrownBy(() -> builder().credit(PROVIDER_CLEARING, 100, "EUR").credit(MERCHANT_PENDING, -100, "EUR"))
        .isInstanceOf(InvalidTransactionException.class);
  }

  @Test
  void refusesCurrenciesThatBalanceOnlyAcrossCurrencies() {
    LedgerTransaction.Builder mixed = builder()
        .debit(PROVIDER_CLEARING, 1000, "EUR")
        .credit(MERCHANT_PENDING, 1000, "USD");

    assertThatThrownBy(mixed::build).isInstanceOf(InvalidTransactionException.class);
  }

  @Test
  void refusesMultiCurrencyTransactionWhenOneCurrencyIsOff() {
    LedgerTransaction.Builder oneOff = builder()
        .debit(PROVIDER_CLEARING, 1000, "EUR")
        .credit(MERCHANT_PENDING, 1000, "EUR")
        .debit(PROVIDER_CLEARING, 500, "USD")
        .credit(MERCHANT_PENDING, 499, "USD");

    assertThatThrownBy(oneOff::build).isInstanceOf(InvalidTransactionException.class)
        .hasMessageContaining("USD");
  }

  @Test
  void acceptsMultiCurrencyTransactionBalancedInEachCurrency() {
    LedgerTransaction transaction = builder()
        .debit(PROVIDER_CLEARING, 1000, "EUR")
        .debit(PROVIDER_CLEARING, 500, "USD")
        .credit(MERCHANT_PENDING, 1000, "EUR")
        .credit(MERCHANT_PENDING, 500, "USD")
        .build();

    assertThat(transaction.entries()).hasSize(4);
    assertThat(transaction.balanceChanges()).containsExactly(
        entry(new BalanceKey(PROVIDER_CLEARING, "EUR"), 1000L),
        entry(new BalanceKey(PROVIDER_CLEARING, "USD"), 500L),
        entry(new BalanceKey(MERCHANT_PENDING, "EUR"), 1000L),
        entry(new BalanceKey(MERCHANT_PENDING, "USD"), 500L));
  }

  @Test
  void refusesMalformedCurrency() {
    assertThatThrownBy(() -> builder().debit(PROVIDER_CLEARING, 1, "eur")).isInstanceOf(InvalidTransactionException.class);
    assertThatThrownBy(() -> builder().debit(PROVIDER_CLEARING, 1, "EURO")).isInstanceOf(InvalidTransactionException.class);
  }

  @Test
  void refusesMoreThanTheMaximumNumberOfEntries() {
    LedgerTransaction.Builder tooMany = builder();
    for (int i = 0; i <= LedgerTransaction.MAX_ENTRIES / 2; i++) {
      tooMany.debit(PROVIDER_CLEARING, 1, "EUR").credit(MERCHANT_PENDING, 1, "EUR");
    }

    assertThatThrownBy(tooMany::build).isInstanceOf(InvalidTransactionException.class).hasMessageContaining("at most");
  }

  @Test
  void balanceChangesMergeOneAccountAndDropWhatNetsToZero() {
    LedgerTransaction transaction = builder()
        .debit(PROVIDER_CLEARING, 300, "EUR")
        .debit(PROVIDER_CLEARING, 200, "EUR")
        .credit(MERCHANT_PENDING, 500, "EUR")
        .debit(MERCHANT_AVAILABLE, 40, "EUR")
        .credit(MERCHANT_AVAILABLE, 40, "EUR")
        .build();

    assertThat(transaction.balanceChanges()).containsExactly(
        entry(new BalanceKey(PROVIDER_CLEARING, "EUR"), 500L),
        entry(new BalanceKey(MERCHANT_PENDING, "EUR"), 500L));
  }

  @Test
  void rebuildsFromStoredEntriesInAnyOrder() {
    LedgerTransaction built = builder()
        .debit(PROVIDER_CLEARING, 1000, "EUR")
        .credit(MERCHANT_PENDING, 970, "EUR")
        .credit(FEES, 30, "EUR")
        .build();
    List<LedgerEntry> shuffled = new ArrayList<>(built.entries());
    java.util.Collections.reverse(shuffled);

    assertThat(LedgerTransaction.of(shuffled)).isEqualTo(built);
  }

  @Test
  void rebuildRefusesEntriesOfTwoBooks() {
    LedgerEntry debit = stored(0, Direction.DEBIT, "ten_acme", Mode.TEST, ID, AT);
    LedgerEntry liveCredit = stored(1, Direction.CREDIT, "ten_acme", Mode.LIVE, ID, AT);
    LedgerEntry otherTenantCredit = stored(1, Direction.CREDIT, "ten_other", Mode.TEST, ID, AT);

    assertThatThrownBy(() -> LedgerTransaction.of(List.of(debit, liveCredit)))
        .isInstanceOf(InvalidTransactionException.class).hasMessageContaining("one tenant and mode");
    assertThatThrownBy(() -> LedgerTransaction.of(List.of(debit, otherTenantCredit)))
        .isInstanceOf(InvalidTransactionException.class).hasMessageContaining("one tenant and mode");
  }

  @Test
  void rebuildRefusesEntriesOfTwoTransactions() {
    LedgerEntry debit = stored(0, Direction.DEBIT, "ten_acme", Mode.TEST, ID, AT);
    LedgerEntry credit = stored(1, Direction.CREDIT, "ten_acme", Mode.TEST, TransactionId.capture("pay_2"), AT);

    assertThatThrownBy(() -> LedgerTransaction.of(List.of(debit, credit)))
        .isInstanceOf(InvalidTransactionException.class).hasMessageContaining("two transactions");
  }

  @Test
  void rebuildRefusesMissingOrRepeatedIndexes() {
    LedgerEntry debit = stored(0, Direction.DEBIT, "ten_acme", Mode.TEST, ID, AT);
    LedgerEntry credit = stored(2, Direction.CREDIT, "ten_acme", Mode.TEST, ID, AT);
    LedgerEntry sameIndexCredit = stored(0, Direction.CREDIT, "ten_acme", Mode.TEST, ID, AT);

    assertThatThrownBy(() -> LedgerTransaction.of(List.of(debit, credit)))
        .isInstanceOf(InvalidTransactionException.class).hasMessageContaining("indexed");
    assertThatThrownBy(() -> LedgerTransaction.of(List.of(debit, sameIndexCredit)))
        .isInstanceOf(InvalidTransactionException.class).hasMessageContaining("indexed");
  }

  @Test
  void rebuildRefusesEntriesAtDifferentTimes() {
    LedgerEntry debit = stored(0, Direction.DEBIT, "ten_acme", Mode.TEST, ID, AT);
    LedgerEntry credit = stored(1, Direction.CREDIT, "ten_acme", Mode.TEST, ID, AT.plusSeconds(1));

    assertThatThrownBy(() -> LedgerTransaction.of(List.of(debit, credit)))
        .isInstanceOf(InvalidTransactionException.class);
  }

  @Test
  void entryIdentityIsUniquePerBookTransactionAndIndex() {
    LedgerEntry entry = stored(1, Direction.CREDIT, "ten_acme", Mode.LIVE, ID, AT);

    assertThat(entry.identity()).isEqualTo("ten_acme#live#capture:pay_1#1");
    assertThat(stored(1, Direction.CREDIT, "ten_acme", Mode.TEST, ID, AT).identity()).isNotEqualTo(entry.identity());
  }

  private static LedgerEntry stored(int index, Direction direction, String tenant, Mode mode, TransactionId id, Instant at) {
    LedgerAccount account = direction == Direction.DEBIT ? PROVIDER_CLEARING : MERCHANT_PENDING;
    return new LedgerEntry(id, index, account, direction, 100, "EUR", tenant, mode, at, "pay_1");
  }
}
