package io.tender.adapter.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import io.tender.core.provider.CheckoutConnector;
import io.tender.core.provider.CheckoutCreated;
import io.tender.core.provider.CheckoutRequest;
import io.tender.core.provider.CheckoutState;
import io.tender.core.provider.ProviderRefusedException;
import io.tender.core.provider.ProviderRefusedException.Refusal;
import io.tender.core.provider.RefundRequest;
import io.tender.core.provider.RefundState;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * Stripe Checkout through Stripe's REST API: one Checkout Session per payment, its PaymentIntent
 * for the money, Refunds against the PaymentIntent. Wire units are minor units (see
 * {@link StripeAmounts}); statuses are read only by {@link StripeStatusMapper}.
 *
 * <p>Build one per container and reuse it: it holds one HTTP client, the url-connection one the
 * AWS clients use too, so calling Stripe adds no HTTP stack of its own to a cold start.
 */
public final class StripeConnector implements CheckoutConnector {
  public static final String PROVIDER = "stripe";
  /** Pinned so that Stripe's answers keep the shape this connector reads. */
  public static final String API_VERSION = "2026-07-29.dahlia";

  private final StripeHttp http;

  /** {@code secretKey} is read on every call (the secret store caches it), so rotation needs no restart. */
  public StripeConnector(StripeSettings settings, Supplier<String> secretKey) {
    this(httpClient(settings), settings, secretKey);
  }

  StripeConnector(SdkHttpClient client, StripeSettings settings, Supplier<String> secretKey) {
    this.http = new StripeHttp(client, settings, secretKey);
  }

  /**
   * The client Stripe is called with: it never follows a redirect, and the request timeout bounds
   * every wait for Stripe, for the answer to begin as for each part of it.
   */
  static SdkHttpClient httpClient(StripeSettings settings) {
    return UrlConnectionHttpClient.builder()
        .connectionTimeout(settings.connectTimeout())
        .socketTimeout(settings.requestTimeout())
        .build();
  }

  @Override
  public String provider() {
    return PROVIDER;
  }

  @Override
  public CheckoutCreated createCheckout(CheckoutRequest request) {
    long amount = StripeAmounts.toWire(request.amount());
    StripeForm form = new StripeForm()
        .add("mode", "payment")
        .add("client_reference_id", request.paymentId())
        .add("metadata[" + StripeStatusMapper.PAYMENT_ID_KEY + "]", request.paymentId())
        .add("metadata[" + StripeStatusMapper.TENANT_ID_KEY + "]", request.tenantId())
        .add("metadata[" + StripeStatusMapper.MODE_KEY + "]", request.mode().wire())
        .add("payment_intent_data[metadata][" + StripeStatusMapper.PAYMENT_ID_KEY + "]",
            request.paymentId())
        .add("payment_intent_data[metadata][" + StripeStatusMapper.TENANT_ID_KEY + "]", request.tenantId())
        .add("payment_intent_data[metadata][" + StripeStatusMapper.MODE_KEY + "]", request.mode().wire())
        .add("line_items[0][quantity]", 1)
        .add("line_items[0][price_data][currency]",
            StripeAmounts.wireCurrency(request.amount().currency()))
        .add("line_items[0][price_data][unit_amount]", amount)
        .add("line_items[0][price_data][product_data][name]", request.description())
        .add("success_url", request.successUrl())
        .add("cancel_url", request.cancelUrl())
        .add("expires_at", request.expiresAt().getEpochSecond());
    JsonNode session = http.post("/v1/checkout/sessions", form, request.idempotencyKey());
    return new CheckoutCreated(StripeJson.requiredText(session, "id"),
        StripeJson.requiredText(session, "url"),
        Instant.ofEpochSecond(StripeJson.requiredLong(session, "expires_at")));
  }

  @Override
  public CheckoutState fetchCheckout(String checkoutId) {
    return stateOf(session(checkoutId));
  }

  @Override
  public CheckoutState expireCheckout(String checkoutId) {
    JsonNode expired;
    try {
      expired = http.post(sessionPath(checkoutId) + "/expire", new StripeForm(), null);
    } catch (ProviderRefusedException e) {
      // Stripe expires only open sessions; one that just completed must be reported, not refused.
      JsonNode session = session(checkoutId);
      if ("open".equals(StripeJson.text(session, "status"))) {
        throw e;
      }
      return stateOf(session);
    }
    return stateOf(expired);
  }

  @Override
  public RefundState refund(RefundRequest request) {
    JsonNode session = session(request.checkoutId());
    String currency = StripeAmounts.wireCurrency(request.amount().currency());
    if (!currency.equals(StripeJson.text(session, "currency"))) {
      throw new ProviderRefusedException(PROVIDER, Refusal.INVALID_REQUEST, null,
          "A refund in " + request.amount().currency().code()
              + " does not match the checkout's currency");
    }
    String intentId = StripeJson.text(session, "payment_intent");
    if (intentId == null) {
      throw new ProviderRefusedException(PROVIDER, Refusal.NOT_PAID, null,
          "Checkout " + request.checkoutId() + " has no payment to refund");
    }
    StripeForm form = new StripeForm()
        .add("payment_intent", intentId)
        .add("amount", StripeAmounts.toWire(request.amount()))
        .add("metadata[" + StripeStatusMapper.PAYMENT_ID_KEY + "]", request.paymentId())
        .add("metadata[" + StripeStatusMapper.REFUND_ID_KEY + "]", request.refundId())
        .add("metadata[" + StripeStatusMapper.TENANT_ID_KEY + "]", request.tenantId())
        .add("metadata[" + StripeStatusMapper.MODE_KEY + "]", request.mode().wire());
    return StripeStatusMapper.refund(http.post("/v1/refunds", form, request.idempotencyKey()));
  }

  @Override
  public RefundState fetchRefund(String providerRefundId) {
    RefundState refund = StripeStatusMapper.refund(http.get("/v1/refunds/" + pathSegment(providerRefundId)));
    if (refund.paymentId().isPresent() || refund.providerPaymentId().isEmpty()) {
      return refund;
    }
    // Made in the dashboard: only the PaymentIntent we created records our payment.
    return paymentIdOf(refund.providerPaymentId().get()).map(refund::withPaymentId).orElse(refund);
  }

  @Override
  public Optional<String> paymentIdOf(String providerPaymentId) {
    return StripeJson.metadata(http.get("/v1/payment_intents/" + pathSegment(providerPaymentId)),
        StripeStatusMapper.PAYMENT_ID_KEY);
  }

  private JsonNode session(String checkoutId) {
    return http.get(sessionPath(checkoutId));
  }

  /** The session's state, reading its PaymentIntent too once the payer has tried to pay. */
  private CheckoutState stateOf(JsonNode session) {
    String intentId = StripeJson.text(session, "payment_intent");
    JsonNode intent = intentId == null
        ? null
        : http.get("/v1/payment_intents/" + pathSegment(intentId));
    return StripeStatusMapper.checkout(session, intent);
  }

  private static String sessionPath(String checkoutId) {
    return "/v1/checkout/sessions/" + pathSegment(checkoutId);
  }

  /** Ids come from storage and webhooks; encoded, one can never change the path it is put in. */
  private static String pathSegment(String id) {
    Objects.requireNonNull(id, "id");
    if (id.isBlank()) {
      throw new IllegalArgumentException("a Stripe id is required");
    }
    return URLEncoder.encode(id, StandardCharsets.UTF_8);
  }
}
