package io.tender.core.signature;

import io.tender.core.signature.Verification.Reason;
import io.tender.core.signature.Verification.Rejected;
import io.tender.core.signature.Verification.Verified;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The webhook signature scheme Stripe uses, and Tender uses for its own webhooks:
 * {@code t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + raw body)>[,v1=...]}.
 *
 * <p>Secrets are used whole as UTF-8 key bytes (a Stripe {@code whsec_...} value including its
 * prefix). The body is always the raw bytes as received: re-serialised JSON would not verify.
 * A header signed with several secrets (while a rotated secret overlaps) carries one {@code v1}
 * per secret; verification accepts when any {@code v1} matches any configured secret.
 */
public final class TimestampedHmacSignature {
  /** Stripe's tolerance, applied to old and future timestamps alike. */
  public static final Duration DEFAULT_TOLERANCE = Duration.ofSeconds(300);

  /** Longer headers are refused as malformed before any parsing or hashing. */
  public static final int MAX_HEADER_LENGTH = SignatureHeader.MAX_LENGTH;

  private static final String ALGORITHM = "HmacSHA256";

  private TimestampedHmacSignature() {}

  /**
   * The header value for {@code body} signed at {@code at} (whole seconds) with each of
   * {@code secrets}, in order: {@code t=...,v1=...[,v1=...]}.
   */
  public static String sign(byte[] body, Instant at, List<String> secrets) {
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(at, "at");
    if (secrets.isEmpty()) {
      throw new IllegalArgumentException("at least one secret is needed to sign");
    }
    long timestamp = at.getEpochSecond();
    if (timestamp < 0) {
      throw new IllegalArgumentException("cannot sign before the Unix epoch");
    }
    StringBuilder header = new StringBuilder("t=").append(timestamp);
    for (String secret : secrets) {
      if (!usable(secret)) {
        throw new IllegalArgumentException("a signing secret is blank");
      }
      header.append(",v1=").append(HexFormat.of().formatHex(hmac(secret, timestamp, body)));
    }
    return header.toString();
  }

  /**
   * Checks {@code header} against {@code rawBody}. Accepts when a {@code v1} matches one of
   * {@code secrets} and the timestamp is within {@code tolerance} of {@code now} in either
   * direction (bounds inclusive, whole seconds). Blank secrets count as not configured. Never
   * throws on header content.
   */
  public static Verification verify(
      byte[] rawBody, String header, Collection<String> secrets, Instant now, Duration tolerance) {
    Objects.requireNonNull(rawBody, "rawBody");
    Objects.requireNonNull(now, "now");
    if (tolerance.isNegative()) {
      throw new IllegalArgumentException("tolerance must not be negative");
    }
    List<String> usableSecrets = new ArrayList<>();
    for (String secret : secrets) {
      if (usable(secret)) {
        usableSecrets.add(secret);
      }
    }
    // Checked first: an unconfigured endpoint refuses everything, and says so in every log line.
    if (usableSecrets.isEmpty()) {
      return new Rejected(Reason.NO_SECRET_CONFIGURED);
    }
    if (header == null || header.isBlank()) {
      return new Rejected(Reason.MISSING_HEADER);
    }
    Optional<SignatureHeader> parsed = SignatureHeader.parse(header);
    if (parsed.isEmpty()) {
      return new Rejected(Reason.MALFORMED_HEADER);
    }
    SignatureHeader signature = parsed.get();
    if (signature.v1Signatures().isEmpty()) {
      return new Rejected(Reason.NO_V1_SIGNATURE);
    }
    if (!anyMatches(signature, usableSecrets, rawBody)) {
      return new Rejected(Reason.SIGNATURE_MISMATCH);
    }
    // After the signature, so that this reason means "authentic but stale or early": a replay or
    // clock skew, not a forgery.
    if (!withinTolerance(signature.timestampSeconds(), now, tolerance)) {
      return new Rejected(Reason.TIMESTAMP_OUT_OF_TOLERANCE);
    }
    return new Verified(Instant.ofEpochSecond(signature.timestampSeconds()));
  }

  /** {@link #verify} with {@link #DEFAULT_TOLERANCE}. */
  public static Verification verify(
      byte[] rawBody, String header, Collection<String> secrets, Instant now) {
    return verify(rawBody, header, secrets, now, DEFAULT_TOLERANCE);
  }

  /**
   * Every pair is compared, with {@link MessageDigest#isEqual} on fixed 32-byte digests, so the
   * time taken depends only on how many signatures and secrets there are, never on their content.
   */
  private static boolean anyMatches(SignatureHeader signature, List<String> secrets, byte[] body) {
    boolean matched = false;
    for (String secret : secrets) {
      byte[] expected = hmac(secret, signature.timestampSeconds(), body);
      for (byte[] candidate : signature.v1Signatures()) {
        matched |= MessageDigest.isEqual(expected, candidate);
      }
    }
    return matched;
  }

  private static boolean withinTolerance(long timestampSeconds, Instant now, Duration tolerance) {
    long nowSeconds = now.getEpochSecond();
    long toleranceSeconds = tolerance.toSeconds();
    // 18-digit timestamps and Instant's range keep these differences far from overflow.
    return nowSeconds - timestampSeconds <= toleranceSeconds
        && timestampSeconds - nowSeconds <= toleranceSeconds;
  }

  private static boolean usable(String secret) {
    return secret != null && !secret.isBlank();
  }

  private static byte[] hmac(String secret, long timestampSeconds, byte[] body) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
      mac.update(Long.toString(timestampSeconds).getBytes(StandardCharsets.US_ASCII));
      mac.update((byte) '.');
      mac.update(body);
      return mac.doFinal();
    } catch (GeneralSecurityException e) {
      // HmacSHA256 is mandatory on every JVM; reaching this is a broken runtime. The message of
      // the cause names the algorithm, never the key.
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
