package io.tender.core.checkout;

import io.tender.core.payment.Payment;
import io.tender.core.tenant.Mode;
import java.util.Optional;

/** Where checkout sessions are kept, always beside their payment. */
public interface CheckoutSessionRepository {

  /** Stores a new session and its new payment together. */
  void create(CheckoutSession session, Payment payment);

  Optional<CheckoutSession> find(String tenantId, Mode mode, String sessionId);

  /**
   * Records what the provider answered: the payment's new version (with the provider's reference)
   * and the session's hosted page, together; false when the payment moved meanwhile.
   */
  boolean recordProviderCheckout(CheckoutSession session, Payment payment);
}
