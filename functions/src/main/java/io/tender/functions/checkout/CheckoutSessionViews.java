package io.tender.functions.checkout;

import io.tender.adapter.qr.QrImageUrls;
import io.tender.core.checkout.CheckoutSessions;
import io.tender.core.checkout.CheckoutStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Checkout sessions in the merchant API's shape. The QR code of the hosted page travels as an
 * SVG data URL: any {@code <img src>} shows it, and no public image route is needed.
 */
final class CheckoutSessionViews {
  private CheckoutSessionViews() {}

  static Map<String, Object> created(CheckoutSessions.View view) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", view.session().id());
    body.put("payment_id", view.payment().id());
    body.put("redirect_url", view.session().redirectUrl().orElse(null));
    body.put("qr_image_url", qr(view));
    body.put("status", CheckoutStatus.of(view.payment().state()));
    body.put("expires_at", view.session().expiresAt().toString());
    return body;
  }

  static Map<String, Object> detailed(CheckoutSessions.View view, Instant now) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", view.session().id());
    body.put("payment_id", view.payment().id());
    body.put("status", CheckoutStatus.of(view.payment().state()));
    body.put("amount", view.payment().amounts().requested());
    body.put("currency", view.payment().currency());
    body.put("reference", view.session().reference());
    // A page that can no longer be paid is not offered, as Stripe clears its url.
    boolean payable = "pending".equals(CheckoutStatus.of(view.payment().state()))
        && now.isBefore(view.session().expiresAt());
    body.put("redirect_url", payable ? view.session().redirectUrl().orElse(null) : null);
    body.put("qr_image_url", payable ? qr(view) : null);
    body.put("expires_at", view.session().expiresAt().toString());
    body.put("created_at", view.session().createdAt().toString());
    body.put("remaining_seconds", Math.max(0, Duration.between(now, view.session().expiresAt()).toSeconds()));
    return body;
  }

  private static String qr(CheckoutSessions.View view) {
    // The one derivation a stored idempotent answer is replayed with, so the replay is identical.
    return view.session().redirectUrl().map(QrImageUrls::of).orElse(null);
  }
}
