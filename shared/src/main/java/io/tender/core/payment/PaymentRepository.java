package io.tender.core.payment;

import io.tender.core.tenant.Mode;
import java.util.Optional;

/**
 * Where payments are kept. Every change is a whole new version written only if the stored one is
 * still the version it was derived from: concurrent writers cannot both win, so no rule (such as
 * refunded + reserved ≤ captured) can be broken by a race.
 */
public interface PaymentRepository {

  /** Stores a new payment; false when one with its id exists. */
  boolean create(Payment payment);

  Optional<Payment> find(String tenantId, Mode mode, String paymentId);

  /** The payment a provider's id refers to, for webhooks and reconciliation. */
  Optional<Payment> findByProvider(ProviderReference reference);

  /**
   * Writes {@code next} if the stored payment is still at {@code next.version() - 1}; false when
   * another writer got there first (read again and re-decide).
   */
  boolean replace(Payment next);
}
