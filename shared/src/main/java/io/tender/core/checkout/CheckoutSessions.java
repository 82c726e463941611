package io.tender.core.checkout;

import io.tender.core.auth.Principal;
import io.tender.core.error.ApiException;
import io.tender.core.error.ErrorCode;
import io.tender.core.id.IdGenerator;
import io.tender.core.id.Ids;
import io.tender.core.money.AmountPolicy;
import io.tender.core.money.Money;
import io.tender.core.payment.Payment;
import io.tender.core.payment.ProviderReference;
import io.tender.core.provider.CheckoutConnector;
import io.tender.core.provider.CheckoutCreated;
import io.tender.core.provider.CheckoutRequest;
import io.tender.core.provider.ProviderRefusedException;
import io.tender.core.provider.ProviderUnavailableException;
import io.tender.core.tenant.Mode;
import io.tender.core.tenant.Tenant;
import io.tender.core.tenant.TenantRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Creates and reads checkout sessions. The session and its payment are stored BEFORE the provider
 * is called, so a crash or timeout leaves a record to reconcile, never money without a record.
 */
public final class CheckoutSessions {
  /**
   * How long a payer has: the seed's 30 minutes, plus a minute so that the provider, whose
   * shortest session is 30 minutes from when it receives the request, never finds it too short.
   */
  public static final Duration SESSION_LENGTH = Duration.ofMinutes(31);

  private final CheckoutSessionRepository sessions;
  private final TenantRepository tenants;
  private final CheckoutConnector connector;
  private final AmountPolicy amounts;
  private final IdGenerator ids;
  private final Clock clock;

  /** A session with the state of its payment, as the merchant API shows it. */
  public record View(CheckoutSession session, Payment payment) {}

  public CheckoutSessions(CheckoutSessionRepository sessions, TenantRepository tenants, CheckoutConnector connector,
      AmountPolicy amounts, IdGenerator ids, Clock clock) {
    this.sessions = sessions;
    this.tenants = tenants;
    this.connector = connector;
    this.amounts = amounts;
    this.ids = ids;
    this.clock = clock;
  }

  public View create(Principal caller, CreateCheckoutSession request) {
    Money money = amounts.requireMinor(request.amount(), request.currency());
    if (caller.mode() == Mode.LIVE) {
      Tenant tenant = tenants.find(caller.tenantId())
          .orElseThrow(() -> new IllegalStateException("no tenant " + caller.tenantId()));
      Map<String, List<String>> refused = LiveRedirects.errors(tenant, request.successUrl(), request.cancelUrl());
      if (!refused.isEmpty()) {
        throw ApiException.validation(refused);
      }
    }
    Instant now = clock.instant();
    CheckoutSession session = new CheckoutSession(ids.next("cs"), ids.next("pay"), caller.tenantId(), caller.mode(),
        request.reference(), request.methodTypes(), request.successUrl(), request.cancelUrl(),
        now.plus(SESSION_LENGTH), Optional.empty(), now);
    Payment payment = Payment.forCheckoutSession(session.paymentId(), caller.tenantId(), caller.mode(),
        money.currency().code(), money.minor(), session.id(), session.expiresAt(), now);
    sessions.create(session, payment);

    CheckoutCreated created;
    try {
      created = connector.createCheckout(new CheckoutRequest(payment.id(), money, request.reference(),
          request.successUrl(), request.cancelUrl(), session.expiresAt(), payment.tenantId(), payment.mode()));
    } catch (ProviderUnavailableException unavailable) {
      // The payment stays CREATED with its request stored; the poller sends it again within minutes.
      sessions.recordCreateUnanswered(payment.pollSoon(clock.instant()));
      throw ApiException.of(ErrorCode.PROVIDER_UNAVAILABLE,
          "The payment provider did not answer; retry with the same Idempotency-Key");
    } catch (ProviderRefusedException refused) {
      // No checkout: the poller sends it again within minutes and ends the payment with the answer.
      sessions.recordCreateUnanswered(payment.pollSoon(clock.instant()));
      throw switch (refused.refusal()) {
        case AMOUNT_TOO_LARGE, AMOUNT_TOO_SMALL, AMOUNT_NOT_SUPPORTED ->
            ApiException.of(ErrorCode.INVALID_AMOUNT, "The payment provider does not take this amount");
        case CURRENCY_NOT_SUPPORTED -> ApiException.invalidRequest("The payment provider does not take this currency");
        // Anything else is a request we should not have sent: ours to fix, not the merchant's.
        default -> ApiException.of(ErrorCode.PROVIDER_ERROR, "The payment provider refused the checkout");
      };
    }
    Payment withProvider = payment.withProvider(new ProviderReference(connector.provider(), created.checkoutId()),
        clock.instant());
    CheckoutSession ready = session.withRedirect(created.url());
    if (!sessions.recordProviderCheckout(ready, withProvider)) {
      // A provider event moved the payment first; it already names the provider's checkout.
      return view(caller.tenantId(), caller.mode(), session.id());
    }
    return new View(ready, withProvider);
  }

  /** Another tenant's session answers exactly as a missing one. */
  public View view(String tenantId, Mode mode, String sessionId) {
    if (sessionId == null || !Ids.isId("cs", sessionId)) {
      throw ApiException.notFound("Checkout session"); // not one of ours, so not this tenant's either
    }
    CheckoutSession session = sessions.find(tenantId, mode, sessionId)
        .orElseThrow(() -> ApiException.notFound("Checkout session"));
    // A session without its payment is a create that died before answering: nobody was given it.
    Payment payment = sessions.findPaymentForStatus(session)
        .orElseThrow(() -> ApiException.notFound("Checkout session"));
    return new View(session, payment);
  }
}
