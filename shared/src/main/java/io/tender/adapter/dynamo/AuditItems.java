package io.tender.adapter.dynamo;

import io.tender.core.audit.Actor;
import io.tender.core.audit.AuditEntry;
import io.tender.core.audit.AuditEvent;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * How an audit entry is stored: {@code pk = T#{tenant}#AUDIT}, {@code sk = } the sequence padded
 * to 19 digits (so the sort key orders as the number does), and one attribute per field. The
 * sequence lives only in the key and the tenant only in the partition: one source for each.
 */
final class AuditItems {
  static final String PK = "pk";
  static final String SK = "sk";
  static final String ACTION = "action";
  static final String ACTOR_TYPE = "actorType";
  static final String ACTOR_ID = "actorId";
  static final String IP = "ip";
  static final String REQUEST_ID = "requestId";
  static final String DETAILS = "details";
  static final String AT = "at";
  static final String PREVIOUS_HASH = "previousHash";
  static final String HASH = "hash";

  private AuditItems() {}

  static String partitionKey(String tenantId) {
    return "T#" + tenantId + "#AUDIT";
  }

  static String sortKey(long sequence) {
    return String.format("%019d", sequence);
  }

  /** The sequence a sort key holds; {@link IllegalArgumentException} when it holds none. */
  static long sequenceOf(String sortKey) {
    if (sortKey == null || !sortKey.matches("[0-9]{19}")) {
      throw new IllegalArgumentException("sort key " + sortKey + " is not a sequence");
    }
    return Long.parseLong(sortKey);
  }

  static Map<String, AttributeValue> toItem(AuditEntry entry) {
    AuditEvent event = entry.event();
    Map<String, AttributeValue> item = new HashMap<>();
    item.put(PK, s(partitionKey(entry.tenantId())));
    item.put(SK, s(sortKey(entry.sequence())));
    item.put(ACTION, s(event.action()));
    item.put(ACTOR_TYPE, s(event.actor().type()));
    item.put(ACTOR_ID, s(event.actor().id()));
    if (event.ip() != null) {
      item.put(IP, s(event.ip()));
    }
    if (event.requestId() != null) {
      item.put(REQUEST_ID, s(event.requestId()));
    }
    Map<String, AttributeValue> details = new HashMap<>();
    event.details().forEach((key, value) -> details.put(key, s(value)));
    item.put(DETAILS, AttributeValue.fromM(details));
    item.put(AT, s(entry.at().toString()));
    item.put(PREVIOUS_HASH, s(entry.previousHash()));
    item.put(HASH, s(entry.hash()));
    return item;
  }

  /**
   * The entry an item of {@code tenantId}'s chain holds; {@link IllegalArgumentException} when
   * the item is not a well-formed entry (as after someone edits it by hand).
   */
  static AuditEntry fromItem(String tenantId, Map<String, AttributeValue> item) {
    long sequence = sequenceOf(text(item, SK));
    AttributeValue storedDetails = item.get(DETAILS);
    if (storedDetails == null || !storedDetails.hasM()) {
      throw new IllegalArgumentException("attribute " + DETAILS + " is missing or not a map");
    }
    Map<String, String> details = new LinkedHashMap<>();
    storedDetails.m().forEach((key, value) -> {
      if (value.s() == null) {
        throw new IllegalArgumentException("detail " + key + " is not a string");
      }
      details.put(key, value.s());
    });
    Instant at;
    try {
      at = Instant.parse(text(item, AT));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("attribute " + AT + " is not an ISO-8601 instant");
    }
    AuditEvent event = new AuditEvent(text(item, ACTION),
        new Actor(text(item, ACTOR_TYPE), text(item, ACTOR_ID)),
        optionalText(item, IP), optionalText(item, REQUEST_ID), details);
    return new AuditEntry(tenantId, sequence, event, at, text(item, PREVIOUS_HASH), text(item, HASH));
  }

  private static String text(Map<String, AttributeValue> item, String name) {
    String value = optionalText(item, name);
    if (value == null) {
      throw new IllegalArgumentException("attribute " + name + " is missing");
    }
    return value;
  }

  private static String optionalText(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    if (value == null) {
      return null;
    }
    if (value.s() == null) {
      throw new IllegalArgumentException("attribute " + name + " is not a string");
    }
    return value.s();
  }

  static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }
}
