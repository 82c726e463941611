package io.tender.core.ledger;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One balance as read back from its shard counters: shard number to its natural-side counter.
 * A shard no transaction has written yet has no item, and counts as zero.
 */
public record ShardedBalance(BalanceKey key, int shards, Map<Integer, Long> counters) {
  public ShardedBalance {
    Objects.requireNonNull(key, "key");
    if (shards < 1) {
      throw new IllegalArgumentException("shards must be at least 1, was " + shards);
    }
    counters = Collections.unmodifiableMap(new TreeMap<>(counters));
    for (Integer shard : counters.keySet()) {
      if (shard == null || shard < 0 || shard >= shards) {
        throw new IllegalArgumentException("shard " + shard + " is outside 0.." + (shards - 1));
      }
    }
  }

  public static ShardedBalance empty(BalanceKey key, int shards) {
    return new ShardedBalance(key, shards, Map.of());
  }

  /** The counters after a transaction's change lands on its shard. */
  public ShardedBalance plus(TransactionId transactionId, long naturalChange) {
    TreeMap<Integer, Long> next = new TreeMap<>(counters);
    next.merge(BalanceShard.of(transactionId, shards), naturalChange, Amounts::add);
    return new ShardedBalance(key, shards, next);
  }

  /** The balance: the sum of the shard counters. */
  public long total() {
    long total = 0;
    for (long counter : counters.values()) {
      total = Amounts.add(total, counter);
    }
    return total;
  }
}
