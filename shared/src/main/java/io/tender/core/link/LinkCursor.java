package io.tender.core.link;

import io.tender.core.error.ApiException;
import io.tender.core.tenant.Mode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The opaque cursors of the link listings: a position in one listing, base64url-encoded with a
 * fingerprint of the listing, tenant and mode, so that a cursor handed to another listing or
 * tenant fails loudly. (The fingerprint does not keep tenants apart — every listing reads only
 * the asking tenant's items, whatever the cursor says.)
 */
final class LinkCursor {
  private static final String VERSION = "l1";
  private static final int FINGERPRINT_BYTES = 8;
  private static final Pattern POSITION = Pattern.compile("[A-Za-z0-9:_-]{1,100}");

  private LinkCursor() {}

  static String of(String listing, String tenantId, Mode mode, String position) {
    if (!POSITION.matcher(position).matches()) {
      throw new IllegalArgumentException("not a listing position: " + position);
    }
    String plain = VERSION + "." + fingerprint(listing, tenantId, mode) + "." + position;
    return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
  }

  /** The position a cursor names; a 400 for anything this listing did not hand out. */
  static String position(String listing, String tenantId, Mode mode, String cursor) {
    String plain;
    try {
      plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
    } catch (IllegalArgumentException e) {
      throw invalid();
    }
    String[] parts = plain.split("\\.", 3);
    if (parts.length != 3 || !parts[0].equals(VERSION) || !parts[1].equals(fingerprint(listing, tenantId, mode))
        || !POSITION.matcher(parts[2]).matches()) {
      throw invalid();
    }
    return parts[2];
  }

  static ApiException invalid() {
    return ApiException.invalidRequest("The cursor is not one this list gave out");
  }

  private static String fingerprint(String listing, String tenantId, Mode mode) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] hash = digest.digest(("tender.link.cursor\0" + listing + "\0" + tenantId + "\0" + mode.wire())
          .getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, FINGERPRINT_BYTES);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime provides SHA-256", e);
    }
  }
}
