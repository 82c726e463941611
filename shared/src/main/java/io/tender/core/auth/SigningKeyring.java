package io.tender.core.auth;

import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The keys session tokens are signed and verified with: the current key signs, and it and the
 * previous keys verify. To rotate, put a new key first and keep the old one listed for at least
 * the longest session lifetime, then drop it.
 *
 * <p>The secret's text form is {@code kid:base64,kid:base64,...}, current key first, each key
 * standard base-64 (as {@code openssl rand -base64 32} prints) of at least 32 bytes. Whitespace
 * around entries is ignored. No JSON, so that the domain core needs no JSON library.
 */
public final class SigningKeyring {
  private final SigningKey current;
  private final Map<String, SigningKey> byKeyId;

  public SigningKeyring(SigningKey current, List<SigningKey> previous) {
    Objects.requireNonNull(current, "current");
    Map<String, SigningKey> keys = new LinkedHashMap<>();
    keys.put(current.keyId(), current);
    for (SigningKey key : previous) {
      if (keys.putIfAbsent(key.keyId(), key) != null) {
        throw new IllegalArgumentException("signing key id " + key.keyId() + " is listed twice");
      }
    }
    this.current = current;
    this.byKeyId = Collections.unmodifiableMap(keys);
  }

  /**
   * The keyring a secret of the form {@code k2:BASE64,k1:BASE64} describes. {@link
   * IllegalArgumentException} naming the faulty entry by position or key id, never by content.
   */
  public static SigningKeyring parse(String secret) {
    if (secret == null || secret.isBlank()) {
      throw new IllegalArgumentException("the signing key secret is empty");
    }
    String[] entries = secret.strip().split(",", -1);
    List<SigningKey> keys = new ArrayList<>(entries.length);
    for (int i = 0; i < entries.length; i++) {
      String entry = entries[i].strip();
      int colon = entry.indexOf(':');
      if (colon < 0) {
        throw new IllegalArgumentException(
            "signing key entry " + (i + 1) + " is not kid:base64");
      }
      String keyId = entry.substring(0, colon);
      if (!SigningKey.isKeyId(keyId)) {
        throw new IllegalArgumentException("signing key entry " + (i + 1)
            + " has no valid key id (1 to 32 of A-Z a-z 0-9 _ -)");
      }
      byte[] key;
      try {
        key = Base64.getDecoder().decode(entry.substring(colon + 1));
      } catch (IllegalArgumentException e) {
        // Not chained: the decoder's message quotes the offending character of the key.
        throw new IllegalArgumentException("signing key " + keyId + " is not base-64");
      }
      keys.add(new SigningKey(keyId, key));
    }
    return new SigningKeyring(keys.get(0), keys.subList(1, keys.size()));
  }

  /** The key new tokens are signed with. */
  public SigningKey current() {
    return current;
  }

  /** The key named {@code keyId}, if tokens signed with it are still accepted. */
  public Optional<SigningKey> find(String keyId) {
    return Optional.ofNullable(byKeyId.get(keyId));
  }

  /** Every accepted key id, the current one first. */
  public List<String> keyIds() {
    return List.copyOf(byKeyId.keySet());
  }

  @Override
  public String toString() {
    return "SigningKeyring" + keyIds();
  }
}
