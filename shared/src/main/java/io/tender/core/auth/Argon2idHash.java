package io.tender.core.auth;

import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * A stored password hash in the PHC string format of the Argon2 reference implementation:
 * {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}, salt and hash in standard base-64 without
 * padding. Parsing accepts only that canonical form, with any parameters within bounds, so that
 * hashes made with other costs still verify after the defaults change.
 */
final class Argon2idHash {
  static final int MIN_SALT_BYTES = 8;
  static final int MAX_SALT_BYTES = 64;
  static final int MIN_HASH_BYTES = 16;
  static final int MAX_HASH_BYTES = 64;
  private static final String PREFIX = "$argon2id$v=19$";
  private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();

  private final Argon2idParameters cost;
  private final byte[] salt;
  private final byte[] hash;

  Argon2idHash(Argon2idParameters cost, byte[] salt, byte[] hash) {
    this.cost = Objects.requireNonNull(cost, "cost");
    if (salt.length < MIN_SALT_BYTES || salt.length > MAX_SALT_BYTES) {
      throw new IllegalArgumentException("an Argon2id salt has " + MIN_SALT_BYTES + " to "
          + MAX_SALT_BYTES + " bytes");
    }
    if (hash.length < MIN_HASH_BYTES || hash.length > MAX_HASH_BYTES) {
      throw new IllegalArgumentException("an Argon2id hash has " + MIN_HASH_BYTES + " to "
          + MAX_HASH_BYTES + " bytes");
    }
    this.salt = salt.clone();
    this.hash = hash.clone();
  }

  Argon2idParameters cost() {
    return cost;
  }

  byte[] salt() {
    return salt.clone();
  }

  byte[] hash() {
    return hash.clone();
  }

  String encode() {
    return PREFIX + "m=" + cost.memoryKib() + ",t=" + cost.iterations() + ",p="
        + cost.parallelism() + "$" + ENCODER.encodeToString(salt) + "$"
        + ENCODER.encodeToString(hash);
  }

  /**
   * The parts of {@code encoded}; {@link IllegalArgumentException} when it is not a canonical
   * Argon2id v19 PHC string. The message never repeats the input.
   */
  static Argon2idHash parse(String encoded) {
    if (encoded == null || !encoded.startsWith(PREFIX)) {
      throw malformed("it is not an Argon2id version 19 PHC string");
    }
    String[] parts = encoded.substring(PREFIX.length()).split("\\$", -1);
    if (parts.length != 3) {
      throw malformed("it does not have parameters, salt and hash");
    }
    String[] cost = parts[0].split(",", -1);
    if (cost.length != 3) {
      throw malformed("its parameters are not m, t and p");
    }
    Argon2idParameters parameters = new Argon2idParameters(
        number(cost[0], "m="), number(cost[1], "t="), number(cost[2], "p="));
    return new Argon2idHash(parameters, base64(parts[1]), base64(parts[2]));
  }

  private static int number(String part, String key) {
    if (!part.startsWith(key)) {
      throw malformed("its parameters are not m, t and p in that order");
    }
    String digits = part.substring(key.length());
    // Decimal without leading zeros, as the PHC format requires; short enough to fit an int.
    if (digits.isEmpty() || digits.length() > 9 || (digits.length() > 1 && digits.charAt(0) == '0')
        || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw malformed("a parameter is not a decimal number");
    }
    return Integer.parseInt(digits);
  }

  private static byte[] base64(String text) {
    if (!text.chars().allMatch(Argon2idHash::isBase64Character)) {
      throw malformed("salt or hash is not unpadded base-64");
    }
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw malformed("salt or hash is not unpadded base-64");
    }
    // Refuses spellings with non-zero unused bits, which the JDK decoder lets through.
    if (!ENCODER.encodeToString(bytes).equals(text)) {
      throw malformed("salt or hash is not canonical base-64");
    }
    return bytes;
  }

  private static boolean isBase64Character(int c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
        || c == '+' || c == '/';
  }

  private static IllegalArgumentException malformed(String why) {
    return new IllegalArgumentException("not a stored password hash: " + why);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Argon2idHash that && cost.equals(that.cost)
        && Arrays.equals(salt, that.salt) && Arrays.equals(hash, that.hash);
  }

  @Override
  public int hashCode() {
    return Objects.hash(cost, Arrays.hashCode(salt), Arrays.hashCode(hash));
  }

  @Override
  public String toString() {
    return "Argon2idHash[" + cost + ", salt and hash withheld]";
  }
}
