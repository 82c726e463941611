package io.tender.core.payment;

import static io.tender.core.payment.PaymentFixtures.NOW;
import static io.tender.core.payment.PaymentFixtures.amounts;
import static io.tender.core.payment.PaymentFixtures.in;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RefundReservationTest {

  @Test
  void aReservationHoldsItsAmountAndBumpsTheVersion() {
    Payment before = in(PaymentState.CAPTURED);

    Payment after = before.reserveRefund("re_2", 700, NOW);

    assertThat(after.amounts()).isEqualTo(amounts(1000, 1000, 0, 1000));
    assertThat(after.amounts().refundable()).isZero();
    assertThat(after.refund("re_2")).contains(
        new Refund("re_2", 700, Refund.Status.RESERVED, Optional.empty(), Optional.of(NOW)));
    assertThat(after.state()).isEqualTo(PaymentState.CAPTURED);
    assertThat(after.version()).isEqualTo(before.version() + 1);
  }

  @Test
  void aReservationBeyondWhatIsLeftIsRefusedWithWhatIsLeft() {
    Payment partlyRefunded = in(PaymentState.PARTIALLY_REFUNDED);

    assertThatThrownBy(() -> partlyRefunded.reserveRefund("re_2", 501, NOW))
        .isInstanceOfSatisfying(RefundNotAllowedException.class, refused -> {
          assertThat(refused.reason()).isEqualTo(RefundNotAllowedException.Reason.EXCEEDS_REFUNDABLE);
          assertThat(refused.refundable()).isEqualTo(500);
        });
    assertThat(partlyRefunded.reserveRefund("re_2", 500, NOW).amounts().refundable()).isZero();
  }

  @Test
  void aRefundIdIsUsedOnce() {
    assertThatThrownBy(() -> in(PaymentState.CAPTURED).reserveRefund("re_1", 100, NOW))
        .isInstanceOfSatisfying(RefundNotAllowedException.class, refused -> assertThat(refused.reason())
            .isEqualTo(RefundNotAllowedException.Reason.DUPLICATE_REFUND_ID));
  }

  @Test
  void aRefundIsAPositiveAmount() {
    assertThatThrownBy(() -> in(PaymentState.CAPTURED).reserveRefund("re_2", 0, NOW))
        .isInstanceOfSatisfying(RefundNotAllowedException.class, refused -> assertThat(refused.reason())
            .isEqualTo(RefundNotAllowedException.Reason.AMOUNT));
  }

  @ParameterizedTest
  @EnumSource(value = PaymentState.class, names = {"CAPTURED", "PARTIALLY_REFUNDED"}, mode = EnumSource.Mode.EXCLUDE)
  void onlyAPaidPaymentTakesRefunds(PaymentState state) {
    assertThatThrownBy(() -> in(state).reserveRefund("re_2", 1, NOW))
        .isInstanceOfSatisfying(RefundNotAllowedException.class, refused -> assertThat(refused.reason())
            .isEqualTo(RefundNotAllowedException.Reason.STATE));
  }

  @Test
  void amountsThatBreakTheRulesCannotBeBuilt() {
    assertThatThrownBy(() -> amounts(1000, 1000, 800, 201)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> amounts(500, 600, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> amounts(0, 0, 0, -1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aPaymentWhoseRefundsDisagreeWithItsAmountsCannotBeBuilt() {
    assertThatThrownBy(() -> PaymentFixtures.with(PaymentState.CAPTURED, amounts(1000, 1000, 0, 300),
        java.util.List.of())).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aPaidStateMustMatchItsAmounts() {
    assertThatThrownBy(() -> PaymentFixtures.with(PaymentState.CAPTURED, amounts(0, 0, 0, 0),
        java.util.List.of())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PaymentFixtures.with(PaymentState.EXPIRED, amounts(1000, 1000, 0, 0),
        java.util.List.of())).isInstanceOf(IllegalArgumentException.class);
  }
}
