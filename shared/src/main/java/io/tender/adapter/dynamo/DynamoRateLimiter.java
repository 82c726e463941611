package io.tender.adapter.dynamo;

import io.tender.core.ratelimit.RateLimit;
import io.tender.core.ratelimit.RateLimitDecision;
import io.tender.core.ratelimit.RateLimitWindow;
import io.tender.core.ratelimit.RateLimiter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * Fixed-window counters in the Tender table, one item per (limit, scope, window):
 * {@code pk = RATE#{limit name}#{scope key}#{window start, epoch seconds}}, {@code sk = #}.
 *
 * <p>Each request is ONE conditional {@code UpdateItem}: {@code ADD hits :one} only while
 * {@code hits < limit}. The condition and the increment are one atomic step, so concurrent
 * containers can never let more than {@code limit} requests through, and a refused request
 * (the condition fails) is never counted.
 *
 * <p>The scope key is the scope itself when it is at most {@value #MAX_PLAIN_SCOPE} characters of
 * {@code [A-Za-z0-9._:@+-]}, which covers tenant, key and account ids and IPv4/IPv6 addresses and
 * keeps the table readable. Any other scope (longer, or with {@code #}, spaces, non-ASCII, …) is
 * stored as {@code ~} followed by the hex SHA-256 of its UTF-8 bytes. {@code ~} is outside the
 * plain alphabet, so a hashed key never equals a plain one, and {@code #} never appears inside a
 * key part.
 *
 * <p>Errors other than a full window (throttling, timeouts) propagate: whether to fail open or
 * closed is the caller's decision.
 */
public final class DynamoRateLimiter implements RateLimiter {
  static final int MAX_PLAIN_SCOPE = 128;
  /**
   * TTL slack after the window's end. A container whose clock runs a little behind may still be
   * counting in the window; deleting the item under it would reset the count.
   */
  static final Duration EXPIRY_GRACE = Duration.ofMinutes(1);

  private static final Pattern PLAIN_SCOPE = Pattern.compile("[A-Za-z0-9._:@+-]{1," + MAX_PLAIN_SCOPE + "}");
  private static final String UPDATE = "ADD #hits :one SET #expiresAt = :expiresAt";
  private static final String ROOM_LEFT = "attribute_not_exists(#hits) OR #hits < :limit";
  private static final Map<String, String> NAMES = Map.of("#hits", "hits", "#expiresAt", "expiresAt");
  private static final AttributeValue ONE = AttributeValue.fromN("1");

  private final DynamoDbClient dynamo;
  private final String tableName;

  public DynamoRateLimiter(DynamoDbClient dynamo, String tableName) {
    this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
    this.tableName = Objects.requireNonNull(tableName, "tableName");
  }

  @Override
  public RateLimitDecision acquire(RateLimit limit, String scope, Instant now) {
    RateLimitWindow window = RateLimitWindow.containing(limit.window(), now);
    try {
      UpdateItemResponse response = dynamo.updateItem(update -> update
          .tableName(tableName)
          .key(Map.of(
              "pk", AttributeValue.fromS(partitionKey(limit, scope, window)),
              "sk", AttributeValue.fromS("#")))
          .updateExpression(UPDATE)
          .conditionExpression(ROOM_LEFT)
          .expressionAttributeNames(NAMES)
          .expressionAttributeValues(Map.of(
              ":one", ONE,
              ":limit", AttributeValue.fromN(Integer.toString(limit.limit())),
              ":expiresAt", AttributeValue.fromN(Long.toString(
                  window.end().plus(EXPIRY_GRACE).getEpochSecond()))))
          .returnValues(ReturnValue.UPDATED_NEW));
      int hits = Integer.parseInt(response.attributes().get("hits").n());
      return RateLimitDecision.allowed(limit.limit(), limit.limit() - hits, window);
    } catch (ConditionalCheckFailedException full) {
      return RateLimitDecision.refused(limit.limit(), window, now);
    }
  }

  /** {@code RATE#{limit name}#{scope key}#{window start, epoch seconds}}. */
  static String partitionKey(RateLimit limit, String scope, RateLimitWindow window) {
    return "RATE#" + limit.name() + "#" + scopeKey(scope) + "#" + window.start().getEpochSecond();
  }

  static String scopeKey(String scope) {
    Objects.requireNonNull(scope, "scope");
    if (scope.isEmpty()) {
      throw new IllegalArgumentException("rate limit scope is empty");
    }
    if (PLAIN_SCOPE.matcher(scope).matches()) {
      return scope;
    }
    return "~" + HexFormat.of().formatHex(sha256(scope.getBytes(StandardCharsets.UTF_8)));
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }
}
