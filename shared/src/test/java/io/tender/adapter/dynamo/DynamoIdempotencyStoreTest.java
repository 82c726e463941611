package io.tender.adapter.dynamo;

import static org.assertj.core.api.Assertions.assertThat;

import io.tender.core.idempotency.IdempotencyKey;
import io.tender.core.idempotency.IdempotencyStore;
import io.tender.core.idempotency.IdempotencyStoreContract;
import io.tender.core.idempotency.StoredResponse;
import io.tender.local.engines.LocalEngines;
import io.tender.local.engines.SharedEngines;
import io.tender.testing.LocalTender;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The store contract on DynamoDB Local, on the table template.yaml declares. */
@ExtendWith(SharedEngines.class)
class DynamoIdempotencyStoreTest extends IdempotencyStoreContract {
  private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

  static LocalTender tender;
  static DynamoDbClient dynamo;
  static DynamoIdempotencyStore store;

  @BeforeAll
  static void provision(LocalEngines engines) {
    tender = LocalTender.provision(engines);
    dynamo = tender.clients().dynamoDb();
    store = new DynamoIdempotencyStore(dynamo, tender.tableName());
  }

  @AfterAll
  static void close() {
    dynamo.close();
    tender.close();
  }

  @Override
  protected IdempotencyStore store() {
    return store;
  }

  @Test
  void aClaimIsOneItemUnderTheDocumentedKeyWithItsDeadlineAndTtl() {
    IdempotencyKey key = key("order#7");

    store.claim(key, "hash-1", T0, T0.plusMillis(29_500));

    Map<String, AttributeValue> item = item(key);
    assertThat(item.get("pk").s())
        .isEqualTo("T#" + key.tenantId() + "#test#IDEM#POST /api/v1/refunds#order#7");
    assertThat(item.get("sk").s()).isEqualTo("#");
    assertThat(item.get("status").s()).isEqualTo("IN_PROGRESS");
    assertThat(item.get("requestHash").s()).isEqualTo("hash-1");
    assertThat(item.get("inProgressUntil").n())
        .isEqualTo(Long.toString(T0.plusMillis(29_500).toEpochMilli()));
    assertThat(item.get("expiresAt").n())
        .isEqualTo(Long.toString(T0.plus(IdempotencyStore.DEFAULT_RETENTION).getEpochSecond()));
  }

  @Test
  void aLargeResponseIsStoredCompressedUnderOneKilobyteAndReplayedWhole() {
    IdempotencyKey key = key("large");
    String qr = "<svg>" + "<path d=\"M1 1h1v1H1z\"/>".repeat(700) + "</svg>";
    StoredResponse created = new StoredResponse(200, "{\"id\":\"cs_1\",\"qr\":\"" + qr + "\"}", Map.of());
    store.claim(key, "hash-1", T0, T0.plusSeconds(30));

    store.complete(key, "hash-1", created, T0.plusSeconds(2));

    Map<String, AttributeValue> item = item(key);
    assertThat(item).doesNotContainKey("responseBody");
    assertThat(item.get("responseBodyGzip").b().asByteArray().length).isLessThan(1024);
    assertThat(store.claim(key, "hash-1", T0.plusSeconds(3), T0.plusSeconds(33)))
        .isEqualTo(new io.tender.core.idempotency.Claim.Replay(created));
  }

  @Test
  void aCreatedSessionsAnswerIsStoredWithoutItsQrCodeInOneWriteUnitAndReplayedByteForByte() {
    IdempotencyKey key = key("created");
    String url = "https://checkout.stripe.com/c/pay/cs_test_a1B2c3D4e5F6g7H8i9J0a1B2c3D4e5F6g7H8i9J0#fid=abcdefgh";
    StoredResponse created = new StoredResponse(200, "{\"id\":\"cs_01JD0000000000000000000000\","
        + "\"payment_id\":\"pay_01JD0000000000000000000000\",\"redirect_url\":\"" + url + "\",\"qr_image_url\":\""
        + io.tender.adapter.qr.QrImageUrls.of(url) + "\",\"status\":\"pending\","
        + "\"expires_at\":\"2026-11-23T10:31:00Z\"}", Map.of());
    store.claim(key, "hash-1", T0, T0.plusSeconds(30));

    store.complete(key, "hash-1", created, T0.plusSeconds(2));

    Map<String, AttributeValue> item = item(key);
    assertThat(item).doesNotContainKeys("responseBody", "responseBodyGzip");
    assertThat(item.get("responseBodyLean").s()).doesNotContain("data:image");
    assertThat(itemBytes(item)).as("one write unit").isLessThanOrEqualTo(1024);
    io.tender.core.idempotency.Claim replay = store.claim(key, "hash-1", T0.plusSeconds(3), T0.plusSeconds(33));
    assertThat(replay).isEqualTo(new io.tender.core.idempotency.Claim.Replay(created));
    assertThat(((io.tender.core.idempotency.Claim.Replay) replay).response().body()).isEqualTo(created.body());
  }

  @Test
  void aQrCodeThatCannotBeDrawnAgainFromItsBodyIsStoredWhole() {
    IdempotencyKey key = key("foreign-qr");
    StoredResponse created = new StoredResponse(200, "{\"redirect_url\":\"https://shop.test/a\",\"qr_image_url\":\""
        + io.tender.adapter.qr.QrImageUrls.of("https://shop.test/b") + "\"}", Map.of());
    store.claim(key, "hash-1", T0, T0.plusSeconds(30));

    store.complete(key, "hash-1", created, T0.plusSeconds(2));

    assertThat(item(key)).doesNotContainKey("responseBodyLean").containsKey("responseBodyGzip");
    assertThat(store.claim(key, "hash-1", T0.plusSeconds(3), T0.plusSeconds(33)))
        .isEqualTo(new io.tender.core.idempotency.Claim.Replay(created));
  }

  /** The item's size as DynamoDB bills it: names plus values (no lists or maps but the empty headers). */
  private static long itemBytes(Map<String, AttributeValue> item) {
    long bytes = 0;
    for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
      AttributeValue value = attribute.getValue();
      bytes += attribute.getKey().length() + (value.s() != null ? value.s().getBytes(java.nio.charset.StandardCharsets.UTF_8).length
          : value.n() != null ? value.n().length() : value.hasM() ? 3 + value.m().size() * 64 : 64);
    }
    return bytes;
  }

  @Test
  void aCompletedItemHoldsTheResponseAndNoDeadline() {
    IdempotencyKey key = key("completed");
    StoredResponse created =
        new StoredResponse(201, "{\"id\":\"re_1\"}", Map.of("content-type", "application/json"));
    store.claim(key, "hash-1", T0, T0.plusSeconds(30));

    store.complete(key, "hash-1", created, T0.plusSeconds(2));

    Map<String, AttributeValue> item = item(key);
    assertThat(item.get("status").s()).isEqualTo("COMPLETED");
    assertThat(item).doesNotContainKey("inProgressUntil");
    assertThat(item.get("responseStatus").n()).isEqualTo("201");
    assertThat(item.get("responseBody").s()).isEqualTo("{\"id\":\"re_1\"}");
    assertThat(item.get("responseHeaders").m())
        .containsExactly(Map.entry("content-type", AttributeValue.fromS("application/json")));
    assertThat(item.get("expiresAt").n()).isEqualTo(Long.toString(
        T0.plusSeconds(2).plus(IdempotencyStore.DEFAULT_RETENTION).getEpochSecond()));
  }

  private static Map<String, AttributeValue> item(IdempotencyKey key) {
    return dynamo.getItem(get -> get.tableName(tender.tableName()).consistentRead(true)
        .key(Map.of(
            "pk", AttributeValue.fromS(DynamoIdempotencyStore.partitionKey(key)),
            "sk", AttributeValue.fromS("#")))).item();
  }
}
