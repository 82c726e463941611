package io.tender.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the hosted functions log, as Lambda would ship it: their JSON lines on standard output,
 * kept while installed (and still printed). Installed before the gateway starts, since a function
 * takes its output stream when its first instance is built.
 */
final class FunctionLogs implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final PrintStream original;
  private final List<JsonNode> lines = new CopyOnWriteArrayList<>();
  private final List<String> text = new CopyOnWriteArrayList<>();

  private FunctionLogs(PrintStream original) {
    this.original = original;
  }

  static FunctionLogs install() {
    FunctionLogs logs = new FunctionLogs(System.out);
    System.setOut(new PrintStream(logs.new Tee(), true, StandardCharsets.UTF_8));
    return logs;
  }

  /** Every JSON line logged with {@code message}, in order. */
  List<JsonNode> withMessage(String message) {
    List<JsonNode> found = new ArrayList<>();
    for (JsonNode line : lines) {
      if (message.equals(line.path("message").asText())) {
        found.add(line);
      }
    }
    return found;
  }

  /** The settlement consumer's line for each time it settled a hint of this provider event. */
  List<JsonNode> settlementsOf(String eventId) {
    return withMessage("provider event settled").stream()
        .filter(line -> eventId.equals(line.path("event").asText()))
        .toList();
  }

  /** Settlements (of any provider event) that changed this payment. */
  List<JsonNode> settlementsApplyingTo(String paymentId) {
    return withMessage("provider event settled").stream()
        .filter(line -> "Applied".equals(line.path("outcome").asText()) && paymentId.equals(line.path("payment").asText()))
        .toList();
  }

  /** The reason the Stripe ingress gave for the last webhook it refused, or "" when none was. */
  String lastRejection() {
    List<JsonNode> rejected = withMessage("stripe webhook rejected");
    return rejected.isEmpty() ? "" : rejected.getLast().path("reason").asText();
  }

  /** Whether any line printed while installed, JSON or not, contains {@code fragment}. */
  boolean mentions(String fragment) {
    return text.stream().anyMatch(line -> line.contains(fragment));
  }

  int rejections() {
    return withMessage("stripe webhook rejected").size();
  }

  @Override
  public void close() {
    System.setOut(original);
  }

  /** Passes every byte on, and keeps each complete line that parses as a JSON object. */
  private final class Tee extends OutputStream {
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    @Override
    public synchronized void write(int b) {
      original.write(b);
      collect(b);
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
      original.write(bytes, offset, length);
      for (int i = offset; i < offset + length; i++) {
        collect(bytes[i]);
      }
    }

    private void collect(int b) {
      if (b == '\n') {
        keep();
      } else {
        line.write(b);
      }
    }

    @Override
    public synchronized void flush() {
      original.flush();
    }

    private void keep() {
      String text = line.toString(StandardCharsets.UTF_8).strip();
      line.reset();
      FunctionLogs.this.text.add(text);
      if (text.startsWith("{")) {
        try {
          lines.add(JSON.readTree(text));
        } catch (IOException notJson) {
          // the runner's own lines and stack traces are not function logs
        }
      }
    }
  }
}
