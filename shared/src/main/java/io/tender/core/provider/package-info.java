/**
 * The port to payment providers: one {@link io.tender.core.provider.CheckoutConnector} per
 * provider, answering in domain terms ({@link io.tender.core.payment.PaymentEvent}) so that no
 * provider status leaks past its connector. A provider that did not answer is an
 * {@link io.tender.core.provider.ProviderUnavailableException} (outcome unknown), never a failed
 * payment; a provider that said no is a {@link io.tender.core.provider.ProviderRefusedException}.
 */
package io.tender.core.provider;
