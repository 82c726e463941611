package io.tender.local.sandbox.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tender.local.sandbox.stripe.CheckoutSession.LineItem;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The sandbox's in-memory Stripe account. One lock guards every object, so each transition is
 * atomic and its events are published in the order the transitions happened.
 */
final class StripeLedger {
  private static final Set<String> SESSION_PARAMS = Set.of("mode", "line_items", "success_url",
      "cancel_url", "client_reference_id", "metadata", "expires_at", "payment_method_types",
      "customer_email", "payment_intent_data");
  private static final Set<String> REFUND_PARAMS = Set.of("payment_intent", "amount", "metadata", "reason");
  private static final Set<String> REFUND_REASONS = Set.of("duplicate", "fraudulent", "requested_by_customer");
  private static final long MIN_EXPIRY = Duration.ofMinutes(30).toSeconds();
  private static final long MAX_EXPIRY = Duration.ofHours(24).toSeconds();
  /** Stripe's largest amount for most currencies: eight digits of minor units. */
  private static final long MAX_AMOUNT = 99_999_999L;

  private final Clock clock;
  private final SandboxIds ids;
  private final WebhookDispatcher webhooks;
  private final FailureSwitches switches;
  private final URI baseUrl;
  private final Map<String, CheckoutSession> sessions = new HashMap<>();
  private final Map<String, PaymentIntent> paymentIntents = new HashMap<>();
  private final Map<String, Refund> refunds = new HashMap<>();

  StripeLedger(Clock clock, SandboxIds ids, WebhookDispatcher webhooks, FailureSwitches switches, URI baseUrl) {
    this.clock = clock;
    this.ids = ids;
    this.webhooks = webhooks;
    this.switches = switches;
    this.baseUrl = baseUrl;
  }

  synchronized ObjectNode createSession(Params params) {
    params.allowOnly(SESSION_PARAMS);
    String mode = params.requiredString("mode");
    if (!mode.equals("payment")) {
      throw StripeError.invalidRequest("mode", "The sandbox supports mode=payment only, not " + mode + ".");
    }
    String successUrl = params.requiredString("success_url");
    List<LineItem> items = new ArrayList<>();
    String currency = lineItems(params, items);
    long created = now();
    Long expiresAt = params.integer("expires_at");
    if (expiresAt == null) {
      expiresAt = created + MAX_EXPIRY;
    } else if (expiresAt < created + MIN_EXPIRY || expiresAt > created + MAX_EXPIRY) {
      throw StripeError.invalidRequest("expires_at", "The `expires_at` timestamp must be between 30"
          + " minutes and 24 hours from Checkout Session creation.");
    }
    List<String> methodTypes = new ArrayList<>();
    JsonNode types = params.raw("payment_method_types");
    if (types == null) {
      methodTypes.add("card");
    } else if (!types.isArray()) {
      throw StripeError.invalidRequest("payment_method_types", "Invalid array: payment_method_types");
    } else {
      types.forEach(type -> methodTypes.add(type.asText()));
    }
    Params intentData = params.object("payment_intent_data");
    if (intentData != null) {
      intentData.allowOnly(Set.of("metadata"));
    }
    String id = ids.next("cs");
    CheckoutSession session = new CheckoutSession(id, created, expiresAt, currency, items, successUrl,
        params.string("cancel_url"), params.string("client_reference_id"),
        params.string("customer_email"), params.metadata("metadata"),
        intentData == null ? params.metadata("payment_intent_data") : intentData.metadata("metadata"),
        methodTypes, baseUrl.resolve("/c/pay/" + id).toString());
    if (session.amountTotal > MAX_AMOUNT) {
      throw StripeError.invalidRequest("amount_too_large", "line_items",
          "The Checkout Session's total amount due must be no more than 99999999.");
    }
    sessions.put(id, session);
    return session.toJson();
  }

  /** Reads the line items and answers their one currency. */
  private static String lineItems(Params params, List<LineItem> items) {
    JsonNode lineItems = params.raw("line_items");
    if (lineItems == null) {
      throw StripeError.invalidRequest("line_items", "Missing required param: line_items.");
    }
    if (!lineItems.isArray() || lineItems.isEmpty()) {
      throw StripeError.invalidRequest("line_items", "Invalid array: line_items");
    }
    String currency = null;
    for (int i = 0; i < lineItems.size(); i++) {
      Params item = new Params(lineItems.get(i), "line_items[" + i + "]");
      item.allowOnly(Set.of("price_data", "quantity"));
      Params priceData = item.object("price_data");
      if (priceData == null) {
        throw StripeError.invalidRequest(item.name("price_data"),
            "The sandbox needs price_data on every line item (stored prices are not modelled).");
      }
      priceData.allowOnly(Set.of("currency", "unit_amount", "product_data"));
      String itemCurrency = priceData.requiredString("currency");
      if (!itemCurrency.matches("[a-z]{3}")) {
        throw StripeError.invalidRequest(priceData.name("currency"), "Invalid currency: " + itemCurrency);
      }
      if (currency != null && !currency.equals(itemCurrency)) {
        throw StripeError.invalidRequest(priceData.name("currency"),
            "All line items must have the same currency.");
      }
      currency = itemCurrency;
      Long unitAmount = priceData.integer("unit_amount");
      if (unitAmount == null || unitAmount < 0) {
        throw StripeError.invalidRequest(priceData.name("unit_amount"),
            "Invalid non-negative integer: " + priceData.name("unit_amount"));
      }
      Params product = priceData.object("product_data");
      if (product == null) {
        throw StripeError.invalidRequest(priceData.name("product_data"),
            "Missing required param: " + priceData.name("product_data") + ".");
      }
      product.allowOnly(Set.of("name", "description"));
      String name = product.requiredString("name");
      Long quantity = item.integer("quantity");
      if (quantity == null || quantity < 1) {
        throw StripeError.invalidRequest(item.name("quantity"), "Invalid positive integer: " + item.name("quantity"));
      }
      if (unitAmount > MAX_AMOUNT || quantity > MAX_AMOUNT) {
        throw StripeError.invalidRequest("amount_too_large", priceData.name("unit_amount"),
            "Amount must be no more than 99999999.");
      }
      items.add(new LineItem(name, unitAmount, quantity));
    }
    return currency;
  }

  synchronized ObjectNode session(String id) {
    return openOrExpired(id).toJson();
  }

  synchronized ObjectNode expireSession(String id) {
    CheckoutSession session = openOrExpired(id);
    if (session.status != CheckoutSession.Status.open) {
      throw StripeError.invalidRequest(null, "Only Checkout Sessions with a status in [\"open\"] can be"
          + " expired. This Checkout Session has a status of \"" + session.status + "\".");
    }
    expire(session);
    return session.toJson();
  }

  /** The hosted page's Pay: completes the session and answers where to send the payer. */
  synchronized URI pay(String sessionId) {
    CheckoutSession session = payable(sessionId);
    if (switches.takeDecline()) {
      decline(session);
      return null;
    }
    PaymentIntent intent = intentFor(session);
    intent.status = PaymentIntent.Status.succeeded;
    intent.amountReceived = intent.amount;
    intent.lastPaymentError = null;
    intent.latestCharge = ids.next("ch");
    intent.chargeCreated = now();
    session.status = CheckoutSession.Status.complete;
    session.paid = true;
    webhooks.publish("payment_intent.succeeded", intent.toJson());
    webhooks.publish("checkout.session.completed", session.toJson());
    return URI.create(session.successUrl.replace("{CHECKOUT_SESSION_ID}", session.id));
  }

  /** The hosted page's Decline: the attempt fails and the session stays open for another try. */
  synchronized void decline(String sessionId) {
    decline(payable(sessionId));
  }

  private void decline(CheckoutSession session) {
    PaymentIntent intent = intentFor(session);
    intent.lastPaymentError = PaymentIntent.cardDeclined();
    webhooks.publish("payment_intent.payment_failed", intent.toJson());
  }

  /** The hosted page's back link: Stripe leaves the session open and just sends the payer back. */
  synchronized URI cancel(String sessionId) {
    CheckoutSession session = payable(sessionId);
    if (session.cancelUrl == null) {
      throw StripeError.invalidRequest("cancel_url", "This Checkout Session has no cancel_url.");
    }
    return URI.create(session.cancelUrl);
  }

  synchronized ObjectNode paymentIntent(String id) {
    PaymentIntent intent = paymentIntents.get(id);
    if (intent == null) {
      throw StripeError.missing("payment_intent: '" + id + "'");
    }
    return intent.toJson();
  }

  synchronized ObjectNode createRefund(Params params) {
    params.allowOnly(REFUND_PARAMS);
    String intentId = params.string("payment_intent");
    if (intentId == null) {
      throw StripeError.invalidRequest(null, "One of the following params should be provided for this"
          + " request: payment_intent or charge.");
    }
    PaymentIntent intent = paymentIntents.get(intentId);
    if (intent == null) {
      throw StripeError.invalidRequest("resource_missing", "payment_intent",
          "No such payment_intent: '" + intentId + "'");
    }
    if (intent.status != PaymentIntent.Status.succeeded) {
      throw StripeError.invalidRequest("payment_intent", "This PaymentIntent (" + intentId
          + ") does not have a successful charge to refund.");
    }
    String reason = params.string("reason");
    if (reason != null && !REFUND_REASONS.contains(reason)) {
      throw StripeError.invalidRequest("reason", "Invalid reason: must be one of " + REFUND_REASONS);
    }
    ObjectNode metadata = params.metadata("metadata");
    long remaining = intent.amountReceived - intent.amountRefunded;
    if (remaining == 0) {
      throw StripeError.invalidRequest("charge_already_refunded", null,
          "Charge " + intent.latestCharge + " has already been refunded.");
    }
    Long requested = params.integer("amount");
    long amount = requested == null ? remaining : requested;
    if (amount < 1) {
      throw StripeError.invalidRequest("amount", "Invalid positive integer: amount");
    }
    if (amount > remaining) {
      throw StripeError.invalidRequest("amount_too_large", "amount", "Refund amount (" + amount
          + ") is greater than unrefunded amount on charge (" + remaining + ")");
    }
    Refund.Status status = switches.takePendingRefund() ? Refund.Status.pending : Refund.Status.succeeded;
    Refund refund = new Refund(ids.next("re"), now(), amount, intent.currency, intent.id,
        intent.latestCharge, reason, metadata, status);
    refunds.put(refund.id, refund);
    intent.amountRefunded += amount;
    webhooks.publish("refund.created", refund.toJson());
    if (status == Refund.Status.succeeded) {
      webhooks.publish("charge.refunded", intent.chargeJson());
    }
    return refund.toJson();
  }

  synchronized ObjectNode refund(String id) {
    Refund refund = refunds.get(id);
    if (refund == null) {
      throw StripeError.missing("refund: '" + id + "'");
    }
    return refund.toJson();
  }

  /** A pending refund reaches the payer: refund.updated, then charge.refunded. */
  synchronized void settleRefund(String id) {
    Refund refund = refunds.get(id);
    if (refund == null || refund.status != Refund.Status.pending) {
      throw new IllegalStateException("no pending refund " + id);
    }
    refund.status = Refund.Status.succeeded;
    webhooks.publish("refund.updated", refund.toJson());
    webhooks.publish("charge.refunded", paymentIntents.get(refund.paymentIntentId).chargeJson());
  }

  /** Expires every open session past its expires_at; the background sweep calls it. */
  synchronized void sweep() {
    long now = now();
    for (CheckoutSession session : sessions.values()) {
      if (session.status == CheckoutSession.Status.open && now >= session.expiresAt) {
        expire(session);
      }
    }
  }

  private CheckoutSession openOrExpired(String id) {
    CheckoutSession session = sessions.get(id);
    if (session == null) {
      throw StripeError.missing("checkout.session: '" + id + "'");
    }
    // Lazily, so a read right at expires_at never sees an open session the sweep has not reached.
    if (session.status == CheckoutSession.Status.open && now() >= session.expiresAt) {
      expire(session);
    }
    return session;
  }

  private CheckoutSession payable(String sessionId) {
    CheckoutSession session = openOrExpired(sessionId);
    if (session.status != CheckoutSession.Status.open) {
      throw StripeError.invalidRequest("checkout_session_not_open", null,
          "This Checkout Session is " + session.status + " and can no longer be paid.");
    }
    return session;
  }

  /** Stripe's Checkout keeps one PaymentIntent per session across attempts. */
  private PaymentIntent intentFor(CheckoutSession session) {
    if (session.paymentIntentId != null) {
      return paymentIntents.get(session.paymentIntentId);
    }
    PaymentIntent intent = new PaymentIntent(ids.next("pi"), now(), session.amountTotal,
        session.currency, session.paymentIntentMetadata.deepCopy(), session.paymentMethodTypes);
    paymentIntents.put(intent.id, intent);
    session.paymentIntentId = intent.id;
    return intent;
  }

  /** Expiring a session cancels the PaymentIntent of its failed attempts, as Stripe does. */
  private void expire(CheckoutSession session) {
    session.status = CheckoutSession.Status.expired;
    if (session.paymentIntentId != null) {
      PaymentIntent intent = paymentIntents.get(session.paymentIntentId);
      intent.status = PaymentIntent.Status.canceled;
      intent.canceledAt = now();
      intent.cancellationReason = "abandoned";
      webhooks.publish("payment_intent.canceled", intent.toJson());
    }
    webhooks.publish("checkout.session.expired", session.toJson());
  }

  private long now() {
    return clock.instant().getEpochSecond();
  }
}
