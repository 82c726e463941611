package io.tender.core.id;

import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The shape of the ids Tender makes ({@link RandomIdGenerator}): a prefix, {@code _}, and 26
 * lower-case letters or digits. Anything else is not one of ours, so it names nothing and is
 * answered as not found (or refused as a filter) before any read, and never echoed into a log.
 */
public final class Ids {
  private static final Pattern SUFFIX = Pattern.compile("[0-9a-z]{26}");

  private Ids() {}

  /** Whether {@code candidate} is {@code prefix + "_" + } a suffix Tender makes. */
  public static boolean isId(String prefix, String candidate) {
    return candidate != null && candidate.length() == prefix.length() + 27 && candidate.startsWith(prefix + "_")
        && SUFFIX.matcher(candidate).region(prefix.length() + 1, candidate.length()).matches();
  }

  /**
   * The least id of {@code prefix} that can be made at {@code at}'s millisecond: every id made then
   * or later sorts at or after it, so it bounds a range of ids by time.
   */
  public static String earliest(String prefix, Instant at) {
    char[] suffix = new char[26];
    Arrays.fill(suffix, RandomIdGenerator.ALPHABET_CHARS.charAt(0));
    long millis = Math.max(0, at.toEpochMilli());
    for (int i = RandomIdGenerator.TIME_CHARS - 1; i >= 0; i--) {
      suffix[i] = RandomIdGenerator.ALPHABET_CHARS.charAt((int) (millis & 31));
      millis >>>= 5;
    }
    return prefix + "_" + new String(suffix);
  }

  /**
   * The millisecond {@code id} was made at, read back from its first 10 suffix characters. Empty
   * when it is not an id of {@code prefix}, or its time part has a letter the generator never
   * writes (i, l, o, u pass {@link #isId}). The time is only what the id says: one a client sent
   * may say any time, so use it to find where something would be filed, never to grant anything.
   */
  public static Optional<Instant> createdAt(String prefix, String id) {
    if (!isId(prefix, id)) {
      return Optional.empty();
    }
    long millis = 0;
    int start = prefix.length() + 1;
    for (int i = start; i < start + RandomIdGenerator.TIME_CHARS; i++) {
      int digit = RandomIdGenerator.ALPHABET_CHARS.indexOf(id.charAt(i));
      if (digit < 0) {
        return Optional.empty();
      }
      millis = (millis << 5) | digit;
    }
    return Optional.of(Instant.ofEpochMilli(millis));
  }

  /** The characters of a Tender id that carry the millisecond it was made at, for ids {@link #createdAt} reads. */
  public static Optional<String> timePart(String prefix, String id) {
    int start = prefix.length() + 1;
    return createdAt(prefix, id).map(at -> id.substring(start, start + RandomIdGenerator.TIME_CHARS));
  }
}
