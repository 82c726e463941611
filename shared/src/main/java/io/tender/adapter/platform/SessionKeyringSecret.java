package io.tender.adapter.platform;

import io.tender.core.auth.SigningKey;
import io.tender.core.auth.SigningKeyring;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Reads the session signing keys from their secret. CloudFormation generates the first value as
 * one random string, which is key {@code k0} (its UTF-8 bytes); a rotated value lists keys as
 * {@code kid:base64,…}, the first one current.
 */
final class SessionKeyringSecret {
  static final String GENERATED_KEY_ID = "k0";

  private SessionKeyringSecret() {}

  static SigningKeyring parse(String secret) {
    String value = secret.strip();
    if (value.indexOf(':') < 0) {
      return new SigningKeyring(new SigningKey(GENERATED_KEY_ID, value.getBytes(StandardCharsets.UTF_8)), List.of());
    }
    return SigningKeyring.parse(value);
  }
}
