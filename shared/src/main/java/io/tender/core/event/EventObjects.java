package io.tender.core.event;

import io.tender.core.payment.Payment;
import io.tender.core.payment.Refund;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The objects merchant events carry, in the merchant API's field names. */
public final class EventObjects {
  private EventObjects() {}

  public static Map<String, Object> payment(Payment payment) {
    Map<String, Object> object = new LinkedHashMap<>();
    object.put("id", payment.id());
    object.put("object", "payment");
    object.put("status", wire(payment.state().name()));
    object.put("amount", payment.amounts().requested());
    object.put("amount_captured", payment.amounts().captured());
    object.put("amount_refunded", payment.amounts().refunded());
    object.put("currency", payment.currency());
    payment.provider().ifPresent(provider -> object.put("provider", provider.provider()));
    object.put("refunds", payment.refunds().stream().map(refund -> refund(payment, refund)).toList());
    object.put("created_at", payment.createdAt().toString());
    object.put("updated_at", payment.updatedAt().toString());
    return object;
  }

  public static Map<String, Object> checkoutSession(String sessionId, Payment payment) {
    Map<String, Object> object = new LinkedHashMap<>();
    object.put("id", sessionId);
    object.put("object", "checkout.session");
    object.put("payment_id", payment.id());
    object.put("status", io.tender.core.checkout.CheckoutStatus.of(payment.state()));
    object.put("amount", payment.amounts().requested());
    object.put("currency", payment.currency());
    return object;
  }

  public static Map<String, Object> refund(Payment payment, Refund refund) {
    Map<String, Object> object = new LinkedHashMap<>();
    object.put("id", refund.id());
    object.put("object", "refund");
    object.put("payment_id", payment.id());
    object.put("amount", refund.amount());
    object.put("currency", payment.currency());
    object.put("status", wire(refund.status().name()));
    return object;
  }

  private static String wire(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
