package io.tender.core.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tender.core.id.Ids;
import io.tender.core.id.RandomIdGenerator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** An automatic delivery's id: the same for the same (event, endpoint), and made when its event was. */
class WebhookDeliveryIdTest {
  private static final Instant MADE = Instant.parse("2026-11-23T23:59:59.999Z");

  @Test
  void theSamePairNamesTheSameDeliveryAndItsIdCarriesTheEventsTime() {
    String event = new RandomIdGenerator(Clock.fixed(MADE, ZoneOffset.UTC), new Random(1)).next("evt");
    String id = WebhookDispatcher.deliveryId(event, "we_a");

    assertThat(WebhookDispatcher.deliveryId(event, "we_a")).isEqualTo(id);
    assertThat(WebhookDispatcher.deliveryId(event, "we_b")).isNotEqualTo(id);
    assertThat(Ids.isId("wd", id)).isTrue();
    assertThat(Ids.createdAt("wd", id)).contains(MADE);
    String sameMillisecond = new RandomIdGenerator(Clock.fixed(MADE, ZoneOffset.UTC), new Random(2)).next("evt");
    assertThat(WebhookDispatcher.deliveryId(sameMillisecond, "we_a")).as("another event of the same millisecond")
        .isNotEqualTo(id).startsWith(id.substring(0, 13));
  }

  @Test
  void anEventIdTenderDidNotMakeHasNoDelivery() {
    for (String notOurs : new String[] {"evt_1", "evt_test_00000000000000000000000000", "evt_" + "u".repeat(26)}) {
      assertThatThrownBy(() -> WebhookDispatcher.deliveryId(notOurs, "we_a")).as(notOurs)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
