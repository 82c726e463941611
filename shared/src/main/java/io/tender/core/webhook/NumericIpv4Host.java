package io.tender.core.webhook;

import java.util.OptionalInt;

/**
 * Reads a URL host the way browsers and {@code inet_aton} do when it "ends in a number" (WHATWG
 * URL standard): one to four dot-separated parts, each decimal, octal (leading {@code 0}) or hex
 * ({@code 0x}); the last part fills all remaining bytes. So {@code 2130706433}, {@code 0177.0.0.1},
 * {@code 0x7f.1} and {@code 127.1} are all {@code 127.0.0.1}. The SSRF check runs on the address
 * this yields, never on the text, and a host that ends in a number but is not a valid address is
 * refused rather than handed to a resolver that might read it differently.
 */
public final class NumericIpv4Host {
  private static final int MAX_PARTS = 4;

  private NumericIpv4Host() {}

  /** Whether {@code host} (lowercase, no trailing dot) must be read as an IPv4 address. */
  public static boolean endsInANumber(String host) {
    String last = host.substring(host.lastIndexOf('.') + 1);
    if (last.isEmpty()) {
      return false;
    }
    return isAllDecimalDigits(last) || parsePart(last) >= 0;
  }

  /** The address as a 32-bit value, or empty when {@code host} is not a valid IPv4 address. */
  static OptionalInt parse(String host) {
    String[] parts = host.split("\\.", -1);
    if (parts.length > MAX_PARTS) {
      return OptionalInt.empty();
    }
    long address = 0;
    for (int i = 0; i < parts.length; i++) {
      long value = parsePart(parts[i]);
      boolean last = i == parts.length - 1;
      // Leading parts are one byte each; the last part covers every byte that is left.
      long limit = last ? 1L << (8 * (MAX_PARTS - i)) : 256;
      if (value < 0 || value >= limit) {
        return OptionalInt.empty();
      }
      address = last ? (address << (8 * (MAX_PARTS - i))) | value : (address << 8) | value;
    }
    return OptionalInt.of((int) address);
  }

  /** The part's value, or -1 when it is not a number; values beyond 32 bits are -1 too. */
  private static long parsePart(String part) {
    if (part.isEmpty()) {
      return -1;
    }
    int radix = 10;
    String digits = part;
    if (part.startsWith("0x") || part.startsWith("0X")) {
      radix = 16;
      digits = part.substring(2);
      if (digits.isEmpty()) {
        return 0; // "0x" alone is zero, as in the URL standard.
      }
    } else if (part.length() > 1 && part.charAt(0) == '0') {
      radix = 8;
      digits = part.substring(1);
    }
    long value = 0;
    for (int i = 0; i < digits.length(); i++) {
      int digit = digit(digits.charAt(i), radix);
      if (digit < 0) {
        return -1;
      }
      value = value * radix + digit;
      if (value > 0xFFFF_FFFFL) {
        return -1;
      }
    }
    return value;
  }

  /** ASCII only: {@link Character#digit} would also take fullwidth and other scripts' digits. */
  private static int digit(char c, int radix) {
    int value = c >= '0' && c <= '9' ? c - '0'
        : c >= 'a' && c <= 'f' ? c - 'a' + 10
        : c >= 'A' && c <= 'F' ? c - 'A' + 10
        : -1;
    return value < radix ? value : -1;
  }

  private static boolean isAllDecimalDigits(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }
}
