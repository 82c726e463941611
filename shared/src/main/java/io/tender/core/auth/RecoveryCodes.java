package io.tender.core.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * One-time codes that stand in for the second factor when the user's authenticator is lost. Each
 * code is 12 characters of Crockford's base-32 alphabet (no i, l, o or u), 60 random bits, shown
 * as {@code xxxx-xxxx-xxxx}.
 *
 * <p>Only hashes are stored: {@code <salt hex>:<SHA-256 hex of salt and code>}. The codes are
 * random, so a fast hash is enough; the per-code salt stops one guess being tried against every
 * stored code at once. When {@link #match} returns a hash, the caller removes exactly that hash
 * with a conditional write, so each code works once even under concurrent use.
 */
public final class RecoveryCodes {
  public static final int DEFAULT_COUNT = 10;
  static final String ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
  static final int CODE_CHARACTERS = 12;
  static final int GROUP = 4;
  static final int SALT_BYTES = 16;
  private static final HexFormat HEX = HexFormat.of();

  private final RandomGenerator random;

  public RecoveryCodes(RandomGenerator random) {
    this.random = Objects.requireNonNull(random, "random");
  }

  /** {@value #DEFAULT_COUNT} new codes. */
  public IssuedRecoveryCodes generate() {
    return generate(DEFAULT_COUNT);
  }

  /** {@code count} new, distinct codes and their hashes. */
  public IssuedRecoveryCodes generate(int count) {
    if (count < 1 || count > 100) {
      throw new IllegalArgumentException("1 to 100 recovery codes at a time, not " + count);
    }
    Set<String> codes = new LinkedHashSet<>();
    while (codes.size() < count) {
      codes.add(newCode());
    }
    List<String> hashes = new ArrayList<>(count);
    for (String code : codes) {
      hashes.add(hash(code));
    }
    return new IssuedRecoveryCodes(List.copyOf(codes), hashes);
  }

  /** A salted hash of {@code code}, to store; {@link IllegalArgumentException} if not a code. */
  public String hash(String code) {
    String normalised = normalise(code)
        .orElseThrow(() -> new IllegalArgumentException("not a recovery code"));
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    return HEX.formatHex(salt) + ":" + HEX.formatHex(digest(salt, normalised));
  }

  /**
   * The stored hash that {@code presented} matches, if any. Case, dashes and spaces do not matter,
   * and the letters Crockford's alphabet leaves out are read as the digits they look like (o as 0,
   * i and l as 1). Every stored hash is compared in full, so the time taken does not tell which
   * one matched; malformed stored entries match nothing.
   */
  public Optional<String> match(String presented, Collection<String> storedHashes) {
    Optional<String> normalised = normalise(presented);
    if (normalised.isEmpty()) {
      return Optional.empty();
    }
    String matched = null;
    for (String stored : storedHashes) {
      if (matches(normalised.get(), stored) && matched == null) {
        matched = stored;
      }
    }
    return Optional.ofNullable(matched);
  }

  private static boolean matches(String normalisedCode, String stored) {
    if (stored == null || stored.length() != 2 * SALT_BYTES + 1 + 64
        || stored.charAt(2 * SALT_BYTES) != ':') {
      return false;
    }
    byte[] salt;
    byte[] expected;
    try {
      salt = HEX.parseHex(stored, 0, 2 * SALT_BYTES);
      expected = HEX.parseHex(stored, 2 * SALT_BYTES + 1, stored.length());
    } catch (IllegalArgumentException notHex) {
      return false;
    }
    return MessageDigest.isEqual(expected, digest(salt, normalisedCode));
  }

  private String newCode() {
    StringBuilder code = new StringBuilder(CODE_CHARACTERS + CODE_CHARACTERS / GROUP - 1);
    for (int i = 0; i < CODE_CHARACTERS; i++) {
      if (i > 0 && i % GROUP == 0) {
        code.append('-');
      }
      code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return code.toString();
  }

  /** The 12 alphabet characters {@code presented} stands for, or empty if it is not a code. */
  static Optional<String> normalise(String presented) {
    if (presented == null || presented.length() > 64) {
      return Optional.empty();
    }
    StringBuilder out = new StringBuilder(CODE_CHARACTERS);
    for (int i = 0; i < presented.length(); i++) {
      char c = presented.charAt(i);
      // ASCII only: a locale-aware lower-casing would also turn some other letters into these.
      if (c >= 'A' && c <= 'Z') {
        c = (char) (c - 'A' + 'a');
      }
      char read = switch (c) {
        case '-', ' ' -> 0;
        case 'o' -> '0';
        case 'i', 'l' -> '1';
        default -> c;
      };
      if (read == 0) {
        continue;
      }
      if (ALPHABET.indexOf(read) < 0) {
        return Optional.empty();
      }
      out.append(read);
    }
    return out.length() == CODE_CHARACTERS ? Optional.of(out.toString()) : Optional.empty();
  }

  private static byte[] digest(byte[] salt, String normalisedCode) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      sha256.update(salt);
      return sha256.digest(normalisedCode.getBytes(StandardCharsets.US_ASCII));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime provides SHA-256", e);
    }
  }
}
