package io.tender.adapter.log;

import io.tender.adapter.json.Json;
import java.io.PrintStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One JSON object per line on standard output, which Lambda ships to CloudWatch as it is.
 * Callers pass ids and outcomes, never card data, keys or secrets.
 */
public final class JsonLog {
  private final String service;
  private final Clock clock;
  private final PrintStream out;

  public JsonLog(String service, Clock clock, PrintStream out) {
    this.service = service;
    this.clock = clock;
    this.out = out;
  }

  public static JsonLog forService(String service) {
    return new JsonLog(service, Clock.systemUTC(), System.out);
  }

  public void info(String message, Map<String, ?> fields) {
    write("INFO", message, fields);
  }

  public void warn(String message, Map<String, ?> fields) {
    write("WARN", message, fields);
  }

  public void error(String message, Map<String, ?> fields) {
    write("ERROR", message, fields);
  }

  private void write(String level, String message, Map<String, ?> fields) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("timestamp", clock.instant().toString());
    line.put("level", level);
    line.put("service", service);
    line.put("message", message);
    line.putAll(fields);
    out.println(Json.write(line));
  }
}
