package io.tender.adapter.dynamo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tender.core.error.ApiException;
import io.tender.core.id.RandomIdGenerator;
import io.tender.core.tenant.Mode;
import io.tender.core.webhook.DeliveryAttempt;
import io.tender.core.webhook.WebhookDelivery;
import io.tender.core.webhook.WebhookDeliveryRepository.DeliveryFilter;
import io.tender.core.webhook.WebhookDeliveryRepository.DeliveryPage;
import io.tender.local.engines.LocalEngines;
import io.tender.local.engines.SharedEngines;
import io.tender.testing.LocalTender;
import io.tender.testing.MutableClock;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Deliveries filed by the day of their id: the log across days, lookups by id, what one write leaves. */
@ExtendWith(SharedEngines.class)
class DynamoWebhookDeliveryRepositoryTest {
  private static final DeliveryFilter ALL = new DeliveryFilter(Optional.empty(), Optional.empty(), Optional.empty());
  private static LocalTender tender;
  private static DynamoWebhookDeliveryRepository deliveries;

  @BeforeAll
  static void provision(LocalEngines engines) {
    tender = LocalTender.provision(engines);
    deliveries = new DynamoWebhookDeliveryRepository(tender.clients().dynamoDb(), tender.tableName());
  }

  @AfterAll
  static void close() {
    tender.close();
  }

  @Test
  void theLogPagesAcrossDayBoundariesNewestFirstWithNoGapOrRepeat() {
    String tenant = "ten_wdays";
    // Two days in a row, a day with none, one more: a delivery a moment either side of each midnight.
    List<String> made = new ArrayList<>();
    List<String> at = List.of("2026-11-20T23:59:58Z", "2026-11-20T23:59:59.999Z", "2026-11-21T00:00:00Z",
        "2026-11-21T00:00:00.001Z", "2026-11-21T23:59:59.999Z", "2026-11-23T00:00:00Z", "2026-11-23T11:59:59Z");
    for (int i = 0; i < at.size(); i++) {
      made.add(0, create(tenant, Instant.parse(at.get(i)), i % 2 == 0 ? "we_even" : "we_odd").id());
    }
    assertThat(deliveries.list(tenant, Mode.TEST, ALL, Optional.empty(), 100).deliveries())
        .extracting(WebhookDelivery::id).containsExactlyElementsOf(made);

    for (int limit = 1; limit <= made.size() + 1; limit++) {
      assertThat(pageThrough(tenant, ALL, limit)).as("pages of %d", limit).containsExactlyElementsOf(made);
    }
    DeliveryFilter odd = new DeliveryFilter(Optional.of("we_odd"), Optional.empty(), Optional.empty());
    List<String> oddOnes = List.of(made.get(1), made.get(3), made.get(5));
    for (int limit = 1; limit <= 4; limit++) {
      assertThat(pageThrough(tenant, odd, limit)).as("filtered, pages of %d", limit).containsExactlyElementsOf(oddOnes);
    }
    assertThat(deliveries.list(tenant, Mode.LIVE, ALL, Optional.empty(), 10).deliveries())
        .as("live mode has its own days").isEmpty();
    assertThat(deliveries.list("ten_wdays_other", Mode.TEST, ALL, Optional.empty(), 10).deliveries()).isEmpty();
  }

  @Test
  void aFullPageCarriesACursorAndTheLastPageNone() {
    String tenant = "ten_wfull";
    String older = create(tenant, Instant.parse("2026-11-22T10:00:00Z"), "we_a").id();
    String newer = create(tenant, Instant.parse("2026-11-23T10:00:00Z"), "we_a").id();
    DeliveryPage full = deliveries.list(tenant, Mode.TEST, ALL, Optional.empty(), 2);
    assertThat(full.deliveries()).extracting(WebhookDelivery::id).containsExactly(newer, older);
    assertThat(full.nextCursor()).as("a full page may have more after it").isPresent();
    DeliveryPage after = deliveries.list(tenant, Mode.TEST, ALL, full.nextCursor(), 2);
    assertThat(after.deliveries()).isEmpty();
    assertThat(after.nextCursor()).isEmpty();
    assertThat(deliveries.list(tenant, Mode.TEST, ALL, Optional.empty(), 3).nextCursor()).isEmpty();
    for (String forged : List.of("!!!", java.util.Base64.getUrlEncoder().encodeToString("wd_nope".getBytes()))) {
      assertThatThrownBy(() -> deliveries.list(tenant, Mode.TEST, ALL, Optional.of(forged), 2))
          .isInstanceOf(ApiException.class).hasMessageContaining("cursor");
    }
  }

  @Test
  void aDeliveryIsFiledUnderItsIdsDayWithNoIndexCopyAndItsDayIsWrittenOncePerContainer() {
    String tenant = "ten_wkeys";
    AtomicInteger puts = new AtomicInteger();
    DynamoWebhookDeliveryRepository counted = new DynamoWebhookDeliveryRepository(counting(puts), tender.tableName());
    MutableClock clock = new MutableClock(Instant.parse("2026-11-23T08:00:00Z"));
    RandomIdGenerator ids = new RandomIdGenerator(clock, new Random(3));
    WebhookDelivery first = WebhookDelivery.first(ids.next("wd"), tenant, Mode.TEST, "evt_x", "payment.succeeded",
        "we_a", Optional.empty(), clock.instant());
    WebhookDelivery second = WebhookDelivery.first(ids.next("wd"), tenant, Mode.TEST, "evt_y", "payment.succeeded",
        "we_a", Optional.empty(), clock.instant());
    assertThat(counted.create(first, Optional.of(clock.instant()))).isTrue();
    assertThat(puts).as("the day, then the delivery").hasValue(2);
    assertThat(counted.create(second, Optional.empty())).isTrue();
    assertThat(counted.create(second, Optional.empty())).as("a repeat is refused").isFalse();
    assertThat(puts).as("the day is not written again").hasValue(4);

    Map<String, AttributeValue> item = tender.clients().dynamoDb().getItem(get -> get.tableName(tender.tableName())
        .key(Map.of("pk", AttributeValue.fromS("T#ten_wkeys#test#WHDELIVERY#2026-11-23"),
            "sk", AttributeValue.fromS(first.id())))).item();
    assertThat(item).containsKeys("duePk", "dueSk").doesNotContainKeys("gsi1pk", "gsi1sk");
    assertThat(deliveries.find(tenant, Mode.TEST, first.id())).contains(first);
    assertThat(deliveries.find(tenant, Mode.LIVE, first.id())).isEmpty();
  }

  @Test
  void anIdThatIsNotOneOfOursIsNotFoundWithoutARead() {
    AtomicInteger calls = new AtomicInteger();
    DynamoWebhookDeliveryRepository unreachable = new DynamoWebhookDeliveryRepository(
        (DynamoDbClient) Proxy.newProxyInstance(DynamoDbClient.class.getClassLoader(),
            new Class<?>[] {DynamoDbClient.class}, (proxy, method, args) -> {
              calls.incrementAndGet();
              throw new AssertionError("read " + method.getName());
            }), tender.tableName());
    for (String malformed : List.of("wd_nope", "wd_" + "u".repeat(26), "whd_00000000000000000000000000",
        "WD_00000000000000000000000000", "", "wd_0000000000000000000000000~")) {
      assertThat(unreachable.find("ten_wkeys", Mode.TEST, malformed)).as(malformed).isEmpty();
    }
    assertThat(calls).hasValue(0);
  }

  /** A failure every time, eight of them, each with a 256-character answer and the longest detail. */
  @Test
  void eightFailedAttemptsAreRecordedOneVersionAtATime() {
    String tenant = "ten_wfail";
    Instant start = Instant.parse("2026-11-23T09:00:00Z");
    WebhookDelivery delivery = create(tenant, start, "we_a");
    for (int number = 1; number <= 8; number++) {
      WebhookDelivery next = delivery.withAttempt(new DeliveryAttempt(number, start.plusSeconds(number * 60L),
          Optional.of(503), 1234, "http_error", "<".repeat(300), "d".repeat(400)));
      assertThat(deliveries.replace(next, next.nextAttemptAt())).isTrue();
      assertThat(deliveries.replace(next, next.nextAttemptAt())).as("a stale version is refused").isFalse();
      delivery = next;
    }
    WebhookDelivery stored = deliveries.find(tenant, Mode.TEST, delivery.id()).orElseThrow();
    assertThat(stored).isEqualTo(delivery);
    assertThat(stored.status()).isEqualTo(WebhookDelivery.Status.FAILED);
    assertThat(stored.attempts()).hasSize(8).allSatisfy(attempt -> assertThat(attempt.excerpt()).hasSize(256));
  }

  private static List<String> pageThrough(String tenant, DeliveryFilter filter, int limit) {
    List<String> read = new ArrayList<>();
    Optional<String> cursor = Optional.empty();
    for (int pages = 0; pages <= 20; pages++) {
      DeliveryPage page = deliveries.list(tenant, Mode.TEST, filter, cursor, limit);
      assertThat(page.deliveries()).hasSizeLessThanOrEqualTo(limit);
      page.deliveries().forEach(delivery -> read.add(delivery.id()));
      cursor = page.nextCursor();
      if (cursor.isEmpty()) {
        return read;
      }
    }
    throw new AssertionError("the cursor never ran out");
  }

  private static WebhookDelivery create(String tenant, Instant at, String endpointId) {
    String id = new RandomIdGenerator(new MutableClock(at), new Random(at.toEpochMilli())).next("wd");
    WebhookDelivery delivery = WebhookDelivery.first(id, tenant, Mode.TEST, "evt_" + id.substring(3), "payment.succeeded",
        endpointId, Optional.empty(), at);
    assertThat(deliveries.create(delivery, Optional.empty())).isTrue();
    return delivery;
  }

  private static DynamoDbClient counting(AtomicInteger puts) {
    DynamoDbClient real = tender.clients().dynamoDb();
    return (DynamoDbClient) Proxy.newProxyInstance(DynamoDbClient.class.getClassLoader(),
        new Class<?>[] {DynamoDbClient.class}, (proxy, method, args) -> {
          if (method.getName().equals("putItem")) {
            puts.incrementAndGet();
          }
          try {
            return method.invoke(real, args);
          } catch (java.lang.reflect.InvocationTargetException thrown) {
            throw thrown.getCause();
          }
        });
  }
}
