package io.tender.bench.warm;

import com.fasterxml.jackson.databind.JsonNode;
import io.tender.bench.Stats;
import io.tender.bench.coldstart.Taskset;
import io.tender.bench.stack.BenchStack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link HandlerBenchmarks} with JMH (sample time, one fork each, warmed) while this JVM
 * serves the engines and the sandbox. With two CPUs or more they are pinned apart: this JVM to
 * CPU 0, the JMH forks to CPU 1.
 */
public final class WarmOverheadBench {
  private final BenchStack stack;
  private final BenchStack.Merchant merchant;
  private final Path work;

  public WarmOverheadBench(BenchStack stack, BenchStack.Merchant merchant, Path work) {
    this.stack = stack;
    this.merchant = merchant;
    this.work = work;
  }

  public String run(boolean smoke) throws RunnerException {
    Path contextFile = work.resolve("jmh-context.properties");
    context().store(contextFile);
    ChainedOptionsBuilder options = new OptionsBuilder()
        .include(HandlerBenchmarks.class.getName() + "\\.")
        .forks(1)
        .threads(1)
        .timeUnit(TimeUnit.MILLISECONDS)
        .shouldFailOnError(true)
        .jvmArgsAppend("-D" + BenchContext.PROPERTY + "=" + contextFile, "-XX:+UseSerialGC", "-XX:MaxRAM=1g",
            "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
    if (smoke) {
      // In this JVM, once each: proves the benchmarks run; the figures mean nothing.
      System.setProperty(BenchContext.PROPERTY, contextFile.toString());
      options.forks(0).warmupIterations(0)
          .measurementIterations(1).measurementTime(TimeValue.milliseconds(200));
    } else {
      options.warmupIterations(3).warmupTime(TimeValue.seconds(3))
          .measurementIterations(5).measurementTime(TimeValue.seconds(3));
    }
    boolean pinned = !smoke && Taskset.available();
    if (pinned) {
      options.jvm(pinnedJava().toString());
      pin("0");
    }
    Collection<RunResult> results;
    try {
      results = new Runner(options.build()).run();
    } finally {
      if (pinned) {
        pin("0-" + (Runtime.getRuntime().availableProcessors() - 1));
      }
    }
    return report(results, pinned, smoke, work);
  }

  private BenchContext context() {
    BenchContext context = new BenchContext(new java.util.Properties());
    for (String function : List.of(HandlerBenchmarks.CREATE, HandlerBenchmarks.WEBHOOK, HandlerBenchmarks.SETTLE)) {
      context.putEnvironment(function, stack.functionEnvironment(function));
    }
    // The webhook handler's hints go to a queue nothing consumes: settling them would load this JVM.
    String sink = stack.gateway().sqs().createQueue(create -> create.queueName("bench-warm-sink")).queueUrl();
    context.putEnvironment(HandlerBenchmarks.WEBHOOK, Map.of("TENDER_SETTLEMENT_QUEUE_URL", sink));
    context.put("merchant.key", merchant.apiKey());
    context.put("work.dir", work.toString());
    context.put("stripe.base", stack.stripe().baseUrl().toString());
    context.put("stripe.key", stack.stripe().apiKey());
    context.put("stripe.webhookSecret", stack.webhookSecret());
    context.put("stripe.event", completedEvent().toString());
    return context;
  }

  /** A real checkout.session.completed from the sandbox, for the forks to copy with new ids. */
  private JsonNode completedEvent() {
    var created = stack.post("/api/v1/checkout/sessions", "{\"amount\":1999,\"currency\":\"USD\",\"reference\":"
        + "\"warm-template\",\"methodTypes\":[\"card\"],\"successUrl\":\"https://shop.test/s\","
        + "\"cancelUrl\":\"https://shop.test/c\"}", merchant.apiKey(), null);
    String checkout = BenchStack.stripeCheckoutId(BenchStack.json(created.body()));
    stack.stripe().hostedPagePay(checkout);
    return stack.stripe().events().stream()
        .filter(e -> e.path("type").asText().equals("checkout.session.completed"))
        .filter(e -> e.path("data").path("object").path("id").asText().equals(checkout))
        .findFirst().orElseThrow();
  }

  private Path pinnedJava() {
    Path script = work.resolve("java-on-cpu1");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    try {
      Files.writeString(script, "#!/bin/sh\nexec taskset -c 1 \"" + java + "\" \"$@\"\n");
      Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return script;
  }

  /** Pins every thread of this JVM (the engines, the sandbox, the gateway) to {@code cpus}. */
  private static void pin(String cpus) {
    try {
      Process taskset = new ProcessBuilder("taskset", "-a", "-p", "-c", cpus, Long.toString(ProcessHandle.current().pid()))
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      taskset.waitFor();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String report(Collection<RunResult> results, boolean pinned, boolean smoke, Path work) {
    Map<String, RunResult> byName = new LinkedHashMap<>();
    for (RunResult result : results) {
      String label = result.getParams().getBenchmark();
      byName.put(label.substring(label.lastIndexOf('.') + 1), result);
    }
    StringBuilder out = new StringBuilder()
        .append("JMH ").append(smoke ? "smoke: no warm-up, 1 × 200 ms measured, not forked" : "3 × 3 s warm-up, 5 × 3 s measured, 1 fork per benchmark")
        .append(", SampleTime, C1 only as template.yaml sets it, ")
        .append(pinned ? "the fork pinned to CPU 1 and the engines' JVM to CPU 0" : "not pinned")
        .append(". Raw = the same DynamoDB/SQS requests the warm handler made, replayed with the SDK, plus its provider call through the connector alone.\n\n")
        .append("| handler | handler p50 (ms) | handler p99 (ms) | raw p50 (ms) | raw p99 (ms) | handler ÷ raw (p50) | samples |\n")
        .append("|---|--:|--:|--:|--:|--:|--:|\n");
    List<String> handlers = new ArrayList<>();
    for (String name : byName.keySet()) {
      if (name.endsWith("Handler")) {
        handlers.add(name.substring(0, name.length() - "Handler".length()));
      }
    }
    for (String handler : handlers) {
      var measured = byName.get(handler + "Handler").getPrimaryResult().getStatistics();
      var raw = byName.get(handler + "Raw").getPrimaryResult().getStatistics();
      out.append("| ").append(handler).append(" | ").append(Stats.f(measured.getPercentile(50), 2)).append(" | ")
          .append(Stats.f(measured.getPercentile(99), 2)).append(" | ").append(Stats.f(raw.getPercentile(50), 2))
          .append(" | ").append(Stats.f(raw.getPercentile(99), 2)).append(" | ")
          .append(Stats.f(measured.getPercentile(50) / raw.getPercentile(50), 2)).append(" | ")
          .append(measured.getN()).append(" / ").append(raw.getN()).append(" |\n");
    }
    out.append("\nReplayed as raw, per invocation:\n\n");
    for (String handler : handlers) {
      Path replayed = work.resolve("raw-" + handler + ".txt");
      try {
        out.append("- ").append(handler).append(": ")
            .append(Files.exists(replayed) ? Files.readString(replayed) : "(not recorded)").append("\n");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out.toString();
  }
}
