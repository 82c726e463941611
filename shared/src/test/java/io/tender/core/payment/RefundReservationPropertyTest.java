package io.tender.core.payment;

import static io.tender.core.payment.PaymentFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Reservations, confirmations and releases interleaved at random on a payment with 1000 captured,
 * against a plain model of what each refund should hold.
 */
class RefundReservationPropertyTest {
  private static final long CAPTURED = 1000;

  sealed interface Op {}

  record Reserve(String refundId, long amount) implements Op {}

  /** The provider confirms: with the reserved amount when reserved, else with {@code amount}. */
  record Confirm(String refundId, long amount) implements Op {}

  record Release(String refundId) implements Op {}

  private enum Held { RESERVED, SUCCEEDED, FAILED }

  private record Line(long amount, Held held) {}

  @Property(tries = 400)
  void reservationsNeverOvershootWhatWasCaptured(@ForAll("operations") List<Op> operations) {
    Payment payment = PaymentFixtures.with(PaymentState.CAPTURED,
        PaymentFixtures.amounts(CAPTURED, CAPTURED, 0, 0), List.of());
    Map<String, Line> model = new HashMap<>();

    for (Op op : operations) {
      long refunded = sum(model, Held.SUCCEEDED);
      long reserved = sum(model, Held.RESERVED);
      long refundable = CAPTURED - refunded - reserved;
      boolean parked = payment.state() == PaymentState.NEEDS_REVIEW;
      switch (op) {
        case Reserve reserve -> {
          boolean allowed = !parked && refunded < CAPTURED && !model.containsKey(reserve.refundId())
              && reserve.amount() <= refundable;
          try {
            payment = payment.reserveRefund(reserve.refundId(), reserve.amount(), NOW);
            assertThat(allowed).as("reserved although not allowed: " + reserve).isTrue();
            model.put(reserve.refundId(), new Line(reserve.amount(), Held.RESERVED));
          } catch (RefundNotAllowedException refused) {
            assertThat(allowed).as("refused although allowed: " + reserve).isFalse();
          }
        }
        case Confirm confirm -> {
          Line line = model.get(confirm.refundId());
          boolean isReserved = line != null && line.held() == Held.RESERVED;
          long amount = isReserved ? line.amount() : confirm.amount();
          payment = next(payment, new PaymentEvent.RefundSucceeded(confirm.refundId(), amount, null));
          boolean counts = (line == null || line.held() != Held.SUCCEEDED)
              && amount <= refundable + (isReserved ? line.amount() : 0);
          if (counts) {
            model.put(confirm.refundId(), new Line(amount, Held.SUCCEEDED));
          }
        }
        case Release release -> {
          payment = next(payment, new PaymentEvent.RefundFailed(release.refundId(), null));
          Line line = model.get(release.refundId());
          if (line != null && line.held() == Held.RESERVED) {
            model.put(release.refundId(), new Line(line.amount(), Held.FAILED));
          }
        }
      }

      PaymentAmounts amounts = payment.amounts();
      assertThat(amounts.refunded()).as("refunded after " + op).isEqualTo(sum(model, Held.SUCCEEDED));
      assertThat(amounts.refundReserved()).as("reserved after " + op).isEqualTo(sum(model, Held.RESERVED));
      assertThat(amounts.refunded() + amounts.refundReserved()).isLessThanOrEqualTo(CAPTURED);
      assertThat(amounts.refundable()).isNotNegative();
    }
  }

  @Provide
  Arbitrary<List<Op>> operations() {
    Arbitrary<String> ids = Arbitraries.of("re_0", "re_1", "re_2", "re_3", "re_4", "re_5");
    Arbitrary<Long> amounts = Arbitraries.longs().between(1, 600);
    Arbitrary<Op> reserve = Combinators.combine(ids, amounts).as(Reserve::new);
    Arbitrary<Op> confirm = Combinators.combine(ids, amounts).as(Confirm::new);
    Arbitrary<Op> release = ids.map(Release::new);
    return Arbitraries.frequencyOf(Tuple.of(4, reserve), Tuple.of(3, confirm), Tuple.of(2, release))
        .list().ofMaxSize(40);
  }

  private static Payment next(Payment payment, PaymentEvent event) {
    return PaymentStateMachine.apply(payment, event, NOW) instanceof Transition.Applied applied
        ? applied.payment() : payment;
  }

  private static long sum(Map<String, Line> model, Held held) {
    return model.values().stream().filter(line -> line.held() == held).mapToLong(Line::amount).sum();
  }
}
