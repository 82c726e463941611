package io.tender.local.schedule;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** The event EventBridge delivers for a schedule: its constant {@code Input}, else the envelope. */
final class ScheduledEvents {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ScheduledEvents() {}

  static byte[] event(String input, String ruleArn, String accountId, String region, Instant time) {
    if (input != null) {
      return input.getBytes(StandardCharsets.UTF_8);
    }
    ObjectNode event = JSON.createObjectNode();
    event.put("version", "0");
    event.put("id", UUID.randomUUID().toString());
    event.put("detail-type", "Scheduled Event");
    event.put("source", "aws.events");
    event.put("account", accountId);
    event.put("time", time.truncatedTo(ChronoUnit.SECONDS).toString());
    event.put("region", region);
    event.putArray("resources").add(ruleArn);
    event.putObject("detail");
    return event.toString().getBytes(StandardCharsets.UTF_8);
  }
}
