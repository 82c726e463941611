package io.tender.core.user;

import io.tender.core.auth.Base32;
import io.tender.core.cache.ExpiringCache;
import io.tender.core.auth.IssuedRecoveryCodes;
import io.tender.core.auth.PasswordHasher;
import io.tender.core.auth.Principal;
import io.tender.core.auth.RecoveryCodes;
import io.tender.core.auth.Role;
import io.tender.core.auth.SessionClaims;
import io.tender.core.auth.SessionTokens;
import io.tender.core.auth.Totp;
import io.tender.core.auth.TotpParameters;
import io.tender.core.error.ApiException;
import io.tender.core.error.ErrorCode;
import io.tender.core.id.IdGenerator;
import io.tender.core.ratelimit.RateLimit;
import io.tender.core.ratelimit.RateLimitDecision;
import io.tender.core.ratelimit.RateLimitPolicies;
import io.tender.core.ratelimit.RateLimitScope;
import io.tender.core.ratelimit.RateLimiter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * Dashboard accounts: creation, sign-in with a password (and a TOTP code once MFA is on), TOTP
 * enrolment with recovery codes, and step-up verification that renews the session with a fresh
 * MFA time.
 */
public final class UserAccounts {
  public static final Duration SESSION_LENGTH = Duration.ofMinutes(30);
  public static final String ISSUER = "Tender";
  public static final Duration ROLE_CACHE_TTL = Duration.ofSeconds(10);
  private static final String BAD_CREDENTIALS = "Invalid email or password";

  private final UserRepository users;
  private final Supplier<SessionTokens> sessions;
  private final RateLimiter rateLimiter;
  private final RateLimit perAccountLogins;
  private final PasswordHasher passwords;
  private final Totp totp;
  private final RecoveryCodes recoveryCodes;
  private final IdGenerator ids;
  private final Clock clock;
  private final RandomGenerator random;
  private final ExpiringCache<String, Optional<Role>> roles;

  /** A session and what the client should do next. */
  public record SignedIn(String token, Instant expiresAt, boolean mfaEnabled, boolean mfaVerified) {}

  /** An offered TOTP secret: the URI for an authenticator app, and the secret for typing in. */
  public record Enrollment(String otpauthUri, String secret) {}

  public UserAccounts(UserRepository users, Supplier<SessionTokens> sessions, RateLimiter rateLimiter,
      RateLimitPolicies rateLimits, IdGenerator ids, Clock clock, RandomGenerator random) {
    this.users = users;
    this.sessions = sessions;
    this.rateLimiter = rateLimiter;
    this.perAccountLogins = rateLimits.get(RateLimitPolicies.LOGIN_ACCOUNT);
    this.passwords = new PasswordHasher(random);
    this.totp = new Totp(clock);
    this.recoveryCodes = new RecoveryCodes(random);
    this.ids = ids;
    this.clock = clock;
    this.random = random;
    this.roles = new ExpiringCache<>(clock, ROLE_CACHE_TTL);
  }

  /** Refuses what {@link #create} would refuse for its form, before anything is written. */
  public void checkNewUser(String email, char[] password) {
    String normalised = email == null ? "" : email.strip();
    if (!normalised.matches("[^@\\s]{1,64}@[^@\\s]{1,190}\\.[^@\\s]{1,63}")) {
      throw ApiException.validation(Map.of("email", List.of("The email must be a valid email address.")));
    }
    int length = password == null ? 0 : new String(password).codePointCount(0, password.length);
    if (length < PasswordHasher.MIN_PASSWORD_LENGTH || length > PasswordHasher.MAX_PASSWORD_LENGTH) {
      throw ApiException.validation(Map.of("password", List.of("The password must be "
          + PasswordHasher.MIN_PASSWORD_LENGTH + " to " + PasswordHasher.MAX_PASSWORD_LENGTH + " characters.")));
    }
  }

  /** Creates a user; the e-mail must be new to Tender. */
  public User create(String tenantId, String email, char[] password, Role role) {
    checkNewUser(email, password);
    String normalised = email.strip();
    String hash;
    try {
      hash = passwords.hash(password);
    } catch (IllegalArgumentException weak) {
      throw ApiException.validation(Map.of("password", List.of(weak.getMessage())));
    }
    User user = new User(ids.next("usr"), tenantId, normalised, hash, role, Optional.empty(), Optional.empty(),
        List.of(), 0, 1, clock.instant());
    if (!users.create(user)) {
      throw ApiException.validation(Map.of("email", List.of("The email has already been taken.")));
    }
    return user;
  }

  /**
   * Signs in. With MFA enabled, a valid {@code totpCode} makes the session MFA-verified at once;
   * without one the session is issued unverified and step-up actions will ask for it.
   */
  public SignedIn signIn(String email, char[] password, Optional<String> totpCode) {
    if (email == null || email.isBlank()) {
      throw ApiException.validation(Map.of("email", List.of("The email field is required.")));
    }
    // Counted per account whether or not it exists, so the limit says nothing about existence.
    RateLimitDecision decision = rateLimiter.acquire(perAccountLogins, accountScope(email), clock.instant());
    if (!decision.allowed()) {
      throw ApiException.rateLimited(decision.retryAfterSeconds());
    }
    Optional<User> found = users.findByEmail(email);
    if (found.isEmpty()) {
      passwords.verifyNothing(password); // the same work as a real check, so timing reveals nothing
      throw ApiException.of(ErrorCode.UNAUTHENTICATED, BAD_CREDENTIALS);
    }
    User user = found.get();
    if (!passwords.verify(password, user.passwordHash())) {
      throw ApiException.of(ErrorCode.UNAUTHENTICATED, BAD_CREDENTIALS);
    }
    Optional<Instant> mfaAt = Optional.empty();
    if (totpCode.isPresent()) {
      if (!user.mfaEnabled() || !acceptTotp(user, totpCode.get())) {
        throw ApiException.of(ErrorCode.UNAUTHENTICATED, "Invalid verification code");
      }
      mfaAt = Optional.of(clock.instant());
    }
    return issue(user, mfaAt);
  }

  /** Offers a new TOTP secret; MFA is on only after {@link #confirmEnrollment}. */
  public Enrollment startEnrollment(Principal.UserCaller caller) {
    User user = load(caller);
    if (user.mfaEnabled()) {
      throw ApiException.invalidRequest("MFA is already enabled for this user");
    }
    byte[] secret = Totp.newSecret(random);
    if (!users.setPendingTotp(user, secret)) {
      throw ApiException.of(ErrorCode.CONFLICT, "The account changed meanwhile; try again");
    }
    return new Enrollment(Totp.otpauthUri(ISSUER, user.email(), secret, TotpParameters.DEFAULT),
        Base32.encodeUnpadded(secret));
  }

  /** Enables MFA when the code matches the offered secret; returns the recovery codes, shown once. */
  public List<String> confirmEnrollment(Principal.UserCaller caller, String code) {
    User user = load(caller);
    byte[] pending = user.pendingTotpSecret()
        .orElseThrow(() -> ApiException.invalidRequest("Start MFA enrolment first"));
    OptionalLong step = totp.matchingTimeStep(pending, code, clock.instant(), TotpParameters.DEFAULT);
    if (step.isEmpty()) {
      throw ApiException.validation(Map.of("code", List.of("The code does not match; check the device clock.")));
    }
    IssuedRecoveryCodes codes = recoveryCodes.generate();
    if (!users.enableTotp(user, pending, codes.hashes(), step.getAsLong())) {
      throw ApiException.of(ErrorCode.CONFLICT, "The account changed meanwhile; try again");
    }
    return codes.codes();
  }

  /** Step-up: a TOTP code (or one recovery code) renews the session with MFA verified now. */
  public SignedIn verify(Principal.UserCaller caller, Optional<String> code, Optional<String> recoveryCode) {
    User user = load(caller);
    if (!user.mfaEnabled()) {
      throw ApiException.invalidRequest("Enable MFA first");
    }
    boolean accepted;
    if (code.isPresent()) {
      accepted = acceptTotp(user, code.get());
    } else if (recoveryCode.isPresent()) {
      accepted = recoveryCodes.match(recoveryCode.get(), user.recoveryCodeHashes())
          .map(hash -> users.consumeRecoveryCode(user, hash)).orElse(false);
    } else {
      throw ApiException.validation(Map.of("code", List.of("The code or recoveryCode field is required.")));
    }
    if (!accepted) {
      throw ApiException.of(ErrorCode.UNAUTHENTICATED, "Invalid verification code");
    }
    return issue(user, Optional.of(clock.instant()));
  }

  /**
   * The role a signed-in user holds now, read at most every {@link #ROLE_CACHE_TTL} per container:
   * a demoted or removed user loses access within that time, whatever their token says.
   */
  public Optional<Role> currentRole(String tenantId, String userId) {
    return roles.get(tenantId + "/" + userId, key -> users.find(tenantId, userId).map(User::role));
  }

  /** A code is accepted once: its time step must be newer than the last one accepted. */
  private boolean acceptTotp(User user, String code) {
    OptionalLong step = totp.matchingTimeStep(user.totpSecret().orElseThrow(), code, clock.instant(),
        TotpParameters.DEFAULT);
    return step.isPresent() && step.getAsLong() > user.lastTotpStep()
        && users.recordTotpStep(user, step.getAsLong());
  }

  /** The e-mail is hashed so that counters do not keep addresses in the table. */
  private static String accountScope(String email) {
    try {
      byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
          .digest(email.strip().toLowerCase(java.util.Locale.ROOT).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return RateLimitScope.account(java.util.HexFormat.of().formatHex(digest, 0, 16));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private User load(Principal.UserCaller caller) {
    return users.find(caller.tenantId(), caller.userId())
        .orElseThrow(() -> ApiException.of(ErrorCode.UNAUTHENTICATED, "Invalid or expired session"));
  }

  private SignedIn issue(User user, Optional<Instant> mfaVerifiedAt) {
    Instant now = clock.instant();
    Instant expiresAt = now.plus(SESSION_LENGTH);
    String token = sessions.get().issue(new SessionClaims(user.tenantId(), user.id(), user.role().wire(), now,
        expiresAt, mfaVerifiedAt, ids.next("ses")));
    return new SignedIn(token, expiresAt, user.mfaEnabled(), mfaVerifiedAt.isPresent());
  }
}
