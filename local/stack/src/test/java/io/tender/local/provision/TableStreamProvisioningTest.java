package io.tender.local.provision;

import static org.assertj.core.api.Assertions.assertThat;

import io.tender.local.engines.LocalEngines;
import io.tender.local.engines.SharedEngines;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * The project's template.yaml with a stream on TenderTable, as the transactional outbox needs it,
 * provisions with the stream live on DynamoDB Local.
 */
@ExtendWith(SharedEngines.class)
class TableStreamProvisioningTest {
  private static final Path ROOT_TEMPLATE = Path.of("../../template.yaml");
  private static final Pattern TENDER_TABLE_PROPERTIES =
      Pattern.compile("(?m)^  TenderTable:\\n(?:    .*\\n)*?    Properties:\\n");
  private static final Pattern NEXT_RESOURCE = Pattern.compile("(?m)^  \\S");

  @TempDir static Path directory;
  private static ProvisionedStack stack;

  @BeforeAll
  static void provision(LocalEngines engines) throws IOException {
    Path template = directory.resolve("template.yaml");
    Files.writeString(template, withStream(Files.readString(ROOT_TEMPLATE)));
    stack = ProvisionedStack.create(engines, template, "stream-provisioning", Map.of(), Map.of());
  }

  @AfterAll
  static void close() {
    stack.close();
  }

  /** Adds the StreamSpecification, unless template.yaml has one already. */
  static String withStream(String template) {
    Matcher properties = TENDER_TABLE_PROPERTIES.matcher(template);
    assertThat(properties.find()).as("template.yaml declares TenderTable with Properties").isTrue();
    Matcher next = NEXT_RESOURCE.matcher(template);
    int end = next.find(properties.end()) ? next.start() : template.length();
    if (template.substring(properties.end(), end).contains("StreamSpecification:")) {
      return template;
    }
    return template.substring(0, properties.end())
        + "      StreamSpecification:\n        StreamViewType: NEW_IMAGE\n"
        + template.substring(properties.end());
  }

  @Test
  void theTableIsCreatedWithItsStream() {
    assertThat(stack.template().tables().get("TenderTable").streamViewType()).contains("NEW_IMAGE");
    TableDescription table = stack.dynamoDb()
        .describeTable(d -> d.tableName(stack.tableName("TenderTable"))).table();
    assertThat(table.streamSpecification().streamEnabled()).isTrue();
    assertThat(table.streamSpecification().streamViewType()).isEqualTo(StreamViewType.NEW_IMAGE);
    assertThat(stack.streamArn("TenderTable")).isEqualTo(table.latestStreamArn());
  }

  @Test
  void anItemWrittenIsReadFromTheStreamWithItsNewImage() {
    stack.dynamoDb().putItem(put -> put.tableName(stack.tableName("TenderTable")).item(Map.of(
        "pk", AttributeValue.fromS("T#t1#EVENT#e1"), "sk", AttributeValue.fromS("EVENT"),
        "kind", AttributeValue.fromS("EVENT"))));

    String streamArn = stack.streamArn("TenderTable");
    String shardId = stack.dynamoDbStreams().describeStream(d -> d.streamArn(streamArn))
        .streamDescription().shards().getFirst().shardId();
    String iterator = stack.dynamoDbStreams().getShardIterator(get -> get.streamArn(streamArn).shardId(shardId)
        .shardIteratorType("TRIM_HORIZON")).shardIterator();
    List<Record> records = stack.dynamoDbStreams().getRecords(get -> get.shardIterator(iterator)).records();

    assertThat(records).hasSize(1);
    assertThat(records.getFirst().eventNameAsString()).isEqualTo("INSERT");
    assertThat(records.getFirst().dynamodb().newImage().get("kind").s()).isEqualTo("EVENT");
  }
}
