package io.tender.adapter.log;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tender.adapter.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One CloudWatch Embedded Metric Format line per count, as CloudWatch Logs reads them. */
class EmbeddedMetricsTest {
  private static final Instant NOW = Instant.parse("2026-05-04T09:00:00Z");

  @Test
  void aCountIsOneLineThatDeclaresTheMetricAndCarriesItsContext() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    EmbeddedMetrics metrics = new EmbeddedMetrics("tender", Clock.fixed(NOW, ZoneOffset.UTC),
        new PrintStream(out, true, StandardCharsets.UTF_8));

    metrics.count("settlement.dead_lettered", Map.of("messageId", "m-1", "service", "not a dimension override"));

    String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
    assertThat(lines).hasSize(1);
    JsonNode line = Json.mapper().readTree(lines[0]);
    JsonNode directive = line.path("_aws").path("CloudWatchMetrics").get(0);
    assertThat(line.path("_aws").path("Timestamp").asLong()).isEqualTo(NOW.toEpochMilli());
    assertThat(directive.path("Namespace").asText()).isEqualTo("Tender");
    assertThat(directive.path("Dimensions").toString()).isEqualTo("[[\"service\"]]");
    assertThat(directive.path("Metrics").get(0).path("Name").asText()).isEqualTo("settlement.dead_lettered");
    assertThat(directive.path("Metrics").get(0).path("Unit").asText()).isEqualTo("Count");
    assertThat(line.path("settlement.dead_lettered").asInt()).isEqualTo(1);
    assertThat(line.path("service").asText()).as("the dimension's value").isEqualTo("tender");
    assertThat(line.path("messageId").asText()).isEqualTo("m-1");
    assertThat(line.path("level").asText()).isEqualTo("INFO");
  }
}
