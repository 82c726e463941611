package io.tender.core.payment;

import static io.tender.core.payment.PaymentFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.tender.core.payment.Effect.LedgerPosting;
import io.tender.core.payment.Effect.MerchantNotification;
import io.tender.core.payment.Effect.NotificationType;
import io.tender.core.payment.PaymentEvent.Authorized;
import io.tender.core.payment.PaymentEvent.Cancelled;
import io.tender.core.payment.PaymentEvent.Captured;
import io.tender.core.payment.PaymentEvent.Expired;
import io.tender.core.payment.PaymentEvent.PaymentFailed;
import io.tender.core.payment.PaymentEvent.Pending;
import io.tender.core.payment.PaymentEvent.RefundFailed;
import io.tender.core.payment.PaymentEvent.RefundSucceeded;
import io.tender.core.payment.PaymentEvent.ReviewNeeded;
import io.tender.core.payment.PaymentEvent.Unknown;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/** Random histories of provider reports and refund reservations against the money rules. */
class PaymentStateMachinePropertyTest {
  private static final Set<NotificationType> OUTCOMES = EnumSet.of(NotificationType.PAYMENT_SUCCEEDED,
      NotificationType.PAYMENT_FAILED, NotificationType.PAYMENT_CANCELLED, NotificationType.PAYMENT_EXPIRED);
  private static final Set<PaymentState> PAID_OR_PARKED = EnumSet.of(PaymentState.CAPTURED,
      PaymentState.PARTIALLY_REFUNDED, PaymentState.REFUNDED, PaymentState.NEEDS_REVIEW);

  sealed interface Step {}

  record Report(PaymentEvent event) implements Step {}

  record Reserve(String refundId, long amount) implements Step {}

  @Property(tries = 300)
  void moneyIsNeverLostNorCountedTwice(@ForAll("histories") List<Step> history) {
    Payment payment = PaymentFixtures.created();
    long postedCaptures = 0;
    long postedRefunds = 0;
    int outcomesNotified = 0;
    int fullRefundsNotified = 0;
    Set<String> refundsNotified = new HashSet<>();
    Set<String> ledgerReferences = new HashSet<>();

    for (Step step : history) {
      Payment before = payment;
      switch (step) {
        case Reserve reserve -> {
          boolean allowed = before.state().acceptsRefunds() && before.refund(reserve.refundId()).isEmpty()
              && reserve.amount() <= before.amounts().refundable();
          try {
            payment = before.reserveRefund(reserve.refundId(), reserve.amount(), NOW);
            assertThat(allowed).as("reserved although not allowed: " + reserve).isTrue();
            assertThat(payment.version()).isEqualTo(before.version() + 1);
          } catch (RefundNotAllowedException refused) {
            assertThat(allowed).as("refused although allowed: " + reserve).isFalse();
          }
        }
        case Report report -> {
          Transition transition = PaymentStateMachine.apply(before, report.event(), NOW);
          if (transition instanceof Transition.Applied applied) {
            payment = applied.payment();
            assertThat(payment.version()).isEqualTo(before.version() + 1);
            for (Effect effect : applied.effects()) {
              switch (effect) {
                case LedgerPosting posting -> {
                  assertThat(ledgerReferences.add(posting.reference())).as("posted twice: " + posting).isTrue();
                  if (posting.kind() == LedgerPosting.Kind.CAPTURE) {
                    postedCaptures += posting.amount();
                  } else {
                    postedRefunds += posting.amount();
                  }
                }
                case MerchantNotification notification -> {
                  if (OUTCOMES.contains(notification.type())) {
                    outcomesNotified++;
                  }
                  if (notification.type() == NotificationType.PAYMENT_REFUNDED) {
                    fullRefundsNotified++;
                  }
                  if (notification.type() == NotificationType.REFUND_SUCCEEDED) {
                    assertThat(refundsNotified.add(notification.refundId().orElseThrow())).isTrue();
                  }
                }
              }
            }
          }
          if (report.event() instanceof Unknown) {
            assertThat(payment.state()).as("a timeout only ever opens a pending payment")
                .isIn(before.state(), PaymentState.PENDING);
          }
          if (before.state().isTerminal() && payment.state() != before.state()) {
            assertThat(payment.state()).as("a terminal state left for anything but review").isEqualTo(PaymentState.NEEDS_REVIEW);
            assertThat(report.event()).isInstanceOf(Captured.class);
            assertThat(payment.amounts().captured()).isGreaterThan(before.amounts().captured());
          }
        }
      }

      PaymentAmounts amounts = payment.amounts();
      assertThat(amounts.refunded() + amounts.refundReserved()).isLessThanOrEqualTo(amounts.captured());
      assertThat(amounts.captured()).isLessThanOrEqualTo(amounts.authorized());
      assertThat(amounts.authorized()).isGreaterThanOrEqualTo(before.amounts().authorized());
      assertThat(amounts.captured()).isGreaterThanOrEqualTo(before.amounts().captured());
      assertThat(amounts.refunded()).isGreaterThanOrEqualTo(before.amounts().refunded());
      assertThat(postedCaptures).as("ledger captures").isEqualTo(amounts.captured());
      assertThat(postedRefunds).as("ledger refunds").isEqualTo(amounts.refunded());
      if (amounts.captured() > 0) {
        assertThat(payment.state()).isIn(PAID_OR_PARKED);
      }
      assertThat(outcomesNotified).as("the merchant hears one outcome at most").isLessThanOrEqualTo(1);
      assertThat(fullRefundsNotified).isLessThanOrEqualTo(1);
    }
  }

  @Property(tries = 300)
  void aRepeatedReportChangesNothing(@ForAll("histories") List<Step> history, @ForAll("events") PaymentEvent event) {
    Payment payment = replay(history);

    if (PaymentStateMachine.apply(payment, event, NOW) instanceof Transition.Applied applied) {
      assertThat(PaymentStateMachine.apply(applied.payment(), event, NOW))
          .as("repeat of " + event + " on " + applied.payment().state())
          .isInstanceOf(Transition.Ignored.class);
    }
  }

  @Property(tries = 300)
  void aTerminalPaymentOnlyEverMovesToRecordAnUncountedCapture(
      @ForAll("histories") List<Step> history, @ForAll("events") PaymentEvent event) {
    Payment payment = replay(history);
    if (!payment.state().isTerminal()) {
      return;
    }
    Transition transition = PaymentStateMachine.apply(payment, event, NOW);

    if (event instanceof Captured captured && captured.amount() > payment.amounts().captured()) {
      assertThat(transition).isInstanceOfSatisfying(Transition.Applied.class,
          applied -> assertThat(applied.payment().state()).isEqualTo(PaymentState.NEEDS_REVIEW));
    } else {
      assertThat(transition).as(payment.state() + " + " + event).isInstanceOf(Transition.Ignored.class);
    }
  }

  @Provide
  Arbitrary<List<Step>> histories() {
    Arbitrary<Step> reserve = Combinators.combine(refundIds(), amounts()).as(Reserve::new);
    Arbitrary<Step> report = events().map(Report::new);
    return Arbitraries.frequencyOf(
        Tuple.of(3, report),
        Tuple.of(2, reserve)).list().ofMaxSize(30);
  }

  @Provide
  Arbitrary<PaymentEvent> events() {
    Arbitrary<Long> amount = amounts();
    return Arbitraries.frequencyOf(
        Tuple.of(2, Arbitraries.just(new Pending(null))),
        Tuple.of(3, amount.map(total -> new Authorized(total, null))),
        Tuple.of(4, amount.map(total -> new Captured(total, null))),
        Tuple.of(1, Arbitraries.just(new PaymentFailed("declined", null))),
        Tuple.of(1, Arbitraries.just(new Cancelled(null))),
        Tuple.of(1, Arbitraries.just(new Expired(null))),
        Tuple.of(5, Combinators.combine(refundIds(), amount).as((id, total) -> new RefundSucceeded(id, total, null))),
        Tuple.of(3, refundIds().map(id -> new RefundFailed(id, null))),
        Tuple.of(2, Arbitraries.just(new Unknown(null))),
        Tuple.of(1, Arbitraries.just(new ReviewNeeded("unresolved", null))));
  }

  private static Arbitrary<Long> amounts() {
    return Arbitraries.of(100L, 250L, 300L, 500L, 700L, 1000L, 1200L);
  }

  private static Arbitrary<String> refundIds() {
    return Arbitraries.of("re_0", "re_1", "re_2", "re_3");
  }

  private static Payment replay(List<Step> history) {
    Payment payment = PaymentFixtures.created();
    for (Step step : history) {
      payment = switch (step) {
        case Reserve reserve -> {
          try {
            yield payment.reserveRefund(reserve.refundId(), reserve.amount(), NOW);
          } catch (RefundNotAllowedException refused) {
            yield payment;
          }
        }
        case Report report -> PaymentStateMachine.apply(payment, report.event(), NOW)
            instanceof Transition.Applied applied ? applied.payment() : payment;
      };
    }
    return payment;
  }
}
