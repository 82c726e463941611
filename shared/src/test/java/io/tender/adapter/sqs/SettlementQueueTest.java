package io.tender.adapter.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import io.tender.core.payment.PaymentEvent;
import io.tender.core.provider.ProviderHint;
import io.tender.core.provider.ProviderHint.Subject;
import io.tender.core.tenant.Mode;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A settlement message carries the hint whole, and a message written before the key was carried still reads. */
class SettlementQueueTest {

  @Test
  void aHintWithItsPaymentsKeyAndReportSurvivesTheQueue() throws Exception {
    ProviderHint hint = new ProviderHint("stripe", "evt_1", "checkout.session.completed", Subject.CHECKOUT, "cs_1",
        Optional.of("pay_1"), Optional.empty(), Optional.of(new ProviderHint.Owner("ten_1", Mode.LIVE)),
        Optional.of(new PaymentEvent.Captured(1999, null)));

    assertThat(SettlementQueue.parse(SettlementQueue.body(hint))).isEqualTo(hint);
  }

  @Test
  void refundReportsSurviveTheQueue() throws Exception {
    for (PaymentEvent reported : new PaymentEvent[] {new PaymentEvent.RefundSucceeded("ref_1", 250, null),
        new PaymentEvent.RefundFailed("ref_2", null)}) {
      ProviderHint hint = new ProviderHint("stripe", "evt_2", "refund.updated", Subject.REFUND, "re_1",
          Optional.of("pay_1"), Optional.of("ref_1"), Optional.empty(), Optional.of(reported));

      assertThat(SettlementQueue.parse(SettlementQueue.body(hint)).reported()).contains(reported);
    }
  }

  @Test
  void aReportThatCannotDropAHintIsNotCarried() throws Exception {
    ProviderHint hint = new ProviderHint("stripe", "evt_3", "payment_intent.processing", Subject.PROVIDER_PAYMENT,
        "pi_1", Optional.of("pay_1"), Optional.empty(), Optional.empty(), Optional.of(new PaymentEvent.Pending(null)));

    assertThat(SettlementQueue.parse(SettlementQueue.body(hint)).reported()).isEmpty();
  }

  @Test
  void aMessageFromBeforeTheKeyWasCarriedReadsWithoutIt() throws Exception {
    ProviderHint hint = SettlementQueue.parse("{\"provider\":\"stripe\",\"eventId\":\"evt_4\","
        + "\"eventType\":\"payment_intent.succeeded\",\"subject\":\"PROVIDER_PAYMENT\",\"providerObjectId\":\"pi_4\","
        + "\"paymentId\":\"pay_4\"}");

    assertThat(hint.paymentId()).contains("pay_4");
    assertThat(hint.owner()).isEmpty();
    assertThat(hint.reported()).isEmpty();
  }

  @Test
  void anOwnerThatIsNotOneOfOurIdsIsDropped() throws Exception {
    ProviderHint hint = SettlementQueue.parse("{\"provider\":\"stripe\",\"eventId\":\"evt_5\","
        + "\"eventType\":\"checkout.session.completed\",\"subject\":\"CHECKOUT\",\"providerObjectId\":\"cs_5\","
        + "\"paymentId\":\"pay_5\",\"tenantId\":\"ten_a#test#PAY#pay_9\",\"mode\":\"test\","
        + "\"reported\":{\"kind\":\"captured\",\"amount\":-3}}");

    assertThat(hint.owner()).isEmpty();
    assertThat(hint.reported()).isEmpty();
  }
}
