package io.tender.bench.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tender.local.engines.LocalEngines;
import io.tender.local.engines.SharedEngines;
import io.tender.local.provision.ProvisionedStack;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * What DynamoDB Local reports, and what the meter bills instead where it under-reports, on the
 * template's own table (gsi1 projecting ALL, the sparse KEYS_ONLY {@code due} index).
 */
@ExtendWith(SharedEngines.class)
class DynamoDbLocalCapacityTest {
  private static ProvisionedStack stack;
  private static DynamoDbClient dynamo;
  private static String table;

  @BeforeAll
  static void provision(LocalEngines engines) {
    stack = ProvisionedStack.create(engines, Path.of("../template.yaml"), "capacitymodel", Map.of(), Map.of());
    dynamo = stack.dynamoDb();
    table = stack.tableName("TenderTable");
  }

  @AfterAll
  static void close() {
    stack.close();
  }

  @Test
  void singleWritesAreReportedWithTheirIndexWritesAndBilledAsReported() {
    List<MeteredCall> calls = metered(() -> {
      dynamo.putItem(put -> put.tableName(table).item(item("single-1", true)));
      dynamo.updateItem(update -> update.tableName(table).key(key("single-1")).updateExpression("REMOVE duePk, dueSk"));
    });

    assertThat(calls).extracting(MeteredCall::reportedWrite).containsExactly(3.0, 3.0);
    assertThat(calls).extracting(MeteredCall::write).containsExactly(3.0, 3.0);
  }

  @Test
  void theWriteCostModelAgreesWithDynamoDbLocalOnSingleWrites() {
    TableIndexes indexes = TableIndexes.of(dynamo.describeTable(d -> d.tableName(table)).table());
    Map<String, AttributeValue> indexed = item("model-1", true);
    Map<String, AttributeValue> swept = new java.util.HashMap<>(indexed);
    swept.remove("duePk");
    swept.remove("dueSk");

    assertThat(WriteCost.units(null, indexed, indexes)).as("table + gsi1 + due").isEqualTo(3);
    assertThat(WriteCost.units(indexed, swept, indexes)).as("table + gsi1 (projects duePk) + leaving due").isEqualTo(3);
    assertThat(WriteCost.units(swept, swept, indexes)).as("an unchanged rewrite touches no index").isEqualTo(1);
  }

  @Test
  void aTransactionIsUnderReportedAndBilledTwiceEachItem() {
    List<MeteredCall> calls = metered(() -> dynamo.transactWriteItems(tx -> tx.transactItems(
        put(item("tx-1", false)), put(item("tx-2", false)), put(item("tx-3", true)))));

    MeteredCall call = calls.get(0);
    assertThat(call.reportedWrite()).as("DynamoDB Local's report").isLessThan(call.write());
    assertThat(call.write()).as("2 x (1 + 1 + (1 + gsi1 + due))").isEqualTo(10.0);
  }

  @Test
  void aFailedConditionIsReportedAsNothingAndBilledAtLeastOneUnit() {
    dynamo.putItem(put -> put.tableName(table).item(item("taken", false)));

    List<MeteredCall> calls = metered(() -> assertThatThrownBy(() -> dynamo.putItem(put -> put.tableName(table)
        .item(item("taken", false)).conditionExpression("attribute_not_exists(pk)")))
        .isInstanceOf(ConditionalCheckFailedException.class));

    assertThat(calls).singleElement().satisfies(call -> {
      assertThat(call.reportedWrite()).isZero();
      assertThat(call.write()).isEqualTo(1.0);
      assertThat(call.outcome()).isEqualTo("condition failed");
    });
  }

  @Test
  void aQueryThatFindsNothingIsBilledTheMinimumRead() {
    List<MeteredCall> calls = metered(() -> dynamo.query(query -> query.tableName(table).indexName("due")
        .keyConditionExpression("duePk = :p").expressionAttributeValues(Map.of(":p", s("DUE#NOTHING#0")))));

    assertThat(calls).singleElement().satisfies(call -> {
      assertThat(call.reportedRead()).isZero();
      assertThat(call.read()).isEqualTo(0.5);
    });
  }

  private static List<MeteredCall> metered(Runnable work) {
    try (CapacityMeter meter = CapacityMeter.start(dynamo)) {
      work.run();
      return meter.calls();
    }
  }

  private static TransactWriteItem put(Map<String, AttributeValue> item) {
    return TransactWriteItem.builder().put(put -> put.tableName(table).item(item)).build();
  }

  private static Map<String, AttributeValue> key(String id) {
    return Map.of("pk", s("T#ten_1#test#CS#" + id), "sk", s("#"));
  }

  private static Map<String, AttributeValue> item(String id, boolean indexed) {
    Map<String, AttributeValue> item = new java.util.HashMap<>(key(id));
    item.put("reference", s("order-" + id));
    if (indexed) {
      item.put("gsi1pk", s("T#ten_1#test#CS"));
      item.put("gsi1sk", s(id));
      item.put("duePk", s("DUE#SESSION_EXPIRY#0"));
      item.put("dueSk", s("000000000001#" + id));
    }
    return item;
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }
}
