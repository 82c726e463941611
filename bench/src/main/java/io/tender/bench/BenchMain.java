package io.tender.bench;

import io.tender.bench.capacity.PaymentLifecycle;
import io.tender.bench.coldstart.ColdStartBench;
import io.tender.bench.hot.HotMerchantBench;
import io.tender.bench.stack.BenchStack;
import io.tender.bench.sweep.SweepCostBench;
import io.tender.bench.warm.WarmOverheadBench;
import io.tender.core.ratelimit.RateLimitPolicies;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs every benchmark of issue #6 and writes the figures as Markdown
 * ({@code bench/target/bench-results.md}, rewritten after each part): what docs/PERFORMANCE.md is
 * updated from. A part that fails is reported as failed, the others still run, and the exit
 * status is 1.
 *
 * <p>{@code -Dbench.smoke=true} runs each part once at a tiny size, for CI, so the harness cannot
 * rot; {@code -Dbench.only=capacity,coldstart,warm,sweep,hot} picks parts.
 */
public final class BenchMain {
  /** One part of the run: a heading and what produces its section. */
  private interface Part {
    String run() throws Exception;
  }

  private final StringBuilder report = new StringBuilder("# Benchmark run\n\n");
  private final Path out;
  private final PrintStream console = System.out;
  private int failures;

  private BenchMain(Path out) {
    this.out = out;
  }

  public static void main(String[] args) throws Exception {
    boolean smoke = Boolean.getBoolean("bench.smoke");
    Set<String> only = Arrays.stream(System.getProperty("bench.only", "").split(","))
        .map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    Path out = Path.of(System.getProperty("bench.out", "bench/target/bench-results.md")).toAbsolutePath();
    Path work = out.getParent().resolve("bench-work");
    Files.createDirectories(work);
    Path functionsJar = Path.of(System.getProperty("bench.functionsJar", "functions/target/tender-functions-lambda.jar"));
    Instant started = Instant.now();
    BenchMain main = new BenchMain(out);
    main.report.append(Machine.describe(smoke, started)).append("\n");

    List<String> parts = new ArrayList<>(List.of("capacity", "coldstart", "warm", "sweep", "hot"));
    parts.removeIf(part -> !only.isEmpty() && !only.contains(part));
    if (smoke && only.isEmpty()) {
      parts.remove("capacity"); // CapacityPerPaymentTest runs it in every mvn verify
    }

    if (parts.contains("capacity")) {
      main.part("3. Capacity per payment lifecycle", BenchMain::capacity);
    }
    if (parts.contains("coldstart") || parts.contains("warm")) {
      try (BenchStack stack = BenchStack.start(Path.of("template.yaml"), "bench", false)) {
        BenchStack.Merchant merchant = stack.bootstrap("Bench Shop", "owner@bench.test");
        // The benchmarks make far more requests than a merchant's default limits allow.
        stack.setRateLimits(merchant.tenantId(), Map.of(RateLimitPolicies.CHECKOUT_SESSION_CREATE, 1_000_000,
            RateLimitPolicies.CHECKOUT_SESSION_GET, 1_000_000));
        if (parts.contains("coldstart")) {
          main.part("1. Cold-start proxy",
              () -> new ColdStartBench(stack, merchant, functionsJar, work).run(smoke ? 1 : 5, smoke));
        }
        if (parts.contains("warm")) {
          main.part("2. Warm overhead (JMH)", () -> new WarmOverheadBench(stack, merchant, work).run(smoke));
        }
      }
    }
    if (parts.contains("sweep")) {
      main.part("5. Expiry sweep cost", () -> SweepCostBench.run(smoke ? 500 : 100_000, smoke ? 10 : 100));
    }
    if (parts.contains("hot")) {
      main.part("6. Hot merchant", () -> HotMerchantBench.run(smoke ? 32 : 1_000, 16));
    }
    main.report.append("Run took ").append(Duration.between(started, Instant.now()).truncatedTo(ChronoUnit.SECONDS))
        .append(".\n");
    main.write();
    main.console.println(main.report);
    main.console.println("bench: figures written to " + out);
    System.exit(main.failures == 0 ? 0 : 1);
  }

  private void part(String heading, Part part) {
    console.println("bench: " + heading);
    report.append("## ").append(heading).append("\n\n");
    Instant started = Instant.now();
    try {
      report.append(part.run());
    } catch (Exception | AssertionError e) {
      failures++;
      report.append("FAILED: ").append(e).append("\n");
      e.printStackTrace(console);
    }
    report.append("\n(").append(Duration.between(started, Instant.now()).truncatedTo(ChronoUnit.SECONDS))
        .append(")\n\n");
    write();
  }

  private void write() {
    try {
      Files.writeString(out, report);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String capacity() {
    try (BenchStack stack = BenchStack.start(Path.of("template.yaml"), "benchcap", true)) {
      return PaymentLifecycle.run(stack, "benchcap").report();
    }
  }
}
