package io.tender.adapter.dynamo;

import static org.assertj.core.api.Assertions.assertThat;

import io.tender.local.engines.LocalEngines;
import io.tender.local.engines.SharedEngines;
import io.tender.testing.LocalTender;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Provider events recorded once on DynamoDB Local, whatever the size of a body the ingress accepts. */
@ExtendWith(SharedEngines.class)
class DynamoProviderEventInboxTest {
  private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
  private static LocalTender tender;
  private static DynamoProviderEventInbox inbox;

  @BeforeAll
  static void provision(LocalEngines engines) {
    tender = LocalTender.provision(engines);
    inbox = new DynamoProviderEventInbox(tender.clients().dynamoDb(), tender.tableName());
  }

  @AfterAll
  static void close() {
    tender.close();
  }

  @Test
  void anEventIsRecordedOnceWithItsRawBody() {
    byte[] body = "{\"id\":\"evt_small\"}".getBytes(StandardCharsets.UTF_8);

    assertThat(inbox.record("stripe", "evt_small", body, NOW)).isTrue();
    assertThat(inbox.record("stripe", "evt_small", body, NOW.plusSeconds(5))).as("a redelivery").isFalse();

    Map<String, AttributeValue> item = item("evt_small");
    assertThat(item.get("body").b().asByteArray()).isEqualTo(body);
    assertThat(item).doesNotContainKey("bodyEncoding");
    assertThat(item.get("receivedAt").s()).isEqualTo(NOW.toString());
    assertThat(item.get("expiresAt").n()).isEqualTo(Long.toString(NOW.plus(DynamoProviderEventInbox.RETENTION).getEpochSecond()));
  }

  @Test
  void aBodyTooLargeForOneItemIsKeptCompressed() throws IOException {
    byte[] body = ("{\"id\":\"evt_large\",\"filler\":\"" + "ab".repeat(300 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);

    assertThat(inbox.record("stripe", "evt_large", body, NOW)).isTrue();
    assertThat(inbox.record("stripe", "evt_large", body, NOW)).isFalse();

    Map<String, AttributeValue> item = item("evt_large");
    assertThat(item.get("bodyEncoding").s()).isEqualTo("gzip");
    try (GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(item.get("body").b().asByteArray()))) {
      assertThat(gzip.readAllBytes()).isEqualTo(body);
    }
    assertThat(item.get("bodySize").n()).isEqualTo(Integer.toString(body.length));
  }

  @Test
  void aLargeBodyThatDoesNotCompressKeepsItsBeginningSizeAndHash() throws Exception {
    byte[] body = new byte[1024 * 1024];
    new Random(7).nextBytes(body);

    assertThat(inbox.record("stripe", "evt_noise", body, NOW)).isTrue();
    assertThat(inbox.record("stripe", "evt_noise", body, NOW)).isFalse();

    Map<String, AttributeValue> item = item("evt_noise");
    assertThat(item.get("bodyEncoding").s()).isEqualTo("truncated");
    byte[] kept = item.get("body").b().asByteArray();
    assertThat(kept).hasSize(DynamoProviderEventInbox.MAX_STORED_BODY_BYTES);
    assertThat(body).startsWith(kept);
    assertThat(item.get("bodySize").n()).isEqualTo(Integer.toString(body.length));
    assertThat(item.get("bodySha256").s())
        .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body)));
  }

  private static Map<String, AttributeValue> item(String eventId) {
    return tender.clients().dynamoDb().getItem(get -> get.tableName(tender.tableName()).consistentRead(true)
        .key(Map.of("pk", AttributeValue.fromS("EVT#stripe#" + eventId), "sk", AttributeValue.fromS("#")))).item();
  }
}
