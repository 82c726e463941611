package io.tender.core.auth;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Hashes and verifies dashboard passwords with Argon2id, stored as PHC strings
 * ({@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}).
 *
 * <p>Passwords are NFKC-normalised before hashing (as NIST SP 800-63B advises) so that the same
 * password typed on different keyboards hashes the same, then encoded as UTF-8. Intermediate byte
 * arrays are wiped after use; the caller wipes the {@code char[]} it passed.
 */
public final class PasswordHasher {
  /** Shortest password {@link #hash} accepts, in Unicode code points. */
  public static final int MIN_PASSWORD_LENGTH = 12;
  /** Longest password accepted, in code points: bounds the work an attacker can ask for. */
  public static final int MAX_PASSWORD_LENGTH = 1024;
  static final int SALT_BYTES = 16;
  static final int HASH_BYTES = 32;
  private static final byte[] TIMING_SALT = new byte[SALT_BYTES];

  private final RandomGenerator random;
  private final Argon2idParameters cost;

  /** Hashes with {@link Argon2idParameters#OWASP_MINIMUM}. */
  public PasswordHasher(RandomGenerator random) {
    this(random, Argon2idParameters.OWASP_MINIMUM);
  }

  /** Hashes with {@code cost}; hashes made with other costs still verify. */
  public PasswordHasher(RandomGenerator random, Argon2idParameters cost) {
    this.random = Objects.requireNonNull(random, "random");
    this.cost = Objects.requireNonNull(cost, "cost");
  }

  /**
   * The PHC string to store for {@code password}, with a fresh salt. {@link
   * IllegalArgumentException} when the password is shorter than {@value #MIN_PASSWORD_LENGTH} or
   * longer than {@value #MAX_PASSWORD_LENGTH} characters, or is not valid Unicode.
   */
  public String hash(char[] password) {
    byte[] utf8 = passwordBytes(password);
    byte[] hash = null;
    try {
      if (codePoints(utf8) < MIN_PASSWORD_LENGTH) {
        throw new IllegalArgumentException(
            "a password has at least " + MIN_PASSWORD_LENGTH + " characters");
      }
      byte[] salt = new byte[SALT_BYTES];
      random.nextBytes(salt);
      hash = Argon2id.derive(utf8, salt, cost, HASH_BYTES);
      return new Argon2idHash(cost, salt, hash).encode();
    } finally {
      Arrays.fill(utf8, (byte) 0);
      if (hash != null) {
        Arrays.fill(hash, (byte) 0);
      }
    }
  }

  /**
   * Whether {@code password} is the one {@code encoded} was made from, with whatever cost
   * {@code encoded} names. A password that {@link #hash} would refuse as too long or not Unicode
   * does not match. The length minimum is not applied here, so that raising it later does not lock
   * out existing users. {@link IllegalArgumentException} when {@code encoded} is not an Argon2id
   * PHC string: a corrupt stored hash is a fault to see, not a wrong password.
   */
  public boolean verify(char[] password, String encoded) {
    Argon2idHash stored = Argon2idHash.parse(encoded);
    byte[] utf8;
    try {
      utf8 = passwordBytes(password);
    } catch (IllegalArgumentException refused) {
      return false;
    }
    byte[] expected = stored.hash();
    byte[] actual = null;
    try {
      actual = Argon2id.derive(utf8, stored.salt(), stored.cost(), expected.length);
      return MessageDigest.isEqual(expected, actual);
    } finally {
      Arrays.fill(utf8, (byte) 0);
      if (actual != null) {
        Arrays.fill(actual, (byte) 0);
      }
    }
  }

  /**
   * Whether {@code encoded} was made with other parameters than this hasher's, so that the caller
   * should store a new hash after the next successful {@link #verify}.
   */
  public boolean needsRehash(String encoded) {
    Argon2idHash stored = Argon2idHash.parse(encoded);
    return !stored.cost().equals(cost)
        || stored.salt().length != SALT_BYTES
        || stored.hash().length != HASH_BYTES;
  }

  /**
   * Spends the time of a {@link #verify} and matches nothing: called when no user has the
   * presented login name, so that response time does not tell which names exist.
   */
  public void verifyNothing(char[] password) {
    byte[] utf8;
    try {
      utf8 = passwordBytes(password);
    } catch (IllegalArgumentException refused) {
      return;
    }
    try {
      Arrays.fill(Argon2id.derive(utf8, TIMING_SALT, cost, HASH_BYTES), (byte) 0);
    } finally {
      Arrays.fill(utf8, (byte) 0);
    }
  }

  /** NFKC-normalised UTF-8; refuses what is too long to hash or not valid Unicode. */
  private static byte[] passwordBytes(char[] password) {
    Objects.requireNonNull(password, "password");
    // A code point is at most two chars, so this bounds the work before normalising.
    if (password.length > 2 * MAX_PASSWORD_LENGTH) {
      throw tooLong();
    }
    CharSequence chars = CharBuffer.wrap(password);
    if (!Normalizer.isNormalized(chars, Normalizer.Form.NFKC)) {
      // Only non-ASCII passwords get here; the normalised copy is a String that cannot be wiped.
      chars = Normalizer.normalize(chars, Normalizer.Form.NFKC);
    }
    byte[] utf8 = utf8(chars);
    if (codePoints(utf8) > MAX_PASSWORD_LENGTH) {
      Arrays.fill(utf8, (byte) 0);
      throw tooLong();
    }
    return utf8;
  }

  private static byte[] utf8(CharSequence chars) {
    CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    // UTF-8 takes at most three bytes per UTF-16 char (four per surrogate pair).
    ByteBuffer buffer = ByteBuffer.allocate(chars.length() * 3);
    try {
      CoderResult result = encoder.encode(CharBuffer.wrap(chars), buffer, true);
      if (result.isError() || encoder.flush(buffer).isError()) {
        throw new IllegalArgumentException("a password must be valid Unicode");
      }
      return Arrays.copyOf(buffer.array(), buffer.position());
    } finally {
      Arrays.fill(buffer.array(), (byte) 0);
    }
  }

  /** Code points in valid UTF-8: every byte except continuation bytes starts one. */
  private static int codePoints(byte[] utf8) {
    int count = 0;
    for (byte b : utf8) {
      if ((b & 0xc0) != 0x80) {
        count++;
      }
    }
    return count;
  }

  private static IllegalArgumentException tooLong() {
    return new IllegalArgumentException(
        "a password has at most " + MAX_PASSWORD_LENGTH + " characters");
  }
}
