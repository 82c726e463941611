package io.tender.core.payment;

import io.tender.core.tenant.Mode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Payments in each state, with amounts a real history could have left. */
final class PaymentFixtures {
  static final Instant CREATED_AT = Instant.parse("2025-03-01T10:00:00Z");
  static final Instant NOW = Instant.parse("2025-03-01T10:05:00Z");
  static final long AMOUNT = 1000;

  private PaymentFixtures() {}

  static Payment created() {
    return Payment.create("pay_1", "ten_abcd", Mode.TEST, "EUR", AMOUNT, Optional.empty(), CREATED_AT);
  }

  /**
   * CAPTURED and NEEDS_REVIEW: 1000 captured, refund re_1 of 300 reserved. PARTIALLY_REFUNDED: also
   * re_0 of 200 refunded. REFUNDED: re_0 of 1000 refunded. AUTHORIZED: 1000 held. Others: nothing.
   */
  static Payment in(PaymentState state) {
    Refund reserved = new Refund("re_1", 300, Refund.Status.RESERVED);
    return switch (state) {
      case CREATED, PENDING, FAILED, CANCELLED, EXPIRED -> with(state, amounts(0, 0, 0, 0), List.of());
      case AUTHORIZED -> with(state, amounts(AMOUNT, 0, 0, 0), List.of());
      case CAPTURED, NEEDS_REVIEW -> with(state, amounts(AMOUNT, AMOUNT, 0, 300), List.of(reserved));
      case PARTIALLY_REFUNDED -> with(state, amounts(AMOUNT, AMOUNT, 200, 300),
          List.of(new Refund("re_0", 200, Refund.Status.SUCCEEDED), reserved));
      case REFUNDED -> with(state, amounts(AMOUNT, AMOUNT, AMOUNT, 0),
          List.of(new Refund("re_0", AMOUNT, Refund.Status.SUCCEEDED)));
    };
  }

  static Payment with(PaymentState state, PaymentAmounts amounts, List<Refund> refunds) {
    Payment base = created();
    return new Payment(base.id(), base.tenantId(), base.mode(), base.provider(), amounts, refunds,
        state, 7, CREATED_AT, CREATED_AT);
  }

  static PaymentAmounts amounts(long authorized, long captured, long refunded, long reserved) {
    return new PaymentAmounts("EUR", AMOUNT, authorized, captured, refunded, reserved);
  }
}
