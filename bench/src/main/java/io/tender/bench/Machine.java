package io.tender.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** What a run's figures were measured on, for the report's header. */
final class Machine {
  private Machine() {}

  static String describe(boolean smoke, Instant started) {
    return "| | |\n|---|---|\n"
        + "| date | " + started.truncatedTo(ChronoUnit.SECONDS) + " |\n"
        + "| machine | " + cpu() + ", " + Runtime.getRuntime().availableProcessors() + " CPUs, "
        + memory() + ", " + System.getProperty("os.name") + " " + System.getProperty("os.arch") + " |\n"
        + "| JVM | " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + " |\n"
        + "| load average at start (1, 5, 15 min) | " + load() + " |\n"
        + "| mode | " + (smoke ? "smoke (tiny sizes: proves the harness runs, figures mean nothing)" : "full") + " |\n"
        + "| command | `bench/run` (= `mvn -B -pl bench -am verify -Pbench -DskipTests`"
        + (smoke ? " `-Dbench.smoke=true`" : "") + ") |\n";
  }

  private static String cpu() {
    return firstLine(Path.of("/proc/cpuinfo"), "model name").map(line -> line.replaceFirst("^[^:]*:\\s*", ""))
        .orElse(System.getProperty("os.arch"));
  }

  private static String memory() {
    return firstLine(Path.of("/proc/meminfo"), "MemTotal").map(line -> {
      long kib = Long.parseLong(line.replaceAll("\\D", ""));
      return (kib / 1024 / 1024) + " GiB";
    }).orElse("memory unknown");
  }

  private static String load() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return parts[0] + ", " + parts[1] + ", " + parts[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  private static java.util.Optional<String> firstLine(Path file, String prefix) {
    try {
      List<String> lines = Files.readAllLines(file);
      return lines.stream().filter(line -> line.startsWith(prefix)).findFirst();
    } catch (IOException | RuntimeException e) {
      return java.util.Optional.empty();
    }
  }
}
