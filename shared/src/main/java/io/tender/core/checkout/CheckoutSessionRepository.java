package io.tender.core.checkout;

import io.tender.core.payment.Payment;
import io.tender.core.tenant.Mode;
import java.util.Optional;

/** Where checkout sessions are kept, always beside their payment. */
public interface CheckoutSessionRepository {

  /**
   * Stores a new session, then its new payment: a session may be left without its payment by a
   * crash between the two, never a payment without the request it was made for.
   */
  void create(CheckoutSession session, Payment payment);

  Optional<CheckoutSession> find(String tenantId, Mode mode, String sessionId);

  /** The session's payment as a status read may see it: possibly a moment behind its latest version. */
  Optional<Payment> findPaymentForStatus(CheckoutSession session);

  /**
   * Records what the provider answered: the payment's new version (with the provider's reference),
   * findable from the provider's id before it is written, and the session's hosted page; false
   * when the payment moved meanwhile.
   */
  boolean recordProviderCheckout(CheckoutSession session, Payment payment);

  /**
   * Records that the create got no checkout from the provider: the payment's next version, polled
   * soon ({@link Payment#pollSoon}) rather than at the session's end; false when the payment moved
   * meanwhile.
   */
  boolean recordCreateUnanswered(Payment payment);
}
