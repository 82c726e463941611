package io.tender.core.apikey;

import io.tender.core.tenant.Mode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.random.RandomGenerator;

/** Makes API key secrets ({@code sk_test_…}, {@code sk_live_…}) and the hashes they are found by. */
public final class ApiKeySecrets {
  private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  /** 43 base-62 characters carry 256 bits. */
  private static final int SECRET_CHARS = 43;
  private static final int MAX_PRESENTED_LENGTH = 128;

  private final RandomGenerator random;

  /** {@code random} must be a secure generator in production. */
  public ApiKeySecrets(RandomGenerator random) {
    this.random = random;
  }

  public String newSecret(Mode mode) {
    StringBuilder secret = new StringBuilder(prefix(mode)).append('_');
    for (int i = 0; i < SECRET_CHARS; i++) {
      secret.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return secret.toString();
  }

  public static String prefix(Mode mode) {
    return "sk_" + mode.wire();
  }

  /** The mode a presented secret claims, if it looks like one of ours at all. */
  public static Optional<Mode> modeOf(String presented) {
    if (presented == null || presented.length() > MAX_PRESENTED_LENGTH) {
      return Optional.empty();
    }
    if (presented.startsWith("sk_test_")) {
      return Optional.of(Mode.TEST);
    }
    if (presented.startsWith("sk_live_")) {
      return Optional.of(Mode.LIVE);
    }
    return Optional.empty();
  }

  public static String hash(String secret) {
    try {
      return HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }

  public static String last4(String secret) {
    return secret.substring(secret.length() - 4);
  }
}
