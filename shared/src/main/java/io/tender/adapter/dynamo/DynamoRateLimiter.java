package io.tender.adapter.dynamo;

import io.tender.core.ratelimit.LeasingRateLimiter;
import io.tender.core.ratelimit.RateLimit;
import io.tender.core.ratelimit.RateLimitDecision;
import io.tender.core.ratelimit.RateLimitWindow;
import io.tender.core.ratelimit.RateLimiter;
import io.tender.core.ratelimit.TokenLease;
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
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * Fixed-window counters in the Tender table, one item per (limit, scope, window):
 * {@code pk = RATE#{limit name}#{scope key}#{window start, epoch seconds}}, {@code sk = #},
 * spent through a {@link LeasingRateLimiter}.
 *
 * <p>A container takes a lease of {@code n} tokens ({@link LeasingRateLimiter}: 2, doubling up to
 * a tenth of the limit) with ONE conditional {@code UpdateItem}: {@code ADD hits :n} only while
 * {@code hits <= limit - n}. The
 * condition and the increment are one atomic step, so all containers together can never take more
 * than {@code limit} tokens, and a refused request (nothing left) adds nothing. When fewer than
 * {@code n} are left the failed update returns the counter ({@code ALL_OLD}) and the container
 * takes what is left with a second one. Limits under 20 take one token per request, as a single
 * counter does; larger ones pay one write per lease. The price is in {@link LeasingRateLimiter}:
 * tokens a container leased and did not spend are not given back, so another container may
 * refuse early, by at most {@code (n - 1) × containers} in the window, and by no more than each
 * of those containers has let through, plus one.
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
  private static final String UPDATE = "ADD #hits :wanted SET #expiresAt = :expiresAt";
  private static final String ROOM_FOR_WANTED = "attribute_not_exists(#hits) OR #hits <= :most";
  private static final Map<String, String> NAMES = Map.of("#hits", "hits", "#expiresAt", "expiresAt");

  private final DynamoDbClient dynamo;
  private final String tableName;
  private final LeasingRateLimiter leasing;

  public DynamoRateLimiter(DynamoDbClient dynamo, String tableName) {
    this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
    this.tableName = Objects.requireNonNull(tableName, "tableName");
    this.leasing = new LeasingRateLimiter(this::take);
  }

  @Override
  public RateLimitDecision acquire(RateLimit limit, String scope, Instant now) {
    return leasing.acquire(limit, scope, now);
  }

  /** The lease: {@code wanted} tokens, or what is left when that is fewer, or none. */
  TokenLease take(RateLimit limit, String scope, RateLimitWindow window, int wanted) {
    Map<String, AttributeValue> key = Map.of(
        "pk", AttributeValue.fromS(partitionKey(limit, scope, window)),
        "sk", AttributeValue.fromS("#"));
    AttributeValue expiresAt = AttributeValue.fromN(Long.toString(
        window.end().plus(EXPIRY_GRACE).getEpochSecond()));
    int asking = Math.min(wanted, limit.limit());
    while (true) {
      int tokens = asking;
      try {
        UpdateItemResponse response = dynamo.updateItem(update -> update
            .tableName(tableName)
            .key(key)
            .updateExpression(UPDATE)
            .conditionExpression(ROOM_FOR_WANTED)
            .expressionAttributeNames(NAMES)
            .expressionAttributeValues(Map.of(
                ":wanted", AttributeValue.fromN(Integer.toString(tokens)),
                ":most", AttributeValue.fromN(Integer.toString(limit.limit() - tokens)),
                ":expiresAt", expiresAt))
            .returnValues(ReturnValue.UPDATED_NEW)
            .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
        return new TokenLease(tokens, Integer.parseInt(response.attributes().get("hits").n()));
      } catch (ConditionalCheckFailedException tooFewLeft) {
        // The condition fails only on an item whose hits are above limit - tokens.
        int counted = countOf(tooFewLeft);
        if (counted >= limit.limit()) {
          return TokenLease.none(counted);
        }
        // Fewer than asked are left: take them all. A concurrent lease that gets there first
        // makes this fail again with a higher count, so the loop ends once the window is used up.
        asking = limit.limit() - counted;
      }
    }
  }

  private static int countOf(ConditionalCheckFailedException failed) {
    AttributeValue hits = failed.hasItem() ? failed.item().get("hits") : null;
    if (hits == null || hits.n() == null) {
      throw new IllegalStateException("a failed rate counter update returned no count", failed);
    }
    return Integer.parseInt(hits.n());
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
