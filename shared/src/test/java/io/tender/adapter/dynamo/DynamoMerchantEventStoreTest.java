package io.tender.adapter.dynamo;

import static org.assertj.core.api.Assertions.assertThat;

import io.tender.core.event.MerchantEvent;
import io.tender.core.id.RandomIdGenerator;
import io.tender.core.tenant.Mode;
import io.tender.core.webhook.StoredEvent;
import io.tender.local.engines.LocalEngines;
import io.tender.local.engines.SharedEngines;
import io.tender.testing.LocalTender;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Merchant events filed by the day of their id: the pull feed across days, retention, lookups by id. */
@ExtendWith(SharedEngines.class)
class DynamoMerchantEventStoreTest {
  private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
  private static LocalTender tender;
  private static DynamoMerchantEventStore store;
  private static final Random RANDOM = new Random(17);

  @BeforeAll
  static void provision(LocalEngines engines) {
    tender = LocalTender.provision(engines);
    store = new DynamoMerchantEventStore(tender.clients().dynamoDb(), tender.tableName());
  }

  @AfterAll
  static void close() {
    tender.close();
  }

  @Test
  void eventsAcrossDayBoundariesPageInOrderWithNoGapOrRepeat() {
    String tenant = "ten_evdays";
    // Two days in a row, then a day with none, then one more: each day's last event a moment before midnight.
    List<String> made = new ArrayList<>();
    for (String at : List.of("2026-11-20T23:59:58Z", "2026-11-20T23:59:59.999Z", "2026-11-21T00:00:00Z",
        "2026-11-21T00:00:00.001Z", "2026-11-21T23:59:59.999Z", "2026-11-23T00:00:00Z", "2026-11-23T11:59:59Z")) {
      made.add(put(tenant, Instant.parse(at)).id());
    }

    assertThat(ids(store.after(tenant, Mode.TEST, Optional.empty(), 100, NOW))).containsExactlyElementsOf(made);
    for (int limit = 1; limit <= made.size(); limit++) {
      List<String> read = new ArrayList<>();
      Optional<String> cursor = Optional.empty();
      for (int pages = 0; pages <= made.size(); pages++) {
        List<String> page = ids(store.after(tenant, Mode.TEST, cursor, limit, NOW));
        assertThat(page.size()).as("a page is full unless it is the last").isLessThanOrEqualTo(limit);
        read.addAll(page);
        if (page.isEmpty()) {
          break;
        }
        cursor = Optional.of(page.getLast());
      }
      assertThat(read).as("read %d at a time", limit).containsExactlyElementsOf(made);
    }
    assertThat(ids(store.after(tenant, Mode.TEST, Optional.of(made.get(1)), 2, NOW)))
        .as("the day's last event as the cursor: the next day begins the page")
        .containsExactly(made.get(2), made.get(3));
    assertThat(ids(store.after(tenant, Mode.TEST, Optional.of(made.get(4)), 10, NOW)))
        .as("an empty day is walked over").containsExactly(made.get(5), made.get(6));
    assertThat(store.after("ten_evdays_other", Mode.TEST, Optional.empty(), 10, NOW)).as("another tenant's").isEmpty();
    assertThat(store.after(tenant, Mode.LIVE, Optional.empty(), 10, NOW)).as("the other mode's").isEmpty();
  }

  @Test
  void theFeedReachesBackThirtyDaysAndNeverAnswersAnExpiredEvent() {
    String tenant = "ten_evretain";
    Instant windowStart = NOW.minus(MerchantEventItems.RETENTION);
    put(tenant, windowStart.minus(Duration.ofDays(1))); // a day before the window
    put(tenant, windowStart.minus(Duration.ofHours(1))); // the window's first day, but expired
    String oldestKept = put(tenant, windowStart.plus(Duration.ofHours(1))).id();
    String recent = put(tenant, NOW.minus(Duration.ofMinutes(1))).id();

    assertThat(ids(store.after(tenant, Mode.TEST, Optional.empty(), 10, NOW))).containsExactly(oldestKept, recent);
    String ancient = new RandomIdGenerator(Clock.fixed(windowStart.minus(Duration.ofDays(90)), ZoneOffset.UTC),
        RANDOM).next("evt");
    assertThat(ids(store.after(tenant, Mode.TEST, Optional.of(ancient), 10, NOW)))
        .as("a cursor older than the window starts at the window").containsExactly(oldestKept, recent);
    assertThat(ids(store.after(tenant, Mode.TEST, Optional.of("evt_000000000i0000000000000000"), 10, NOW)))
        .as("a cursor whose time cannot be read still bounds the ids").containsExactly(oldestKept, recent);
    assertThat(ids(store.after(tenant, Mode.TEST, Optional.of(recent), 10, NOW))).isEmpty();
    assertThat(ids(store.after(tenant, Mode.TEST, Optional.empty(), 10, NOW.plus(Duration.ofHours(2)))))
        .as("two hours on, the oldest has expired").containsExactly(recent);
  }

  @Test
  void anEventIsFoundByItsIdAloneAndAnythingElseNamesNothing() {
    String tenant = "ten_evfind";
    MerchantEvent event = put(tenant, NOW.minus(Duration.ofDays(3)));

    StoredEvent found = store.find(tenant, Mode.TEST, event.id()).orElseThrow();
    assertThat(found.id()).isEqualTo(event.id());
    assertThat(found.type()).isEqualTo(event.type());
    assertThat(found.created()).isEqualTo(event.created());
    assertThat(found.body()).contains(event.id());
    assertThat(store.find("ten_evfind_other", Mode.TEST, event.id())).as("another tenant's key").isEmpty();
    assertThat(store.find(tenant, Mode.LIVE, event.id())).isEmpty();
    String sameRandomOtherDay = event.id().substring(0, 4) + "1" + event.id().substring(5);
    assertThat(store.find(tenant, Mode.TEST, sameRandomOtherDay)).as("an id claiming another time").isEmpty();
    for (String malformed : new String[] {"evt_nope", "evt_test_" + event.id().substring(4), "pay" + event.id()
        .substring(3), "evt_u" + event.id().substring(5), "EVT" + event.id().substring(3), ""}) {
      assertThat(store.find(tenant, Mode.TEST, malformed)).as(malformed).isEmpty();
    }
  }

  @Test
  void anEventItemCarriesNoIndexKeysAndKeepsWhatTheDispatcherReads() {
    MerchantEvent event = event("ten_evitem", Instant.parse("2026-11-23T23:59:59.999Z"));
    Map<String, AttributeValue> item = MerchantEventItems.item(event);

    assertThat(item.get("pk").s()).isEqualTo("T#ten_evitem#test#EVENTS#2026-11-23");
    assertThat(item.get("sk").s()).isEqualTo(event.id());
    assertThat(item).doesNotContainKeys("gsi1pk", "gsi1sk", "duePk", "dueSk");
    assertThat(item.get("kind").s()).isEqualTo(MerchantEventItems.KIND).isEqualTo("EVENT");
    assertThat(item.get("id").s()).isEqualTo(event.id());
    assertThat(item.get("tenantId").s()).isEqualTo("ten_evitem");
    assertThat(item.get("mode").s()).isEqualTo("test");
    assertThat(item.get("type").s()).isEqualTo(event.type());
    assertThat(MerchantEventItems.key("ten_evitem", Mode.TEST, event.id())).contains(
        Map.of("pk", item.get("pk"), "sk", item.get("sk")));
  }

  private static MerchantEvent put(String tenant, Instant at) {
    MerchantEvent event = event(tenant, at);
    tender.clients().dynamoDb().putItem(put -> put.tableName(tender.tableName()).item(MerchantEventItems.item(event)));
    return event;
  }

  private static MerchantEvent event(String tenant, Instant at) {
    String id = new RandomIdGenerator(Clock.fixed(at, ZoneOffset.UTC), RANDOM).next("evt");
    return new MerchantEvent(id, tenant, Mode.TEST, "payment.succeeded", at, at, 2, "pay_" + id.substring(4),
        Map.of("id", "pay_" + id.substring(4), "object", "payment"));
  }

  private static List<String> ids(List<StoredEvent> events) {
    return events.stream().map(StoredEvent::id).toList();
  }
}
