package io.tender.local.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Percent-decoding as API Gateway applies it before handing parameters to Lambda. Not {@link
 * java.net.URLDecoder}: that one turns '+' into a space, which is right for query strings only, and
 * it throws on a stray '%', which a client can send.
 */
final class PercentDecoding {
  private PercentDecoding() {}

  /** A path segment or greedy path value: '+' stays a plus. */
  static String path(String raw) {
    return decode(raw, false);
  }

  /** A query string key or value ({@code application/x-www-form-urlencoded}): '+' is a space. */
  static String query(String raw) {
    return decode(raw, true);
  }

  private static String decode(String raw, boolean plusIsSpace) {
    if (raw.indexOf('%') < 0 && !(plusIsSpace && raw.indexOf('+') >= 0)) {
      return raw;
    }
    // Collect bytes so that multi-byte UTF-8 sequences (%C3%A9) decode as one character.
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
    int i = 0;
    while (i < raw.length()) {
      int c = raw.codePointAt(i);
      if (c == '%' && isHexPair(raw, i + 1)) {
        bytes.write(Integer.parseInt(raw, i + 1, i + 3, 16));
        i += 3;
        continue;
      }
      if (c == '+' && plusIsSpace) {
        bytes.write(' ');
      } else {
        // A stray '%' and any other character pass through unchanged.
        bytes.writeBytes(Character.toString(c).getBytes(StandardCharsets.UTF_8));
      }
      i += Character.charCount(c);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static boolean isHexPair(String s, int at) {
    return at + 1 < s.length()
        && Character.digit(s.charAt(at), 16) >= 0
        && Character.digit(s.charAt(at + 1), 16) >= 0;
  }
}
