package io.tender.adapter.dynamo;

import static org.assertj.core.api.Assertions.assertThat;

import io.tender.core.ratelimit.LeasingContract;
import io.tender.core.ratelimit.RateLimit;
import io.tender.core.ratelimit.RateLimitDecision;
import io.tender.core.ratelimit.RateLimitWindow;
import io.tender.core.ratelimit.RateLimiter;
import io.tender.local.engines.LocalEngines;
import io.tender.local.engines.SharedEngines;
import io.tender.testing.LocalTender;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * Leasing on the template's table in DynamoDB Local: several {@link DynamoRateLimiter}s (as
 * several containers) on one counter item, and the writes each lease costs.
 */
@ExtendWith(SharedEngines.class)
class DynamoRateLimiterLeasingTest extends LeasingContract {
  static LocalTender tender;
  static DynamoDbClient dynamo;
  static final List<UpdateItemRequest> UPDATES = new CopyOnWriteArrayList<>();
  static DynamoDbClient counting;

  @BeforeAll
  static void provision(LocalEngines engines) {
    tender = LocalTender.provision(engines);
    dynamo = tender.clients().dynamoDb();
    counting = new DynamoDbClient() {
      @Override
      public UpdateItemResponse updateItem(UpdateItemRequest request) {
        UPDATES.add(request);
        return dynamo.updateItem(request);
      }

      @Override
      public String serviceName() {
        return dynamo.serviceName();
      }

      @Override
      public void close() {}
    };
  }

  @AfterAll
  static void close() {
    dynamo.close();
    tender.close();
  }

  @Override
  protected RateLimiter container() {
    return new DynamoRateLimiter(counting, tender.tableName());
  }

  @Override
  protected int storedHits(RateLimit limit, String scope, Instant now) {
    RateLimitWindow window = RateLimitWindow.containing(limit.window(), now);
    Map<String, AttributeValue> item = dynamo.getItem(get -> get.tableName(tender.tableName())
        .key(Map.of(
            "pk", AttributeValue.fromS(DynamoRateLimiter.partitionKey(limit, scope, window)),
            "sk", AttributeValue.fromS("#")))
        .consistentRead(true)).item();
    return item.isEmpty() ? 0 : Integer.parseInt(item.get("hits").n());
  }

  @Override
  protected int counterWrites() {
    return UPDATES.size();
  }

  @Test
  void aContainerThatCannotGetAWholeLeaseTakesWhatIsLeftWithASecondWrite() {
    RateLimit limit = RateLimit.perMinute("leasing.rest", 25);
    RateLimiter first = container();
    RateLimiter last = container();
    String scope = "tenant:t_rest";
    for (int request = 0; request < 24; request++) {
      assertThat(first.acquire(limit, scope, NOW).allowed()).isTrue();
    }
    int writesBefore = UPDATES.size();

    RateLimitDecision rest = last.acquire(limit, scope, NOW);

    assertThat(rest).as("one token was left of the two asked for")
        .isEqualTo(new RateLimitDecision(true, 25, 0, WINDOW_END, 0));
    assertThat(UPDATES.subList(writesBefore, UPDATES.size()))
        .extracting(update -> update.expressionAttributeValues().get(":wanted").n())
        .containsExactly("2", "1");
    assertThat(storedHits(limit, scope, NOW)).isEqualTo(25);
    assertThat(first.acquire(limit, scope, NOW).allowed()).isFalse();
    assertThat(last.acquire(limit, scope, NOW).allowed()).isFalse();
  }

  @Test
  void aLeaseIsOneConditionalAddThatNeverPassesTheLimit() {
    RateLimit limit = RateLimit.perMinute("leasing.update", 60);
    RateLimiter container = container();
    int writesBefore = UPDATES.size();

    for (int request = 0; request < 7; request++) {
      container.acquire(limit, "tenant:t_update", NOW);
    }

    List<UpdateItemRequest> leases = UPDATES.subList(writesBefore, UPDATES.size());
    assertThat(leases).extracting(UpdateItemRequest::updateExpression)
        .containsOnly("ADD #hits :wanted SET #expiresAt = :expiresAt");
    assertThat(leases).extracting(UpdateItemRequest::conditionExpression)
        .containsOnly("attribute_not_exists(#hits) OR #hits <= :most");
    assertThat(leases).extracting(lease -> lease.expressionAttributeValues().get(":wanted").n()
        + " if at most " + lease.expressionAttributeValues().get(":most").n())
        .containsExactly("2 if at most 58", "4 if at most 56", "6 if at most 54");
    assertThat(storedHits(limit, "tenant:t_update", NOW)).isEqualTo(12);
  }
}
