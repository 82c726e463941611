package io.tender.adapter.dynamo;

import static org.assertj.core.api.Assertions.assertThat;

import io.tender.core.event.MerchantEvent;
import io.tender.core.id.Ids;
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
import java.util.concurrent.atomic.AtomicReference;
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
    assertThat(item.get("tenantId").s()).isEqualTo("ten_evitem");
    assertThat(item.get("mode").s()).isEqualTo("test");
    assertThat(MerchantEventItems.entries(item)).singleElement().satisfies(entry -> {
      assertThat(entry.id()).isEqualTo(event.id());
      assertThat(entry.type()).isEqualTo(event.type());
      assertThat(entry.objectId()).isEqualTo(event.objectId());
      assertThat(entry.sequence()).isEqualTo(event.sequence());
      assertThat(entry.created()).isEqualTo(event.created());
      assertThat(entry.body()).contains(event.id());
    });
    assertThat(MerchantEventItems.key("ten_evitem", Mode.TEST, event.id())).contains(
        Map.of("pk", item.get("pk"), "sk", item.get("sk")));
  }

  @Test
  void theEventsOfOneChangeShareOneItemUnderTheFirstIdAndEachIsFoundByItsOwn() {
    String tenant = "ten_evchange";
    Instant at = NOW.minus(Duration.ofHours(3));
    List<MerchantEvent> change = change(tenant, at, at, at.plusMillis(2));
    List<Map<String, AttributeValue>> items = MerchantEventItems.items(change);

    assertThat(items).hasSize(1);
    assertThat(items.get(0).get("sk").s()).isEqualTo(change.get(0).id());
    assertThat(MerchantEventItems.entries(items.get(0))).extracting(MerchantEventItems.Entry::id)
        .containsExactlyElementsOf(change.stream().map(MerchantEvent::id).toList());
    assertThat(size(items.get(0))).as("three events compressed into one item").isLessThan(1024);
    putItems(items);
    for (MerchantEvent event : change) {
      StoredEvent found = store.find(tenant, Mode.TEST, event.id()).orElseThrow();
      assertThat(found.id()).isEqualTo(event.id());
      assertThat(found.type()).isEqualTo(event.type());
      assertThat(found.body()).contains(event.id());
    }
    String between = Ids.earliest("evt", at.plusMillis(1));
    assertThat(between).isBetween(change.get(1).id(), change.get(2).id());
    assertThat(store.find(tenant, Mode.TEST, between)).as("an id the item does not hold").isEmpty();
  }

  @Test
  void aPageEndingInsideAnItemIsResumedInsideIt() {
    String tenant = "ten_evpages";
    Instant at = NOW.minus(Duration.ofDays(2));
    List<String> made = new ArrayList<>();
    for (List<MerchantEvent> change : List.of(change(tenant, at), change(tenant, at.plusSeconds(1), at.plusSeconds(1)),
        change(tenant, at.plusSeconds(2), at.plusSeconds(2), at.plusSeconds(2)), change(tenant, at.plusSeconds(3)))) {
      putItems(MerchantEventItems.items(change));
      change.forEach(event -> made.add(event.id()));
    }

    assertThat(ids(store.after(tenant, Mode.TEST, Optional.empty(), 100, NOW))).containsExactlyElementsOf(made);
    for (int limit = 1; limit <= made.size(); limit++) {
      assertThat(readAll(tenant, limit)).as("read %d at a time", limit).containsExactlyElementsOf(made);
    }
    assertThat(ids(store.after(tenant, Mode.TEST, Optional.of(made.get(3)), 2, NOW)))
        .as("from the middle of the three").containsExactly(made.get(4), made.get(5));
    assertThat(ids(store.after(tenant, Mode.TEST, Optional.of(made.get(5)), 1, NOW)))
        .as("from the end of an item").containsExactly(made.get(6));
  }

  @Test
  void aChangeStraddlingMidnightIsFiledUnderItsFirstIdsDayAndFoundByEveryId() {
    String tenant = "ten_evmidnight";
    List<MerchantEvent> before = change(tenant, Instant.parse("2026-11-21T23:59:59.000Z"));
    List<MerchantEvent> straddling = change(tenant, Instant.parse("2026-11-21T23:59:59.999Z"),
        Instant.parse("2026-11-22T00:00:00.000Z"), Instant.parse("2026-11-22T00:00:00.400Z"));
    List<MerchantEvent> after = change(tenant, Instant.parse("2026-11-22T00:00:00.200Z"));
    List<Map<String, AttributeValue>> items = MerchantEventItems.items(straddling);
    assertThat(items).hasSize(1);
    assertThat(items.get(0).get("pk").s()).isEqualTo("T#ten_evmidnight#test#EVENTS#2026-11-21");
    putItems(MerchantEventItems.items(before));
    putItems(items);
    putItems(MerchantEventItems.items(after));

    for (MerchantEvent event : straddling) {
      assertThat(store.find(tenant, Mode.TEST, event.id())).as(event.created().toString())
          .map(StoredEvent::id).contains(event.id());
    }
    assertThat(store.find(tenant, Mode.TEST, after.get(0).id())).map(StoredEvent::id).contains(after.get(0).id());
    List<String> made = new ArrayList<>();
    for (List<MerchantEvent> change : List.of(before, straddling, after)) {
      change.forEach(event -> made.add(event.id()));
    }
    for (int limit = 1; limit <= made.size(); limit++) {
      assertThat(readAll(tenant, limit)).as("read %d at a time", limit).containsExactlyElementsOf(made);
    }
  }

  @Test
  void anotherChangesItemSortingBetweenAnItemsIdsHidesNoEvent() {
    // Two containers settle at once: B's first id sorts between A's two.
    String tenant = "ten_evinterleave";
    Instant at = NOW.minus(Duration.ofHours(5));
    List<MerchantEvent> a = change(tenant, at, at.plusMillis(2));
    List<MerchantEvent> b = change(tenant, at.plusMillis(1), at.plusMillis(3));
    assertThat(b.get(0).id()).isBetween(a.get(0).id(), a.get(1).id());
    putItems(MerchantEventItems.items(a));
    putItems(MerchantEventItems.items(b));

    for (MerchantEvent event : List.of(a.get(0), a.get(1), b.get(0), b.get(1))) {
      assertThat(store.find(tenant, Mode.TEST, event.id())).map(StoredEvent::id).contains(event.id());
    }
    List<String> inItemOrder = List.of(a.get(0).id(), a.get(1).id(), b.get(0).id(), b.get(1).id());
    for (int limit = 1; limit <= inItemOrder.size(); limit++) {
      assertThat(readAll(tenant, limit)).as("read %d at a time", limit).containsExactlyElementsOf(inItemOrder);
    }
  }

  @Test
  void idsThatRunBackOrComeLateBeginAnotherItem() {
    Instant at = NOW.minus(Duration.ofHours(1));
    MerchantEvent first = event("ten_evsplit", at);
    MerchantEvent earlier = event("ten_evsplit", at.minusMillis(5));
    MerchantEvent late = event("ten_evsplit", at.plus(MerchantEventItems.SPAN).plusMillis(1));
    MerchantEvent inTime = event("ten_evsplit", at.plus(MerchantEventItems.SPAN));

    assertThat(MerchantEventItems.items(List.of(first, inTime))).hasSize(1);
    assertThat(MerchantEventItems.items(List.of(first, earlier))).extracting(item -> item.get("sk").s())
        .containsExactly(first.id(), earlier.id());
    assertThat(MerchantEventItems.items(List.of(first, late))).extracting(item -> item.get("sk").s())
        .containsExactly(first.id(), late.id());
  }

  @Test
  void anItemOfOneEventWrittenBeforeEventsWereGroupedIsStillRead() {
    String tenant = "ten_evlegacy";
    MerchantEvent event = event(tenant, NOW.minus(Duration.ofHours(2)));
    Map<String, AttributeValue> item = new java.util.HashMap<>(MerchantEventItems.key(tenant, Mode.TEST, event.id())
        .orElseThrow());
    item.putAll(Map.of("kind", AttributeValue.fromS("EVENT"), "id", AttributeValue.fromS(event.id()),
        "tenantId", AttributeValue.fromS(tenant), "mode", AttributeValue.fromS("test"),
        "type", AttributeValue.fromS(event.type()), "objectId", AttributeValue.fromS(event.objectId()),
        "sequence", AttributeValue.fromN("2"), "created", AttributeValue.fromS(event.created().toString()),
        "body", AttributeValue.fromS("{\"id\":\"" + event.id() + "\"}"),
        "expiresAt", AttributeValue.fromN(Long.toString(NOW.plus(Duration.ofDays(29)).getEpochSecond()))));
    putItems(List.of(item));

    assertThat(store.find(tenant, Mode.TEST, event.id())).map(StoredEvent::body).contains("{\"id\":\"" + event.id() + "\"}");
    assertThat(ids(store.after(tenant, Mode.TEST, Optional.empty(), 10, NOW))).containsExactly(event.id());
  }

  /** Every event of (tenant, test), read {@code limit} at a time by following each page's last id. */
  private static List<String> readAll(String tenant, int limit) {
    List<String> read = new ArrayList<>();
    Optional<String> cursor = Optional.empty();
    for (int pages = 0; pages <= 50; pages++) {
      List<String> page = ids(store.after(tenant, Mode.TEST, cursor, limit, NOW));
      assertThat(page.size()).as("a page is full unless it is the last").isLessThanOrEqualTo(limit);
      read.addAll(page);
      if (page.isEmpty()) {
        return read;
      }
      cursor = Optional.of(page.getLast());
    }
    throw new AssertionError("the feed never ended: " + read);
  }

  /**
   * The events of one change, their ids made by one generator (as one settlement's are) whose
   * clock reads {@code at} in turn.
   */
  private static List<MerchantEvent> change(String tenant, Instant... at) {
    AtomicReference<Instant> now = new AtomicReference<>(at[0]);
    Clock stepping = new Clock() {
      @Override
      public ZoneOffset getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(java.time.ZoneId zone) {
        throw new UnsupportedOperationException();
      }

      @Override
      public Instant instant() {
        return now.get();
      }
    };
    RandomIdGenerator ids = new RandomIdGenerator(stepping, RANDOM);
    List<MerchantEvent> change = new ArrayList<>();
    for (int i = 0; i < at.length; i++) {
      now.set(at[i]);
      String id = ids.next("evt");
      String type = i % 2 == 0 ? "payment.succeeded" : "checkout.session.completed";
      change.add(new MerchantEvent(id, tenant, Mode.TEST, type, at[0], at[0], 3, "pay_" + id.substring(4),
          Map.of("id", "pay_" + id.substring(4), "object", "payment", "amount", 1200, "currency", "USD")));
    }
    return change;
  }

  /** About what DynamoDB bills an item by: its names and values, in bytes. */
  private static int size(Map<String, AttributeValue> item) {
    int bytes = 0;
    for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
      AttributeValue value = attribute.getValue();
      bytes += attribute.getKey().length() + (value.b() != null ? value.b().asByteArray().length
          : value.s() != null ? value.s().getBytes(java.nio.charset.StandardCharsets.UTF_8).length : 21);
    }
    return bytes;
  }

  private static void putItems(List<Map<String, AttributeValue>> items) {
    items.forEach(item -> tender.clients().dynamoDb().putItem(put -> put.tableName(tender.tableName()).item(item)));
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
