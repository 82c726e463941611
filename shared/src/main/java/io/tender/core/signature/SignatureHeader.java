package io.tender.core.signature;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * A parsed {@code t=<unix seconds>,v1=<hex>[,v1=<hex>...]} header. Items may carry whitespace
 * around them; anything else out of shape makes the whole header malformed, so that a header is
 * either understood completely or not trusted at all.
 */
record SignatureHeader(long timestampSeconds, List<byte[]> v1Signatures) {
  static final int MAX_LENGTH = 8 * 1024;
  static final int DIGEST_BYTES = 32;

  /** Unix seconds with at most 18 digits always fit in a long, so parsing cannot overflow. */
  private static final int MAX_TIMESTAMP_DIGITS = 18;

  /** The parsed header, or empty when it is malformed; never throws on any input. */
  static Optional<SignatureHeader> parse(String header) {
    if (header.length() > MAX_LENGTH) {
      return Optional.empty();
    }
    Long timestamp = null;
    List<byte[]> v1 = new ArrayList<>();
    for (String rawItem : header.split(",", -1)) {
      String item = rawItem.strip();
      int equals = item.indexOf('=');
      if (equals <= 0 || equals == item.length() - 1) {
        return Optional.empty();
      }
      String key = item.substring(0, equals);
      String value = item.substring(equals + 1);
      if (!isToken(key) || !isVisibleAscii(value)) {
        return Optional.empty();
      }
      switch (key) {
        case "t" -> {
          if (timestamp != null || !isDigits(value, MAX_TIMESTAMP_DIGITS)) {
            return Optional.empty();
          }
          timestamp = Long.parseLong(value);
        }
        case "v1" -> {
          if (!isLowerHex(value, DIGEST_BYTES * 2)) {
            return Optional.empty();
          }
          v1.add(HexFormat.of().parseHex(value));
        }
        default -> {
          // v0 and any scheme added later are not ours to check.
        }
      }
    }
    if (timestamp == null) {
      return Optional.empty();
    }
    return Optional.of(new SignatureHeader(timestamp, List.copyOf(v1)));
  }

  private static boolean isToken(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '_' || c == '-';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static boolean isVisibleAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c <= ' ' || c > '~') {
        return false;
      }
    }
    return true;
  }

  private static boolean isDigits(String s, int maxDigits) {
    if (s.isEmpty() || s.length() > maxDigits) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** Lowercase only, as Stripe and our signer emit it; the length is public, not secret. */
  private static boolean isLowerHex(String s, int length) {
    if (s.length() != length) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return false;
      }
    }
    return true;
  }
}
