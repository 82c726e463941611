package io.tender.core.auth;

import java.io.ByteArrayOutputStream;

/**
 * RFC 4648 base-32 (the "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567" alphabet), the form in which
 * authenticator apps take TOTP secrets. Decoding is strict: it accepts either case and correct or
 * absent padding, and refuses any other character, impossible lengths and non-zero trailing bits,
 * so that every byte string has exactly one accepted spelling per case.
 */
public final class Base32 {
  private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

  private Base32() {}

  /** The padded RFC 4648 form, a multiple of 8 characters. */
  public static String encode(byte[] data) {
    StringBuilder out = new StringBuilder(encodeUnpadded(data));
    while (out.length() % 8 != 0) {
      out.append('=');
    }
    return out.toString();
  }

  /** Without the trailing {@code =}, as otpauth URIs carry secrets. */
  public static String encodeUnpadded(byte[] data) {
    StringBuilder out = new StringBuilder((data.length * 8 + 4) / 5);
    int buffer = 0;
    int bits = 0;
    for (byte b : data) {
      buffer = (buffer << 8) | (b & 0xff);
      bits += 8;
      while (bits >= 5) {
        out.append(ALPHABET[(buffer >>> (bits - 5)) & 31]);
        bits -= 5;
      }
    }
    if (bits > 0) {
      out.append(ALPHABET[(buffer << (5 - bits)) & 31]);
    }
    return out.toString();
  }

  /** The bytes spelled by {@code text}; {@link IllegalArgumentException} when it is not base-32. */
  public static byte[] decode(String text) {
    int end = text.length();
    while (end > 0 && text.charAt(end - 1) == '=') {
      end--;
    }
    int padding = text.length() - end;
    if (padding > 0 && (text.length() % 8 != 0 || end % 8 == 0 || padding != 8 - end % 8)) {
      throw new IllegalArgumentException("base-32 padding does not match the length");
    }
    int rest = end % 8;
    if (rest == 1 || rest == 3 || rest == 6) {
      throw new IllegalArgumentException("no byte string has a base-32 form of this length");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(end * 5 / 8);
    int buffer = 0;
    int bits = 0;
    for (int i = 0; i < end; i++) {
      buffer = (buffer << 5) | valueOf(text.charAt(i));
      bits += 5;
      if (bits >= 8) {
        out.write((buffer >>> (bits - 8)) & 0xff);
        bits -= 8;
      }
    }
    if ((buffer & ((1 << bits) - 1)) != 0) {
      throw new IllegalArgumentException("base-32 text has non-zero trailing bits");
    }
    return out.toByteArray();
  }

  private static int valueOf(char c) {
    if (c >= 'A' && c <= 'Z') {
      return c - 'A';
    }
    if (c >= 'a' && c <= 'z') {
      return c - 'a';
    }
    if (c >= '2' && c <= '7') {
      return c - '2' + 26;
    }
    throw new IllegalArgumentException("not a base-32 character at this position");
  }
}
