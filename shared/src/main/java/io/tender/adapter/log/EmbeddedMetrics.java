package io.tender.adapter.log;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tender.adapter.json.Json;
import io.tender.core.metric.Metrics;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;
import java.util.Set;

/**
 * Counts as CloudWatch Embedded Metric Format lines on the function's log output: CloudWatch
 * Logs turns each line into a data point, with no API call and no permission needed. One line
 * per count, dimension {@code service} only; the context is kept as searchable properties of the
 * line, and it also reads as a log line of {@link JsonLog}'s shape.
 */
public final class EmbeddedMetrics implements Metrics {
  public static final String NAMESPACE = "Tender";
  private static final Set<String> RESERVED = Set.of("_aws", "timestamp", "level", "service", "message");

  private final String service;
  private final Clock clock;
  private final PrintStream out;

  public EmbeddedMetrics(String service, Clock clock, PrintStream out) {
    this.service = service;
    this.clock = clock;
    this.out = out;
  }

  @Override
  public void count(String name, Map<String, String> context) {
    ObjectNode line = Json.object();
    ObjectNode aws = line.putObject("_aws");
    aws.put("Timestamp", clock.millis());
    ObjectNode directive = aws.putArray("CloudWatchMetrics").addObject();
    directive.put("Namespace", NAMESPACE);
    directive.putArray("Dimensions").addArray().add("service");
    ArrayNode metrics = directive.putArray("Metrics");
    metrics.addObject().put("Name", name).put("Unit", "Count");
    line.put("timestamp", clock.instant().toString());
    line.put("level", "INFO");
    line.put("service", service);
    line.put("message", "metric " + name);
    line.put(name, 1);
    context.forEach((key, value) -> {
      if (!RESERVED.contains(key) && !key.equals(name)) {
        line.put(key, value);
      }
    });
    out.println(line);
  }
}
