package io.tender.adapter.dynamo;

import static org.assertj.core.api.Assertions.assertThat;

import io.tender.core.ratelimit.RateLimit;
import io.tender.core.ratelimit.RateLimitWindow;
import io.tender.core.ratelimit.RateLimiter;
import io.tender.core.ratelimit.RateLimiterContract;
import io.tender.local.engines.LocalEngines;
import io.tender.local.engines.SharedEngines;
import io.tender.testing.LocalTender;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The rate limiter contract on the template's table in DynamoDB Local, and its storage keys. */
@ExtendWith(SharedEngines.class)
class DynamoRateLimiterTest extends RateLimiterContract {
  static LocalTender tender;
  static DynamoDbClient dynamo;

  @BeforeAll
  static void provision(LocalEngines engines) {
    tender = LocalTender.provision(engines);
    dynamo = tender.clients().dynamoDb();
  }

  @AfterAll
  static void close() {
    dynamo.close();
    tender.close();
  }

  @Override
  protected RateLimiter limiter() {
    return new DynamoRateLimiter(dynamo, tender.tableName());
  }

  @Override
  protected int storedHits(RateLimit limit, String scope, Instant now) {
    Map<String, AttributeValue> item = counterItem(limit, scope, now);
    return item.isEmpty() ? 0 : Integer.parseInt(item.get("hits").n());
  }

  @Test
  void theCounterIsOneItemAtTheDocumentedKeyThatExpiresJustAfterItsWindow() {
    RateLimit limit = RateLimit.perMinute("checkout-session.create", 10);
    limiter().acquire(limit, "tenant:t_key", NOW);
    limiter().acquire(limit, "tenant:t_key", NOW);

    Map<String, AttributeValue> item = dynamo.getItem(get -> get.tableName(tender.tableName())
        .key(Map.of(
            "pk", AttributeValue.fromS("RATE#checkout-session.create#tenant:t_key#1795428000"),
            "sk", AttributeValue.fromS("#")))
        .consistentRead(true)).item();

    assertThat(item).containsOnlyKeys("pk", "sk", "hits", "expiresAt");
    assertThat(item.get("hits").n()).isEqualTo("2");
    assertThat(item.get("expiresAt").n()).isEqualTo(Long.toString(WINDOW_END.getEpochSecond() + 60));
  }

  @Test
  void plainScopesAreKeptAsTheyAre() {
    assertThat(DynamoRateLimiter.scopeKey("tenant:t_1")).isEqualTo("tenant:t_1");
    assertThat(DynamoRateLimiter.scopeKey("ip:2001:db8::1")).isEqualTo("ip:2001:db8::1");
    assertThat(DynamoRateLimiter.scopeKey("account:ana+test@example.com"))
        .isEqualTo("account:ana+test@example.com");
    String longest = "key:" + "k".repeat(124);
    assertThat(DynamoRateLimiter.scopeKey(longest)).isEqualTo(longest);
  }

  @Test
  void oddOrLongScopesAreStoredAsTheirSha256() {
    assertThat(DynamoRateLimiter.scopeKey("key:a#b c"))
        .isEqualTo("~d98a25204dd52c3446c58230dcd873e8283c0d570952eaaa7d3981335415bdd0");
    assertThat(DynamoRateLimiter.scopeKey("account:ana.lópez@example.com"))
        .isEqualTo("~f9e8dcecd231a083cd4bdfe315e0502107cc205f578dbcfc92edbdf0f8aaecf9");
    assertThat(DynamoRateLimiter.scopeKey("key:" + "k".repeat(125))).matches("~[0-9a-f]{64}");
  }

  @Test
  void aHashedKeyNeverEqualsAPlainOne() {
    String hashed = DynamoRateLimiter.scopeKey("key:a#b c");

    assertThat(DynamoRateLimiter.scopeKey(hashed)).isNotEqualTo(hashed).matches("~[0-9a-f]{64}");
  }

  @Test
  void theKeyStaysSmallWhateverTheScope() {
    RateLimit limit = RateLimit.perMinute("a".repeat(64), 1);
    String key = DynamoRateLimiter.partitionKey(
        limit, "ip:" + "é#".repeat(5_000), RateLimitWindow.containing(limit.window(), NOW));

    assertThat(key.getBytes(StandardCharsets.UTF_8).length).isLessThan(256);
    assertThat(key).startsWith("RATE#" + "a".repeat(64) + "#~").endsWith("#1795428000");
  }

  private static Map<String, AttributeValue> counterItem(RateLimit limit, String scope, Instant now) {
    RateLimitWindow window = RateLimitWindow.containing(limit.window(), now);
    return dynamo.getItem(get -> get.tableName(tender.tableName())
        .key(Map.of(
            "pk", AttributeValue.fromS(DynamoRateLimiter.partitionKey(limit, scope, window)),
            "sk", AttributeValue.fromS("#")))
        .consistentRead(true)).item();
  }
}
