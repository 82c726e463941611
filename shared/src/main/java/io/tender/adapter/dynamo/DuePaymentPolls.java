package io.tender.adapter.dynamo;

import io.tender.core.reconcile.DuePayments;
import io.tender.core.tenant.Mode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Payment polls through the sparse {@code due} index: {@code duePk = DUE#PAYMENT_POLL#{shard}},
 * {@code dueSk = {next poll, epoch seconds, 12 digits}#{paymentId}}, 8 shards by payment id so no
 * index partition runs hot. The keys live on the payment item and are written by its own
 * versioned put ({@link PaymentItems}), so reading costs what is due, not what exists.
 */
public final class DuePaymentPolls implements DuePayments {
  static final int SHARDS = 8;
  private static final String KIND = "DUE#PAYMENT_POLL#";

  private final DynamoDbClient dynamo;
  private final String table;

  public DuePaymentPolls(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  static String partition(String paymentId) {
    return KIND + Math.floorMod(Arrays.hashCode(paymentId.getBytes(StandardCharsets.UTF_8)), SHARDS);
  }

  /** Fixed-width epoch seconds, so that text order is time order. */
  static String sortKey(Instant at, String paymentId) {
    return String.format("%012d", at.getEpochSecond()) + "#" + paymentId;
  }

  @Override
  public List<Due> dueBy(Instant now, int limit) {
    List<Due> due = new ArrayList<>();
    for (int shard = 0; shard < SHARDS && due.size() < limit; shard++) {
      String partition = KIND + shard;
      int wanted = limit - due.size();
      dynamo.query(query -> query.tableName(table).indexName("due")
              .keyConditionExpression("duePk = :partition AND dueSk <= :now")
              .expressionAttributeValues(Map.of(":partition", AttributeValue.fromS(partition),
                  // '~' sorts after every id character, so the whole second of "now" is included.
                  ":now", AttributeValue.fromS(String.format("%012d", now.getEpochSecond()) + "#~")))
              .limit(wanted))
          .items().forEach(item -> due.add(due(item.get("pk").s())));
    }
    return due;
  }

  /** {@code T#{tenant}#{mode}#PAY#{id}} back into its parts. */
  private static Due due(String pk) {
    String[] parts = pk.split("#");
    return new Due(parts[1], Mode.fromWire(parts[2]).orElseThrow(), parts[4]);
  }
}
