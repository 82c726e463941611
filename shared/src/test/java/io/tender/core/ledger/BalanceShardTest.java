package io.tender.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class BalanceShardTest {

  @Test
  void shardsArePinnedSoEveryWriterAgrees() {
    // Computed independently: first 4 bytes of SHA-256, big-endian, unsigned, modulo N.
    assertThat(BalanceShard.of(TransactionId.capture("pay_1"), 8)).isEqualTo(7);
    assertThat(BalanceShard.of(TransactionId.refund("re_1"), 8)).isEqualTo(4);
    assertThat(BalanceShard.of(TransactionId.release("pay_01JD0000000000000000000000"), 8)).isEqualTo(1);
    assertThat(BalanceShard.of(TransactionId.release("pay_01JD0000000000000000000000"), 16)).isEqualTo(9);
  }

  @Property(tries = 200)
  void aShardIsInRangeAndTheSameEveryTime(
      @ForAll @AlphaChars @NumericChars @StringLength(min = 1, max = 40) String paymentId,
      @ForAll @IntRange(min = 1, max = 64) int shards) {
    TransactionId id = TransactionId.capture(paymentId);

    int shard = BalanceShard.of(id, shards);

    assertThat(shard).isBetween(0, shards - 1);
    assertThat(BalanceShard.of(new TransactionId(id.value()), shards)).isEqualTo(shard);
  }

  @Test
  void timeOrderedIdsSpreadEvenlyOverEightShards() {
    int shards = BalanceShard.DEFAULT_SHARDS;
    int ids = 8_000;
    int[] counts = new int[shards];
    for (int i = 0; i < ids; i++) {
      counts[BalanceShard.of(TransactionId.capture("pay_01JD%06d".formatted(i)), shards)]++;
    }

    double expected = (double) ids / shards;
    double chiSquare = 0;
    for (int count : counts) {
      chiSquare += (count - expected) * (count - expected) / expected;
    }
    // 24.3 is the 99.9th percentile of chi-square with 7 degrees of freedom; the ids are fixed, so this never flakes.
    assertThat(chiSquare).isLessThan(24.3);
    assertThat(counts).doesNotContain(0);
  }

  @Test
  void refusesFewerThanOneShard() {
    assertThatThrownBy(() -> BalanceShard.of(TransactionId.capture("pay_1"), 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
