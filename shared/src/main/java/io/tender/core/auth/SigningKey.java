package io.tender.core.auth;

import java.security.GeneralSecurityException;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** One HMAC-SHA256 key for session tokens, named by the key id that tokens carry. */
public final class SigningKey {
  /** 256 bits, the output size of HMAC-SHA256. */
  public static final int MIN_KEY_BYTES = 32;
  private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");

  private final String keyId;
  private final SecretKeySpec key;

  /**
   * {@link IllegalArgumentException} unless {@code keyId} is 1 to 32 of {@code A-Z a-z 0-9 _ -}
   * and {@code key} has at least {@value #MIN_KEY_BYTES} bytes.
   */
  public SigningKey(String keyId, byte[] key) {
    if (keyId == null || !KEY_ID.matcher(keyId).matches()) {
      throw new IllegalArgumentException("a signing key id is 1 to 32 of A-Z a-z 0-9 _ -");
    }
    if (key == null || key.length < MIN_KEY_BYTES) {
      throw new IllegalArgumentException(
          "signing key " + keyId + " is shorter than " + MIN_KEY_BYTES + " bytes");
    }
    this.keyId = keyId;
    this.key = new SecretKeySpec(key, "HmacSHA256");
  }

  public String keyId() {
    return keyId;
  }

  /** A fresh MAC under this key: {@link Mac} instances are not safe to share between threads. */
  Mac newMac() {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java runtime provides HmacSHA256", e);
    }
  }

  static boolean isKeyId(String candidate) {
    return KEY_ID.matcher(candidate).matches();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SigningKey that && keyId.equals(that.keyId) && key.equals(that.key);
  }

  @Override
  public int hashCode() {
    return Objects.hash(keyId);
  }

  /** Names the key, never its bytes. */
  @Override
  public String toString() {
    return "SigningKey[" + keyId + "]";
  }
}
