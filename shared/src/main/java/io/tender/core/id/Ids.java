package io.tender.core.id;

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
}
