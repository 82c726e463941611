package io.tender.adapter.dynamo;

import static org.assertj.core.api.Assertions.assertThat;

import io.tender.core.audit.Actor;
import io.tender.core.audit.AuditEntry;
import io.tender.core.audit.AuditEvent;
import io.tender.core.audit.AuditLog;
import io.tender.core.audit.AuditLogContract;
import io.tender.core.audit.ChainVerification;
import io.tender.local.engines.LocalEngines;
import io.tender.local.engines.SharedEngines;
import io.tender.testing.LocalTender;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The audit contract on DynamoDB Local, tampering with items through the raw client. */
@ExtendWith(SharedEngines.class)
class DynamoAuditLogTest extends AuditLogContract {
  static LocalTender tender;
  static DynamoDbClient dynamo;
  static DynamoAuditLog log;

  @BeforeAll
  static void provision(LocalEngines engines) {
    tender = LocalTender.provision(engines);
    dynamo = tender.clients().dynamoDb();
    log = new DynamoAuditLog(dynamo, tender.tableName(), new SplittableRandom(7));
  }

  @AfterAll
  static void close() {
    dynamo.close();
    tender.close();
  }

  @Override
  protected AuditLog log() {
    return log;
  }

  @Override
  protected void overwriteStoredAction(String tenantId, long sequence, String action) {
    set(tenantId, sequence, Map.of("action", s(action)));
  }

  @Override
  protected void overwriteStoredDetails(String tenantId, long sequence, Map<String, String> details) {
    set(tenantId, sequence, Map.of("details", map(details)));
  }

  @Override
  protected void overwriteStoredDetailsAndHash(String tenantId, long sequence,
      Map<String, String> details, String hash) {
    set(tenantId, sequence, Map.of("details", map(details), "hash", s(hash)));
  }

  @Override
  protected void deleteStored(String tenantId, long sequence) {
    dynamo.deleteItem(delete -> delete.tableName(tender.tableName()).key(key(tenantId, sequence))
        .conditionExpression("attribute_exists(pk)"));
  }

  @Test
  void entriesAreStoredUnderTheTenantsAuditPartitionWithPaddedSequences() {
    String tenant = newTenant();
    AuditEntry first = appendMany(tenant, 1).get(0);

    Map<String, AttributeValue> item = dynamo.getItem(get -> get.tableName(tender.tableName())
        .key(Map.of("pk", s("T#" + tenant + "#AUDIT"), "sk", s("0000000000000000001")))
        .consistentRead(true)).item();

    assertThat(item).containsEntry("action", s("refund.created"))
        .containsEntry("actorType", s("api_key"))
        .containsEntry("actorId", s("key_1"))
        .containsEntry("ip", s("203.0.113.1"))
        .containsEntry("requestId", s("req_1"))
        .containsEntry("details", map(Map.of("refundId", "re_1", "amount", "100")))
        .containsEntry("at", s(first.at().toString()))
        .containsEntry("previousHash", s(first.previousHash()))
        .containsEntry("hash", s(first.hash()));
  }

  @Test
  void aChangedTimeIsReportedAtItsSequence() {
    String tenant = newTenant();
    AuditEntry second = appendMany(tenant, 3).get(1);

    set(tenant, 2, Map.of("at", s(second.at().plusSeconds(3600).toString())));

    assertThat(log.verify(tenant).firstBrokenSequence()).contains(2L);
    assertThat(log.verify(tenant).problem()).get().asString()
        .startsWith(ChainVerification.CHANGED_ENTRY);
  }

  @Test
  void anEntryEditedIntoSomethingUnreadableIsReportedAsChangedNotThrown() {
    String tenant = newTenant();
    appendMany(tenant, 4);

    dynamo.updateItem(update -> update.tableName(tender.tableName()).key(key(tenant, 2))
        .updateExpression("REMOVE #hash").expressionAttributeNames(Map.of("#hash", "hash")));

    ChainVerification verification = log.verify(tenant);
    assertThat(verification.firstBrokenSequence()).contains(2L);
    assertThat(verification.problem()).get().asString()
        .startsWith(ChainVerification.CHANGED_ENTRY).contains("cannot be read");
  }

  @Test
  void anEntryCopiedFromAnotherTenantsChainDoesNotVerify() {
    String victim = newTenant();
    String other = newTenant();
    appendMany(victim, 2);
    appendMany(other, 2);
    Map<String, AttributeValue> copied = new HashMap<>(dynamo.getItem(get -> get
        .tableName(tender.tableName()).key(key(other, 2)).consistentRead(true)).item());
    copied.putAll(key(victim, 2));

    dynamo.putItem(put -> put.tableName(tender.tableName()).item(copied));

    assertThat(log.verify(victim).firstBrokenSequence()).contains(2L);
    assertThat(log.verify(other)).isEqualTo(ChainVerification.intact(2));
  }

  @Test
  void verificationWalksChainsLongerThanOneQueryPage() {
    String tenant = newTenant();
    // Details near their limits make each item ~17 KB, so 70 of them exceed a 1 MB query page.
    Map<String, String> bulky = new HashMap<>();
    for (int n = 0; n < 32; n++) {
      bulky.put("detail" + n, "x".repeat(512));
    }
    for (int n = 1; n <= 70; n++) {
      log.append(tenant, new AuditEvent("export.created", Actor.user("usr_" + n), null, null, bulky),
          T0.plusSeconds(n));
    }

    assertThat(log.verify(tenant)).isEqualTo(ChainVerification.intact(70));
    deleteStored(tenant, 65);
    assertThat(log.verify(tenant).firstBrokenSequence()).contains(65L);
  }

  private void set(String tenantId, long sequence, Map<String, AttributeValue> attributes) {
    Map<String, String> names = new HashMap<>();
    Map<String, AttributeValue> values = new HashMap<>();
    StringBuilder expression = new StringBuilder("SET ");
    attributes.forEach((name, value) -> {
      if (!names.isEmpty()) {
        expression.append(", ");
      }
      String alias = "#a" + names.size();
      names.put(alias, name);
      values.put(":v" + values.size(), value);
      expression.append(alias).append(" = :v").append(values.size() - 1);
    });
    dynamo.updateItem(update -> update.tableName(tender.tableName()).key(key(tenantId, sequence))
        .updateExpression(expression.toString())
        .expressionAttributeNames(names)
        .expressionAttributeValues(values)
        .conditionExpression("attribute_exists(pk)"));
  }

  private static Map<String, AttributeValue> key(String tenantId, long sequence) {
    return Map.of("pk", s("T#" + tenantId + "#AUDIT"), "sk", s(String.format("%019d", sequence)));
  }

  private static AttributeValue map(Map<String, String> details) {
    Map<String, AttributeValue> m = new HashMap<>();
    details.forEach((k, v) -> m.put(k, s(v)));
    return AttributeValue.fromM(m);
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }
}
