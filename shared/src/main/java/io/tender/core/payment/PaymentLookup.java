package io.tender.core.payment;

import java.util.Optional;

/**
 * Finds a payment by our id alone. Provider events name our payment id (metadata the provider
 * keeps for us) but not the tenant or mode that key it; this resolves them. Use only with ids the
 * provider reported: a merchant's request is always looked up within its own tenant.
 */
public interface PaymentLookup {

  Optional<Payment> byId(String paymentId);
}
