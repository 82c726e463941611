package io.tender.core.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The hash that links a tenant's audit entries: each entry's hash covers the previous entry's
 * hash and every field of the entry, so changing, removing or reordering any entry that has a
 * successor breaks the chain at that point.
 *
 * <p>The hash is SHA-256, in lower-case hex, of a canonical encoding: a version tag, then each
 * field in a fixed order, every text field as a presence byte, a 4-byte length and its UTF-8
 * bytes, numbers as fixed-width big-endian. Length prefixes make the encoding unambiguous, so
 * moving text from one field to the next changes the hash. Details are encoded sorted by key
 * ({@link String#compareTo} order) with their count first; time is epoch seconds and nanos.
 *
 * <p>What the chain cannot detect on its own: deleting the newest entries. A chain cut short at
 * entry n is still a valid chain of n entries. Nor can it tell a whole chain re-written from the
 * first entry onwards by someone who can write the table. Both are caught by anchoring the head
 * ({@link AuditLog#head}: sequence and hash) somewhere the table's writers cannot rewrite, for
 * example periodically into the application logs, and checking the chain still reaches each
 * anchored head.
 */
public final class AuditChain {
  /** The previous hash of a tenant's first entry. */
  public static final String GENESIS = "0".repeat(64);

  private static final String VERSION = "tender.audit.v1";
  private static final byte ABSENT = 0;
  private static final byte PRESENT = 1;

  private AuditChain() {}

  public static String hash(String previousHash, String tenantId, long sequence, AuditEvent event,
      Instant at) {
    if (previousHash == null || tenantId == null || event == null || at == null) {
      throw new IllegalArgumentException("an audit hash needs the previous hash, tenant, event and time");
    }
    MessageDigest digest = sha256();
    text(digest, VERSION);
    text(digest, previousHash);
    text(digest, tenantId);
    digest.update(ByteBuffer.allocate(Long.BYTES).putLong(sequence).array());
    text(digest, event.action());
    text(digest, event.actor().type());
    text(digest, event.actor().id());
    text(digest, event.ip());
    text(digest, event.requestId());
    Map<String, String> details = new TreeMap<>(event.details());
    digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(details.size()).array());
    details.forEach((key, value) -> {
      text(digest, key);
      text(digest, value);
    });
    digest.update(ByteBuffer.allocate(Long.BYTES + Integer.BYTES)
        .putLong(at.getEpochSecond()).putInt(at.getNano()).array());
    return HexFormat.of().formatHex(digest.digest());
  }

  /** A presence byte, then (when present) the UTF-8 length and bytes. */
  private static void text(MessageDigest digest, String value) {
    if (value == null) {
      digest.update(ABSENT);
      return;
    }
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    digest.update(PRESENT);
    digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
    digest.update(bytes);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime provides SHA-256", e);
    }
  }
}
