package io.tender.core.user;

import java.util.List;
import java.util.Optional;

/** Where users are kept. Every change is conditional on the version read, so none is lost. */
public interface UserRepository {

  /** Creates the user; false when the email is taken (emails are unique across Tender). */
  boolean create(User user);

  Optional<User> findByEmail(String email);

  Optional<User> find(String tenantId, String userId);

  /** Offers a TOTP secret for enrolment. False when the user changed meanwhile. */
  boolean setPendingTotp(User user, byte[] secret);

  /** Enables MFA with the confirmed secret and stores the recovery codes' hashes. */
  boolean enableTotp(User user, byte[] secret, List<String> recoveryCodeHashes, long acceptedStep);

  /** Records the accepted TOTP time step so the same code is refused next time. */
  boolean recordTotpStep(User user, long acceptedStep);

  /** Removes one used recovery code. */
  boolean consumeRecoveryCode(User user, String codeHash);
}
