package io.tender.core.idempotency;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The request hash an idempotency record is bound to: SHA-256, in lower-case hex, over the
 * method, the route and the exact body bytes. The same key sent with another body is then told
 * apart without storing the body. Each part is length-prefixed so that no two different
 * (method, route, body) triples hash the same input.
 */
public final class RequestFingerprint {
  private RequestFingerprint() {}

  /** @param body the raw body bytes as received; null (no body) hashes as empty */
  public static String of(String method, String route, byte[] body) {
    MessageDigest sha256 = sha256();
    update(sha256, method.getBytes(StandardCharsets.UTF_8));
    update(sha256, route.getBytes(StandardCharsets.UTF_8));
    update(sha256, body == null ? new byte[0] : body);
    return HexFormat.of().formatHex(sha256.digest());
  }

  private static void update(MessageDigest digest, byte[] part) {
    digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(part.length).array());
    digest.update(part);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime provides SHA-256", e);
    }
  }
}
