package io.tender.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ShardedBalanceTest {
  private static final BalanceKey AVAILABLE_EUR = new BalanceKey(LedgerAccount.MERCHANT_AVAILABLE, "EUR");

  @Test
  void theBalanceIsTheSumOfItsShards() {
    ShardedBalance balance = new ShardedBalance(AVAILABLE_EUR, 8, Map.of(0, 100L, 3, -40L, 7, 15L));

    assertThat(balance.total()).isEqualTo(75);
  }

  @Test
  void missingShardsCountAsZero() {
    assertThat(ShardedBalance.empty(AVAILABLE_EUR, 8).total()).isZero();
  }

  @Test
  void aChangeLandsOnTheTransactionsShard() {
    TransactionId capture = TransactionId.capture("pay_1");

    ShardedBalance balance = ShardedBalance.empty(AVAILABLE_EUR, 8).plus(capture, 500).plus(capture, 250);

    assertThat(balance.counters()).containsExactly(Map.entry(BalanceShard.of(capture, 8), 750L));
    assertThat(balance.total()).isEqualTo(750);
  }

  @Test
  void refusesShardsOutsideTheRange() {
    assertThatThrownBy(() -> new ShardedBalance(AVAILABLE_EUR, 8, Map.of(8, 1L))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ShardedBalance(AVAILABLE_EUR, 8, Map.of(-1, 1L))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesASumThatOverflows() {
    ShardedBalance balance = new ShardedBalance(AVAILABLE_EUR, 8, Map.of(0, Long.MAX_VALUE, 1, 1L));

    assertThatThrownBy(balance::total).isInstanceOf(InvalidTransactionException.class);
  }
}
