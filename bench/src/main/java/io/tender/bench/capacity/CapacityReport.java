package io.tender.bench.capacity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** Metered calls summed per step, part and operation, as a Markdown table. */
public final class CapacityReport {
  private CapacityReport() {}

  /** One row: the calls of one operation within one part of one step. */
  public record Line(String step, String part, String operation, String outcome, int calls, int items,
      double reportedRead, double reportedWrite, double read, double write) {}

  /** Groups {@code calls} by step, then {@code part} (for example the function's role), then operation. */
  public static List<Line> lines(List<MeteredCall> calls, Function<MeteredCall, String> part) {
    Map<List<String>, List<MeteredCall>> groups = new LinkedHashMap<>();
    for (MeteredCall call : calls) {
      groups.computeIfAbsent(List.of(call.step(), part.apply(call), call.operation(), call.outcome()),
          key -> new ArrayList<>()).add(call);
    }
    List<Line> lines = new ArrayList<>();
    groups.forEach((key, group) -> lines.add(new Line(key.get(0), key.get(1), key.get(2), key.get(3), group.size(),
        group.stream().mapToInt(MeteredCall::items).sum(),
        group.stream().mapToDouble(MeteredCall::reportedRead).sum(),
        group.stream().mapToDouble(MeteredCall::reportedWrite).sum(),
        group.stream().mapToDouble(MeteredCall::read).sum(),
        group.stream().mapToDouble(MeteredCall::write).sum())));
    return lines;
  }

  public static double read(List<MeteredCall> calls) {
    return calls.stream().mapToDouble(MeteredCall::read).sum();
  }

  public static double write(List<MeteredCall> calls) {
    return calls.stream().mapToDouble(MeteredCall::write).sum();
  }

  public static String markdown(List<Line> lines) {
    StringBuilder table = new StringBuilder()
        .append("| step | part | operation | outcome | calls | items | WRU billed | RRU billed | WRU reported by DynamoDB Local | RRU reported |\n")
        .append("|---|---|---|---|--:|--:|--:|--:|--:|--:|\n");
    for (Line line : lines) {
      table.append("| ").append(line.step()).append(" | ").append(line.part()).append(" | ")
          .append(line.operation()).append(" | ").append(line.outcome()).append(" | ").append(line.calls())
          .append(" | ").append(line.items()).append(" | ").append(units(line.write())).append(" | ")
          .append(units(line.read())).append(" | ").append(units(line.reportedWrite())).append(" | ")
          .append(units(line.reportedRead())).append(" |\n");
    }
    return table.toString();
  }

  public static String units(double units) {
    return units == Math.rint(units) ? Long.toString((long) units) : String.format(Locale.ROOT, "%.1f", units);
  }
}
