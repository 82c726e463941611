package io.tender.core.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.random.RandomGenerator;

/**
 * RFC 6238 time-based one-time passwords: HOTP over the number of whole time steps since the Unix
 * epoch. A code is accepted for the current step and one step either side, to allow for clock drift
 * between the server and the phone and for the time the user takes to type it.
 *
 * <p>A code stays valid for its whole window, so on its own it can be replayed. To refuse replays
 * the caller stores the last step it accepted per enrolment and uses {@link
 * #matchingTimeStepAfter}, then records the new step with a conditional write ({@code lastStep <
 * :step}) so that two concurrent logins with the same code cannot both succeed.
 */
public final class Totp {
  /** Steps either side of the current one that are still accepted. */
  public static final int ACCEPTED_STEPS_EITHER_SIDE = 1;

  private final Clock clock;

  public Totp(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The code for the time step that contains {@code at}. */
  public String code(byte[] secret, Instant at, TotpParameters parameters) {
    long step = timeStep(at, parameters);
    if (step < 0) {
      throw new IllegalArgumentException("TOTP has no codes before the Unix epoch");
    }
    return Hotp.code(secret, step, parameters.algorithm(), parameters.digits());
  }

  /** The code for now. */
  public String code(byte[] secret, TotpParameters parameters) {
    return code(secret, clock.instant(), parameters);
  }

  /**
   * Whether {@code code} is right for {@code now} or one step either side. Anything that is not
   * exactly {@code parameters.digits()} ASCII digits is refused; spaces the user typed must be
   * removed by the caller.
   */
  public boolean verify(byte[] secret, String code, Instant now, TotpParameters parameters) {
    return matchingTimeStep(secret, code, now, parameters).isPresent();
  }

  /** {@link #verify(byte[], String, Instant, TotpParameters)} at the clock's current instant. */
  public boolean verify(byte[] secret, String code, TotpParameters parameters) {
    return verify(secret, code, clock.instant(), parameters);
  }

  /**
   * The time step {@code code} belongs to, when it is within the accepted window around {@code
   * now}; the latest one should two steps in the window share a code.
   */
  public OptionalLong matchingTimeStep(
      byte[] secret, String code, Instant now, TotpParameters parameters) {
    return matchingTimeStepAfter(secret, code, now, Long.MIN_VALUE, parameters);
  }

  /** {@link #matchingTimeStep(byte[], String, Instant, TotpParameters)} at the clock's instant. */
  public OptionalLong matchingTimeStep(byte[] secret, String code, TotpParameters parameters) {
    return matchingTimeStep(secret, code, clock.instant(), parameters);
  }

  /**
   * As {@link #matchingTimeStep(byte[], String, Instant, TotpParameters)}, considering only steps
   * after {@code lastUsedStep}: a code whose step was already used is refused.
   */
  public OptionalLong matchingTimeStepAfter(
      byte[] secret, String code, Instant now, long lastUsedStep, TotpParameters parameters) {
    Objects.requireNonNull(secret, "secret");
    Objects.requireNonNull(parameters, "parameters");
    if (!isDigits(code, parameters.digits())) {
      return OptionalLong.empty();
    }
    byte[] presented = code.getBytes(StandardCharsets.US_ASCII);
    long current = timeStep(now, parameters);
    long matched = -1;
    // Every step in the window is computed and compared, matching or not, so the time taken does
    // not tell which one matched.
    for (long step = current - ACCEPTED_STEPS_EITHER_SIDE;
        step <= current + ACCEPTED_STEPS_EITHER_SIDE; step++) {
      if (step < 0) {
        continue;
      }
      byte[] expected = Hotp.code(secret, step, parameters.algorithm(), parameters.digits())
          .getBytes(StandardCharsets.US_ASCII);
      if (MessageDigest.isEqual(expected, presented) && step > lastUsedStep) {
        matched = step;
      }
    }
    return matched < 0 ? OptionalLong.empty() : OptionalLong.of(matched);
  }

  /** {@link #matchingTimeStepAfter(byte[], String, Instant, long, TotpParameters)} for now. */
  public OptionalLong matchingTimeStepAfter(
      byte[] secret, String code, long lastUsedStep, TotpParameters parameters) {
    return matchingTimeStepAfter(secret, code, clock.instant(), lastUsedStep, parameters);
  }

  /** The number of whole time steps between the Unix epoch and {@code at}. */
  public static long timeStep(Instant at, TotpParameters parameters) {
    return Math.floorDiv(at.getEpochSecond(), parameters.periodSeconds());
  }

  /** A new 20-byte secret, the size RFC 4226 recommends and HMAC-SHA1 authenticators expect. */
  public static byte[] newSecret(RandomGenerator random) {
    return newSecret(random, TotpAlgorithm.SHA1);
  }

  /** A new secret as long as the output of {@code algorithm}. */
  public static byte[] newSecret(RandomGenerator random, TotpAlgorithm algorithm) {
    byte[] secret = new byte[algorithm.secretBytes()];
    random.nextBytes(secret);
    return secret;
  }

  /**
   * The {@code otpauth://totp/...} URI an authenticator app reads from a QR code. Issuer and
   * account name are percent-encoded; neither may contain a colon, which separates them in the
   * label.
   */
  public static String otpauthUri(
      String issuer, String accountName, byte[] secret, TotpParameters parameters) {
    requireLabelPart(issuer, "issuer");
    requireLabelPart(accountName, "account name");
    if (secret.length < Hotp.MIN_SECRET_BYTES) {
      throw new IllegalArgumentException(
          "a TOTP secret has at least " + Hotp.MIN_SECRET_BYTES + " bytes");
    }
    String encodedIssuer = PercentEncoding.encode(issuer);
    return "otpauth://totp/" + encodedIssuer + ":" + PercentEncoding.encode(accountName)
        + "?secret=" + Base32.encodeUnpadded(secret)
        + "&issuer=" + encodedIssuer
        + "&algorithm=" + parameters.algorithm().uriName()
        + "&digits=" + parameters.digits()
        + "&period=" + parameters.periodSeconds();
  }

  private static void requireLabelPart(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("an otpauth URI needs a non-blank " + what);
    }
    if (value.indexOf(':') >= 0) {
      throw new IllegalArgumentException("an otpauth " + what + " may not contain ':'");
    }
  }

  /** ASCII digits only: {@link Character#isDigit} would also let other scripts' digits in. */
  private static boolean isDigits(String code, int length) {
    if (code == null || code.length() != length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      char c = code.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}
