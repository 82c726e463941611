package io.tender.adapter.dynamo;

import io.tender.core.payment.Payment;
import io.tender.core.payment.PaymentAmounts;
import io.tender.core.payment.PaymentState;
import io.tender.core.payment.PollSchedule;
import io.tender.core.payment.ProviderReference;
import io.tender.core.payment.Refund;
import io.tender.core.tenant.Mode;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Payments as TenderTable items: one item per payment, its refunds inside it. While the payment
 * needs polling the item carries its due keys ({@code DUE#PAYMENT_POLL}), written and removed by
 * the payment's own versioned put, so the due index never disagrees with the payment.
 */
final class PaymentItems {
  private PaymentItems() {}

  static Map<String, AttributeValue> key(String tenantId, Mode mode, String paymentId) {
    return Map.of("pk", s("T#" + tenantId + "#" + mode.wire() + "#PAY#" + paymentId), "sk", s("#"));
  }

  static Map<String, AttributeValue> providerKey(ProviderReference reference) {
    return Map.of("pk", s("PROVIDER#" + reference.provider() + "#" + reference.providerPaymentId()), "sk", s("#"));
  }

  static Map<String, AttributeValue> item(Payment payment) {
    Map<String, AttributeValue> item = new HashMap<>(key(payment.tenantId(), payment.mode(), payment.id()));
    item.put("id", s(payment.id()));
    item.put("tenantId", s(payment.tenantId()));
    item.put("mode", s(payment.mode().wire()));
    item.put("state", s(payment.state().name()));
    item.put("version", n(payment.version()));
    PaymentAmounts amounts = payment.amounts();
    item.put("currency", s(amounts.currency()));
    item.put("requested", n(amounts.requested()));
    item.put("authorized", n(amounts.authorized()));
    item.put("captured", n(amounts.captured()));
    item.put("refunded", n(amounts.refunded()));
    item.put("refundReserved", n(amounts.refundReserved()));
    item.put("refunds", AttributeValue.fromL(payment.refunds().stream().map(PaymentItems::refund).toList()));
    payment.provider().ifPresent(provider -> {
      item.put("provider", s(provider.provider()));
      item.put("providerPaymentId", s(provider.providerPaymentId()));
    });
    item.put("createdAt", s(payment.createdAt().toString()));
    item.put("updatedAt", s(payment.updatedAt().toString()));
    payment.checkoutSessionId().ifPresent(id -> item.put("checkoutSessionId", s(id)));
    payment.poll().ifPresent(poll -> {
      item.put("pollAttempts", n(poll.attempts()));
      item.put("nextPollAt", s(poll.nextAt().toString()));
      item.put("duePk", s(DuePaymentPolls.INDEX.partition(payment.id())));
      item.put("dueSk", s(DueIndex.sortKey(poll.nextAt(), payment.id())));
    });
    return item;
  }

  private static AttributeValue refund(Refund refund) {
    Map<String, AttributeValue> item = new HashMap<>(Map.of("id", s(refund.id()), "amount", n(refund.amount()),
        "status", s(refund.status().name())));
    refund.providerRefundId().ifPresent(id -> item.put("providerRefundId", s(id)));
    refund.reservedAt().ifPresent(at -> item.put("reservedAt", s(at.toString())));
    return AttributeValue.fromM(item);
  }

  static Map<String, AttributeValue> pointer(Payment payment, ProviderReference reference) {
    Map<String, AttributeValue> pointer = new HashMap<>(providerKey(reference));
    pointer.put("tenantId", s(payment.tenantId()));
    pointer.put("mode", s(payment.mode().wire()));
    pointer.put("paymentId", s(payment.id()));
    // The payment by our id alone, for provider events that carry only that (docs/DATA-MODEL.md).
    pointer.put("gsi1pk", s(byIdPartition(payment.id())));
    pointer.put("gsi1sk", s("#"));
    return pointer;
  }

  static String byIdPartition(String paymentId) {
    return "PAYMENT#" + paymentId;
  }

  static Payment payment(Map<String, AttributeValue> item) {
    String currency = item.get("currency").s();
    PaymentAmounts amounts = new PaymentAmounts(currency, l(item, "requested"), l(item, "authorized"),
        l(item, "captured"), l(item, "refunded"), l(item, "refundReserved"));
    List<Refund> refunds = item.get("refunds").l().stream()
        .map(AttributeValue::m)
        .map(m -> new Refund(m.get("id").s(), Long.parseLong(m.get("amount").n()),
            Refund.Status.valueOf(m.get("status").s()), text(m, "providerRefundId"),
            text(m, "reservedAt").map(Instant::parse)))
        .toList();
    Optional<ProviderReference> provider = item.containsKey("provider")
        ? Optional.of(new ProviderReference(item.get("provider").s(), item.get("providerPaymentId").s()))
        : Optional.empty();
    PaymentState state = PaymentState.valueOf(item.get("state").s());
    Instant updatedAt = Instant.parse(item.get("updatedAt").s());
    // Items written before polling was recorded start their schedule at their last update.
    Optional<PollSchedule> poll = item.containsKey("pollAttempts")
        ? Optional.of(new PollSchedule((int) l(item, "pollAttempts"), Instant.parse(item.get("nextPollAt").s())))
        : Optional.of(PollSchedule.startingAt(updatedAt)).filter(start -> Payment.needsPolling(state, amounts));
    return new Payment(item.get("id").s(), item.get("tenantId").s(), Mode.fromWire(item.get("mode").s()).orElseThrow(),
        provider, amounts, refunds, state, l(item, "version"), Instant.parse(item.get("createdAt").s()), updatedAt,
        text(item, "checkoutSessionId"), poll);
  }

  private static Optional<String> text(Map<String, AttributeValue> item, String name) {
    return Optional.ofNullable(item.get(name)).map(AttributeValue::s);
  }

  private static long l(Map<String, AttributeValue> item, String name) {
    return Long.parseLong(item.get(name).n());
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }
}
