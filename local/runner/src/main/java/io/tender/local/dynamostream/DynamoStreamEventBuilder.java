package io.tender.local.dynamostream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;

/**
 * Builds the JSON event Lambda's DynamoDB event source mapping delivers: {@code Records} whose
 * {@code dynamodb} part holds keys and images in DynamoDB's JSON ({@code {"S": "..."}}), and
 * {@code ApproximateCreationDateTime} in epoch seconds.
 */
final class DynamoStreamEventBuilder {
  private static final ObjectMapper JSON = new ObjectMapper();

  private DynamoStreamEventBuilder() {}

  static PolledRecord record(Record record, String streamArn, String region) {
    StreamRecord stream = record.dynamodb();
    ObjectNode json = JSON.createObjectNode();
    json.put("eventID", record.eventID());
    json.put("eventName", record.eventNameAsString());
    json.put("eventVersion", record.eventVersion());
    json.put("eventSource", "aws:dynamodb");
    // DynamoDB Local names a region of its own; functions see the one they run in.
    json.put("awsRegion", region);
    ObjectNode dynamodb = json.putObject("dynamodb");
    if (stream.approximateCreationDateTime() != null) {
      dynamodb.put("ApproximateCreationDateTime", stream.approximateCreationDateTime().getEpochSecond());
    }
    if (stream.hasKeys()) {
      dynamodb.set("Keys", item(stream.keys()));
    }
    if (stream.hasNewImage()) {
      dynamodb.set("NewImage", item(stream.newImage()));
    }
    if (stream.hasOldImage()) {
      dynamodb.set("OldImage", item(stream.oldImage()));
    }
    dynamodb.put("SequenceNumber", stream.sequenceNumber());
    if (stream.sizeBytes() != null) {
      dynamodb.put("SizeBytes", stream.sizeBytes());
    }
    dynamodb.put("StreamViewType", stream.streamViewTypeAsString());
    if (record.userIdentity() != null) {
      // Deletions by TTL carry the service as their identity.
      json.putObject("userIdentity")
          .put("type", record.userIdentity().type())
          .put("principalId", record.userIdentity().principalId());
    }
    json.put("eventSourceARN", streamArn);
    return new PolledRecord(stream.sequenceNumber(), stream.approximateCreationDateTime(), json);
  }

  static byte[] event(List<PolledRecord> batch) {
    ObjectNode event = JSON.createObjectNode();
    ArrayNode records = event.putArray("Records");
    batch.forEach(record -> records.add(record.json()));
    try {
      return JSON.writeValueAsBytes(event);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ObjectNode item(Map<String, AttributeValue> attributes) {
    ObjectNode item = JSON.createObjectNode();
    attributes.forEach((name, value) -> item.set(name, attribute(value)));
    return item;
  }

  private static JsonNode attribute(AttributeValue value) {
    ObjectNode typed = JSON.createObjectNode();
    switch (value.type()) {
      case S -> typed.put("S", value.s());
      case N -> typed.put("N", value.n());
      case B -> typed.put("B", base64(value.b()));
      case SS -> value.ss().forEach(typed.putArray("SS")::add);
      case NS -> value.ns().forEach(typed.putArray("NS")::add);
      case BS -> {
        ArrayNode set = typed.putArray("BS");
        value.bs().forEach(bytes -> set.add(base64(bytes)));
      }
      case M -> typed.set("M", item(value.m()));
      case L -> {
        ArrayNode list = typed.putArray("L");
        value.l().forEach(item -> list.add(attribute(item)));
      }
      case BOOL -> typed.put("BOOL", value.bool());
      case NUL -> typed.put("NULL", true);
      // DynamoDB Local's stream gives an empty map attribute no type at all (GetItem reads the
      // same attribute as {"M": {}}); DynamoDB's stream, and so Lambda, deliver {"M": {}}.
      case UNKNOWN_TO_SDK_VERSION -> {
        if (!value.equals(AttributeValue.builder().build())) {
          throw new IllegalArgumentException("an attribute of unknown type: " + value);
        }
        typed.putObject("M");
      }
      default -> throw new IllegalArgumentException("an attribute of unknown type: " + value);
    }
    return typed;
  }

  private static String base64(SdkBytes bytes) {
    return Base64.getEncoder().encodeToString(bytes.asByteArray());
  }
}
