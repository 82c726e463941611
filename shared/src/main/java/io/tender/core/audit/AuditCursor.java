package io.tender.core.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The listing cursor: "entries before sequence n" for one tenant, base64url-encoded so callers
 * treat it as opaque. It carries a fingerprint of the tenant, so that a cursor from one tenant's
 * listing is refused in another's. The fingerprint is not what keeps tenants apart — every
 * listing reads only the asking tenant's entries, whatever the cursor says — it makes a mixed-up
 * cursor fail loudly instead of paging through the wrong place.
 */
public final class AuditCursor {
  private static final String VERSION = "a1";
  private static final int FINGERPRINT_BYTES = 8;

  private AuditCursor() {}

  /** The cursor to the tenant's entries older than {@code sequence}. */
  public static String before(String tenantId, long sequence) {
    String plain = VERSION + "." + fingerprint(tenantId) + "." + sequence;
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
  }

  /** The sequence the cursor's page starts below; {@link InvalidAuditCursorException} otherwise. */
  public static long sequenceBefore(String tenantId, String cursor) {
    String plain;
    try {
      plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
    } catch (IllegalArgumentException e) {
      throw new InvalidAuditCursorException("not a cursor this listing issued");
    }
    String[] parts = plain.split("\\.", -1);
    if (parts.length != 3 || !parts[0].equals(VERSION) || !parts[2].matches("[0-9]{1,19}")) {
      throw new InvalidAuditCursorException("not a cursor this listing issued");
    }
    if (!parts[1].equals(fingerprint(tenantId))) {
      throw new InvalidAuditCursorException("it belongs to another tenant's listing");
    }
    long sequence;
    try {
      sequence = Long.parseLong(parts[2]);
    } catch (NumberFormatException e) {
      throw new InvalidAuditCursorException("not a cursor this listing issued");
    }
    if (sequence < 2) {
      throw new InvalidAuditCursorException("not a cursor this listing issued");
    }
    return sequence;
  }

  private static String fingerprint(String tenantId) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update("tender.audit.cursor\0".getBytes(StandardCharsets.US_ASCII));
      byte[] hash = digest.digest(tenantId.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, FINGERPRINT_BYTES);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime provides SHA-256", e);
    }
  }
}
