package io.tender.functions.link;

import io.tender.adapter.qr.QrImageUrls;
import io.tender.core.error.ApiException;
import io.tender.core.link.LinkPage;
import io.tender.core.link.LinkSession;
import io.tender.core.link.PaymentLink;
import io.tender.core.link.PaymentLinks;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Payment links in the merchant API's shapes: the merchant's view, the public view, and pages. */
final class PaymentLinkViews {
  private static final int DEFAULT_PAGE = 50;

  private PaymentLinkViews() {}

  static Map<String, Object> merchant(PaymentLink link) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("slug", link.slug());
    body.put("mode", link.mode().wire());
    body.put("amount", link.amount().minor());
    body.put("currency", link.amount().currency().code());
    body.put("reference", link.reference());
    body.put("status", link.status().wire());
    body.put("expires_at", link.expiresAt().toString());
    body.put("usage_limit", link.usageLimit().isPresent() ? link.usageLimit().getAsLong() : null);
    body.put("usage_count", link.usageCount());
    body.put("success_url", link.successUrl());
    body.put("cancel_url", link.cancelUrl());
    body.put("created_at", link.createdAt().toString());
    body.put("deactivated_at", link.deactivatedAt().map(Object::toString).orElse(null));
    return body;
  }

  /** The seed's public shape: no tenant, no usage numbers, no redirect targets. */
  static Map<String, Object> publicView(PaymentLinks.PublicView view) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("slug", view.link().slug());
    body.put("amount", view.link().amount().minor());
    body.put("currency", view.link().amount().currency().code());
    body.put("reference", view.link().reference());
    body.put("status", view.link().status().wire());
    body.put("expires_at", view.link().expiresAt().toString());
    body.put("isExpired", view.isExpired());
    body.put("usageLimitReached", view.usageLimitReached());
    body.put("canPay", view.canPay());
    return body;
  }

  /** The seed's checkout shape; the QR code of the hosted page is an SVG data URL, as for sessions. */
  static Map<String, Object> checkout(PaymentLinks.LinkCheckout checkout) {
    Optional<String> redirect = checkout.session().session().redirectUrl();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("sessionId", checkout.session().session().id());
    body.put("redirectUrl", redirect.orElse(null));
    body.put("qrImageUrl", redirect.map(QrImageUrls::of).orElse(null));
    body.put("expiresAt", checkout.session().session().expiresAt().toString());
    return body;
  }

  static Map<String, Object> session(LinkSession session) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("sessionId", session.sessionId());
    body.put("paymentId", session.paymentId());
    body.put("created_at", session.createdAt().toString());
    return body;
  }

  static <T> Map<String, Object> page(LinkPage<T> page, Function<T, Map<String, Object>> view) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("data", page.items().stream().map(view).toList());
    body.put("nextCursor", page.nextCursor().orElse(null));
    return body;
  }

  /** {@code ?limit=}: 1 to 100, 50 when absent. */
  static int limit(Optional<String> value) {
    if (value.isEmpty()) {
      return DEFAULT_PAGE;
    }
    try {
      int limit = Integer.parseInt(value.get());
      if (limit >= 1 && limit <= PaymentLinks.MAX_PAGE) {
        return limit;
      }
    } catch (NumberFormatException ignored) {
      // answered below
    }
    throw ApiException.validation(Map.of("limit",
        List.of("The limit is a whole number from 1 to " + PaymentLinks.MAX_PAGE + ".")));
  }
}
