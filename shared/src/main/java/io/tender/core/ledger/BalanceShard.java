package io.tender.core.ledger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Which counter of a sharded balance a transaction adds to. Spreading one merchant's balance
 * over N items keeps every payment from writing the same item; the shard is a function of the
 * transaction id alone, so a retried transaction picks the same shard.
 */
public final class BalanceShard {
  public static final int DEFAULT_SHARDS = 8;

  private BalanceShard() {
  }

  /** The first four bytes of SHA-256 of the id, unsigned, modulo {@code shards}: stable across JVMs and languages. */
  public static int of(TransactionId transactionId, int shards) {
    if (shards < 1) {
      throw new IllegalArgumentException("shards must be at least 1, was " + shards);
    }
    byte[] digest = sha256().digest(transactionId.value().getBytes(StandardCharsets.UTF_8));
    int head = ((digest[0] & 0xff) << 24) | ((digest[1] & 0xff) << 16) | ((digest[2] & 0xff) << 8) | (digest[3] & 0xff);
    return Integer.remainderUnsigned(head, shards);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException absent) {
      throw new IllegalStateException("every Java runtime has SHA-256", absent);
    }
  }
}
