package io.tender.bench.coldstart;

import java.nio.file.Files;
import java.nio.file.Path;

/** Whether {@code taskset} can pin a process to CPUs here (Linux, with 2 CPUs or more). */
public final class Taskset {
  private Taskset() {}

  public static boolean available() {
    return Runtime.getRuntime().availableProcessors() >= 2
        && (Files.isExecutable(Path.of("/usr/bin/taskset")) || Files.isExecutable(Path.of("/bin/taskset")));
  }
}
