package io.tender.core.ledger;

import static io.tender.core.ledger.LedgerAccount.MERCHANT_PENDING;
import static io.tender.core.ledger.LedgerAccount.PROVIDER_CLEARING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tender.core.tenant.Mode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BalancesTest {
  private static final LedgerBook BOOK = new LedgerBook("ten_acme", Mode.TEST);

  @Test
  void signedBalancesArePositiveForDebitsAndNaturalOnesForTheNormalSide() {
    Balances balances = Balances.fold(BOOK, Postings.capture(BOOK, "pay_1", 900, "EUR", Instant.EPOCH).entries());

    assertThat(balances.signed(PROVIDER_CLEARING, "EUR")).isEqualTo(900);
    assertThat(balances.signed(MERCHANT_PENDING, "EUR")).isEqualTo(-900);
    assertThat(balances.natural(PROVIDER_CLEARING, "EUR")).isEqualTo(900);
    assertThat(balances.natural(MERCHANT_PENDING, "EUR")).isEqualTo(900);
    assertThat(balances.total("EUR")).isZero();
  }

  @Test
  void currenciesAreKeptApart() {
    List<LedgerEntry> entries = new ArrayList<>();
    entries.addAll(Postings.capture(BOOK, "pay_1", 900, "EUR", Instant.EPOCH).entries());
    entries.addAll(Postings.capture(BOOK, "pay_2", 40, "JPY", Instant.EPOCH).entries());

    Balances balances = Balances.fold(BOOK, entries);

    assertThat(balances.natural(PROVIDER_CLEARING, "EUR")).isEqualTo(900);
    assertThat(balances.natural(PROVIDER_CLEARING, "JPY")).isEqualTo(40);
    assertThat(balances.natural(PROVIDER_CLEARING, "USD")).isZero();
  }

  @Test
  void aPartialFoldShowsTheImbalanceItHas() {
    LedgerEntry debitOnly = Postings.capture(BOOK, "pay_1", 900, "EUR", Instant.EPOCH).entries().get(0);

    assertThat(Balances.fold(BOOK, List.of(debitOnly)).total("EUR")).isEqualTo(900);
  }

  @Test
  void refusesEntriesOfAnotherBook() {
    LedgerBook live = new LedgerBook("ten_acme", Mode.LIVE);
    List<LedgerEntry> liveEntries = Postings.capture(live, "pay_1", 900, "EUR", Instant.EPOCH).entries();

    assertThatThrownBy(() -> Balances.fold(BOOK, liveEntries)).isInstanceOf(InvalidTransactionException.class);
  }
}
