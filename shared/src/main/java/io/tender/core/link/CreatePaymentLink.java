package io.tender.core.link;

/**
 * A merchant's payment-link request as sent: {@code slug} (optional: one is generated), amount in
 * minor units, currency, reference, {@code expiresAt} (ISO-8601 with offset), {@code usageLimit}
 * (optional: unlimited), and where the payer goes afterwards (optional: the tenant's first
 * approved domain). {@link PaymentLinks#create} validates it and reports every problem by field.
 */
public record CreatePaymentLink(String slug, Long amount, String currency, String reference, String expiresAt,
    Long usageLimit, String successUrl, String cancelUrl) {}
