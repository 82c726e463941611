package io.tender.local.dynamostream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;

class DynamoStreamEventBuilderTest {

  /** As DynamoDB Local's stream reads {@code {"M": {}}}: an attribute with no type set. */
  @Test
  void anEmptyMapThatReadsUntypedIsDeliveredAsAnEmptyMap() {
    PolledRecord polled = DynamoStreamEventBuilder.record(insert(Map.of(
        "pk", AttributeValue.fromS("IDEM#1"), "headers", AttributeValue.builder().build(),
        "codes", AttributeValue.fromL(List.of()))), "arn:aws:dynamodb:local", "eu-west-1");

    var image = polled.json().path("dynamodb").path("NewImage");
    assertThat(image.path("headers").toString()).isEqualTo("{\"M\":{}}");
    assertThat(image.path("codes").toString()).isEqualTo("{\"L\":[]}");
    assertThat(image.path("pk").toString()).isEqualTo("{\"S\":\"IDEM#1\"}");
  }

  private static Record insert(Map<String, AttributeValue> image) {
    return Record.builder().eventID("1").eventName("INSERT").eventVersion("1.1")
        .dynamodb(StreamRecord.builder().approximateCreationDateTime(Instant.parse("2026-01-01T00:00:00Z"))
            .keys(Map.of("pk", image.get("pk"))).newImage(image).sequenceNumber("100")
            .sizeBytes(10L).streamViewType("NEW_IMAGE").build())
        .build();
  }
}
