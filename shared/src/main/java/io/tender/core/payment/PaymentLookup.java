package io.tender.core.payment;

import io.tender.core.tenant.Mode;
import java.util.Optional;

/**
 * Finds a payment for a provider event. Provider events name our payment id (metadata the provider
 * keeps for us), and newer ones the tenant and mode that key it too. Use only with what the
 * provider reported: a merchant's request is always looked up within its own tenant.
 *
 * <p>Both reads may be a little stale (eventually consistent): use them only where the next write
 * is conditional on the version read, and read again through {@link PaymentRepository} before
 * concluding that nothing is to be done.
 */
public interface PaymentLookup {

  /** By our id alone, through the provider pointer that names the tenant and mode. */
  Optional<Payment> byId(String paymentId);

  /** By the payment's whole key, in one read. */
  Optional<Payment> byKey(String tenantId, Mode mode, String paymentId);
}
