package io.tender.core.auth;

import io.tender.core.tenant.Mode;
import java.time.Instant;
import java.util.Optional;

/** Who is calling, established once per request before any rule runs. */
public sealed interface Principal {

  String tenantId();

  Mode mode();

  /** The audit trail's name for the caller: {@code api_key}, {@code user} or {@code payment_link}. */
  String actorType();

  String actorId();

  /** A merchant's server, with a secret API key. */
  record ApiKeyCaller(String tenantId, Mode mode, String keyId) implements Principal {
    @Override
    public String actorType() {
      return "api_key";
    }

    @Override
    public String actorId() {
      return keyId;
    }
  }

  /** A dashboard user with a session token; {@code mfaVerifiedAt} is the last second-factor check. */
  record UserCaller(String tenantId, Mode mode, String userId, Role role, Optional<Instant> mfaVerifiedAt)
      implements Principal {
    @Override
    public String actorType() {
      return "user";
    }

    @Override
    public String actorId() {
      return userId;
    }
  }

  /**
   * A payer opening a checkout through a merchant's public payment link: acts for the link's
   * tenant and mode, and only through the link. Never authenticated by a route, so it holds no
   * permission.
   */
  record PaymentLinkPayer(String tenantId, Mode mode, String slug) implements Principal {
    @Override
    public String actorType() {
      return "payment_link";
    }

    @Override
    public String actorId() {
      return slug;
    }
  }
}
