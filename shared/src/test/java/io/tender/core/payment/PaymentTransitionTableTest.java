package io.tender.core.payment;

import static io.tender.core.payment.PaymentFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every (state, event kind) pair against a table written out here, so that a change to the
 * transition table has to be made twice, on purpose. A cell names the state the payment is in
 * afterwards; "-" means the event is ignored. Rows use {@link PaymentFixtures#in}.
 */
class PaymentTransitionTableTest {

  private static final String EXPECTED = """
      state               Pending  Authorized  Captured      PaymentFailed  Cancelled  Expired    RefundSucceeded     RefundFailed        Unknown  ReviewNeeded
      CREATED             PENDING  AUTHORIZED  CAPTURED      FAILED         CANCELLED  EXPIRED    NEEDS_REVIEW        -                   PENDING  NEEDS_REVIEW
      PENDING             -        AUTHORIZED  CAPTURED      FAILED         CANCELLED  EXPIRED    NEEDS_REVIEW        -                   -        NEEDS_REVIEW
      AUTHORIZED          -        -           CAPTURED      FAILED         CANCELLED  EXPIRED    NEEDS_REVIEW        -                   -        NEEDS_REVIEW
      CAPTURED            -        -           -             -              -          -          PARTIALLY_REFUNDED  CAPTURED            -        NEEDS_REVIEW
      PARTIALLY_REFUNDED  -        -           -             -              -          -          PARTIALLY_REFUNDED  PARTIALLY_REFUNDED  -        NEEDS_REVIEW
      REFUNDED            -        -           -             -              -          -          -                   -                   -        -
      FAILED              -        -           NEEDS_REVIEW  -              -          -          -                   -                   -        -
      CANCELLED           -        -           NEEDS_REVIEW  -              -          -          -                   -                   -        -
      EXPIRED             -        -           NEEDS_REVIEW  -              -          -          -                   -                   -        -
      NEEDS_REVIEW        -        -           -             -              -          -          NEEDS_REVIEW        NEEDS_REVIEW        -        -
      """;

  /** One event of each kind; amounts fit the fixtures (1000 captured, re_1 of 300 reserved). */
  private static final List<PaymentEvent> EVENTS = List.of(
      new Pending(null),
      new Authorized(1000, null),
      new Captured(1000, null),
      new PaymentFailed("card_declined", null),
      new Cancelled(null),
      new Expired(null),
      new RefundSucceeded("re_1", 300, null),
      new RefundFailed("re_1", null),
      new Unknown(null),
      new ReviewNeeded("still pending after 3 days", null));

  @Test
  void theTableCoversEveryStateAndEveryKindOfEvent() {
    Map<PaymentState, Map<String, String>> table = parse(EXPECTED);
    Set<String> kinds = Arrays.stream(PaymentEvent.class.getPermittedSubclasses())
        .map(Class::getSimpleName).collect(Collectors.toSet());

    assertThat(table.keySet()).containsExactlyInAnyOrder(PaymentState.values());
    table.values().forEach(row -> assertThat(row.keySet()).isEqualTo(kinds));
    assertThat(EVENTS).extracting(event -> event.getClass().getSimpleName())
        .containsExactlyInAnyOrderElementsOf(kinds);
  }

  @Test
  void everyPairEndsWhereTheTableSays() {
    Map<PaymentState, Map<String, String>> table = parse(EXPECTED);
    for (PaymentState state : PaymentState.values()) {
      for (PaymentEvent event : EVENTS) {
        Payment before = PaymentFixtures.in(state);
        String expected = table.get(state).get(event.getClass().getSimpleName());
        Transition transition = PaymentStateMachine.apply(before, event, NOW);
        String pair = state + " + " + event;

        if (expected.equals("-")) {
          assertThat(transition).as(pair).isInstanceOf(Transition.Ignored.class);
          assertThat(((Transition.Ignored) transition).reason()).as(pair).isNotBlank();
        } else {
          assertThat(transition).as(pair).isInstanceOf(Transition.Applied.class);
          Payment after = ((Transition.Applied) transition).payment();
          assertThat(after.state()).as(pair).isEqualTo(PaymentState.valueOf(expected));
          assertThat(after.version()).as(pair).isEqualTo(before.version() + 1);
          assertThat(after.updatedAt()).as(pair).isEqualTo(NOW);
          assertThat(after.createdAt()).as(pair).isEqualTo(before.createdAt());
        }
      }
    }
  }

  private static Map<PaymentState, Map<String, String>> parse(String text) {
    List<String[]> rows = text.lines().map(String::strip).filter(line -> !line.isEmpty())
        .map(line -> line.split("\\s+")).toList();
    String[] header = rows.getFirst();
    Map<PaymentState, Map<String, String>> table = new HashMap<>();
    for (String[] row : rows.subList(1, rows.size())) {
      assertThat(row).as("row " + row[0]).hasSameSizeAs(header);
      Map<String, String> cells = new HashMap<>();
      for (int column = 1; column < header.length; column++) {
        cells.put(header[column], row[column]);
      }
      assertThat(table.put(PaymentState.valueOf(row[0]), cells)).as("row " + row[0] + " twice").isNull();
    }
    return table;
  }
}
