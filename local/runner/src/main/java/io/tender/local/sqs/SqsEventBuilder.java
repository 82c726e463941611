package io.tender.local.sqs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/** Builds the JSON event Lambda's SQS event source mapping delivers for a batch of messages. */
final class SqsEventBuilder {
  private static final ObjectMapper JSON = new ObjectMapper();

  private SqsEventBuilder() {}

  static byte[] event(List<Message> messages, String queueArn, String region) {
    ObjectNode event = JSON.createObjectNode();
    ArrayNode records = event.putArray("Records");
    for (Message message : messages) {
      ObjectNode record = records.addObject();
      record.put("messageId", message.messageId());
      record.put("receiptHandle", message.receiptHandle());
      record.put("body", message.body());
      ObjectNode attributes = record.putObject("attributes");
      message.attributesAsStrings().forEach(attributes::put);
      ObjectNode messageAttributes = record.putObject("messageAttributes");
      message.messageAttributes().forEach((name, value) -> messageAttributes.set(name, attribute(value)));
      record.put("md5OfBody", message.md5OfBody());
      if (message.md5OfMessageAttributes() != null) {
        record.put("md5OfMessageAttributes", message.md5OfMessageAttributes());
      }
      record.put("eventSource", "aws:sqs");
      record.put("eventSourceARN", queueArn);
      record.put("awsRegion", region);
    }
    try {
      return JSON.writeValueAsBytes(event);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ObjectNode attribute(MessageAttributeValue value) {
    ObjectNode node = JSON.createObjectNode();
    if (value.stringValue() != null) {
      node.put("stringValue", value.stringValue());
    }
    if (value.binaryValue() != null) {
      node.put("binaryValue", Base64.getEncoder().encodeToString(value.binaryValue().asByteArray()));
    }
    node.putArray("stringListValues");
    node.putArray("binaryListValues");
    node.put("dataType", value.dataType());
    return node;
  }

  /**
   * Which messages to keep, read from the handler's {@code SQSBatchResponse} by Lambda's rules:
   * nothing (or an empty list) reported is full success; invalid JSON, an empty or null
   * {@code itemIdentifier}, or an id not in the batch fails the whole batch.
   */
  static Set<String> failedMessageIds(byte[] output, Set<String> batch) {
    JsonNode response;
    try {
      response = JSON.readTree(output);
    } catch (IOException e) {
      return batch;
    }
    if (response == null || response.isNull() || response.isMissingNode()) {
      return Set.of();
    }
    JsonNode failures = response.path("batchItemFailures");
    if (failures.isMissingNode() || failures.isNull()) {
      return Set.of();
    }
    if (!failures.isArray()) {
      return batch;
    }
    Set<String> failed = new HashSet<>();
    for (JsonNode failure : failures) {
      String id = failure.path("itemIdentifier").asText("");
      if (id.isEmpty() || !batch.contains(id)) {
        return batch;
      }
      failed.add(id);
    }
    return failed;
  }
}
