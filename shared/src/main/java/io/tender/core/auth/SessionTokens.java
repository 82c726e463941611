package io.tender.core.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * Signed, stateless tokens for dashboard sessions, checked by every function without a read:
 * {@code tst1.<kid>.<payload>.<signature>}, where the payload is the base64url (unpadded) form of
 * the {@link SessionClaimsCodec} text and the signature is the base64url HMAC-SHA256, under key
 * {@code kid}, of the ASCII text {@code tst1.<kid>.<payload>}.
 *
 * <p>{@link #verify} answers empty for anything it does not accept and never throws on input: a
 * token in any other shape, an unknown key id, a wrong signature, an expired token or one issued
 * more than {@link #ALLOWED_CLOCK_SKEW} in the future. The signature is checked before the payload
 * is decoded. Revoking a session before it expires needs a server-side check of the session id.
 */
public final class SessionTokens {
  /** How far a token's issue time may lie ahead of this clock, for clocks that differ. */
  public static final Duration ALLOWED_CLOCK_SKEW = Duration.ofSeconds(30);
  static final String VERSION = "tst1";
  /** Far above a real token (a few hundred characters); bounds the work for junk input. */
  static final int MAX_TOKEN_LENGTH = 4096;
  /** Base64url characters in an unpadded HMAC-SHA256. */
  private static final int SIGNATURE_CHARACTERS = 43;
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

  private final SigningKeyring keyring;
  private final Clock clock;

  public SessionTokens(SigningKeyring keyring, Clock clock) {
    this.keyring = Objects.requireNonNull(keyring, "keyring");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** A token for {@code claims}, signed with the keyring's current key. */
  public String issue(SessionClaims claims) {
    Objects.requireNonNull(claims, "claims");
    SigningKey key = keyring.current();
    String payload = ENCODER.encodeToString(
        SessionClaimsCodec.encode(claims).getBytes(StandardCharsets.US_ASCII));
    String signed = VERSION + "." + key.keyId() + "." + payload;
    return signed + "." + signature(key, signed);
  }

  /** The claims of {@code token} if it is genuine and valid now; otherwise empty. */
  public Optional<SessionClaims> verify(String token) {
    if (token == null || token.length() > MAX_TOKEN_LENGTH || !isTokenText(token)) {
      return Optional.empty();
    }
    String[] parts = token.split("\\.", -1);
    if (parts.length != 4 || !parts[0].equals(VERSION)
        || parts[3].length() != SIGNATURE_CHARACTERS || !SigningKey.isKeyId(parts[1])) {
      return Optional.empty();
    }
    Optional<SigningKey> key = keyring.find(parts[1]);
    if (key.isEmpty()) {
      return Optional.empty();
    }
    String signed = token.substring(0, token.lastIndexOf('.'));
    // Compared as text rather than decoded bytes, so that no second spelling of a signature
    // (differing only in unused trailing bits) is accepted.
    if (!MessageDigest.isEqual(signature(key.get(), signed).getBytes(StandardCharsets.US_ASCII),
        parts[3].getBytes(StandardCharsets.US_ASCII))) {
      return Optional.empty();
    }
    return payload(parts[2]).filter(this::isValidNow);
  }

  private boolean isValidNow(SessionClaims claims) {
    Instant now = clock.instant();
    return now.isBefore(claims.expiresAt())
        && !claims.issuedAt().isAfter(now.plus(ALLOWED_CLOCK_SKEW));
  }

  private static Optional<SessionClaims> payload(String encoded) {
    byte[] bytes;
    try {
      bytes = Base64.getUrlDecoder().decode(encoded);
    } catch (IllegalArgumentException notBase64) {
      return Optional.empty();
    }
    if (!ENCODER.encodeToString(bytes).equals(encoded)) {
      return Optional.empty();
    }
    for (byte b : bytes) {
      if (b < 0x21 || b > 0x7e) {
        return Optional.empty();
      }
    }
    return SessionClaimsCodec.decode(new String(bytes, StandardCharsets.US_ASCII));
  }

  private static String signature(SigningKey key, String signed) {
    return ENCODER.encodeToString(key.newMac().doFinal(signed.getBytes(StandardCharsets.US_ASCII)));
  }

  /** Only the characters a token is made of: base64url and the dots between parts. */
  private static boolean isTokenText(String token) {
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      boolean allowed = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
          || c == '-' || c == '_' || c == '.';
      if (!allowed) {
        return false;
      }
    }
    return true;
  }
}
