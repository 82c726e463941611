package io.tender.bench.coldstart;

import com.fasterxml.jackson.databind.JsonNode;
import io.tender.bench.Stats;
import io.tender.bench.coldstart.probe.BaselineHandler;
import io.tender.bench.coldstart.probe.ColdStartProbe;
import io.tender.bench.stack.BenchStack;
import io.tender.core.signature.TimestampedHmacSignature;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Cold-start proxy: each run is a fresh JVM (the functions' shaded jar and the probe only) that
 * builds one handler and answers one real request against the engines, the Stripe sandbox and
 * the Secrets Manager stand-in running in this process. Wall time is from process start to the
 * first response, as read here; loaded classes are counted in separate runs with
 * {@code -Xlog:class+load}, so logging never slows the timed runs. Runs are interleaved across
 * handlers and settings so that a noisy moment on the machine hits all of them alike.
 */
public final class ColdStartBench {
  /** How a 1 GB function's JVM is set up by ergonomics: serial GC, heap from 1 GB. */
  private static final List<String> FUNCTION_JVM = List.of("-XX:+UseSerialGC", "-XX:MaxRAM=1g");

  record Setting(String name, List<String> jvmFlags, String cpus) {}

  /** What template.yaml's JAVA_TOOL_OPTIONS gives every function. */
  private static final List<String> TEMPLATE_JIT = List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1");
  private static final Setting COUNTING = new Setting("class count",
      List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-Xlog:class+load=info:stdout"), "0,1");

  record Run(ProbeCase probe, Setting setting, double wallMs, double initMs, double requestMs) {}

  private final BenchStack stack;
  private final BenchStack.Merchant merchant;
  private final Path functionsJar;
  private final Path work;
  private final String sinkQueueUrl;
  private final AtomicInteger sequence = new AtomicInteger();

  public ColdStartBench(BenchStack stack, BenchStack.Merchant merchant, Path functionsJar, Path work) {
    this.stack = stack;
    this.merchant = merchant;
    this.functionsJar = functionsJar;
    this.work = work;
    // Hints the webhook probes queue go where nothing consumes them, so settling them does not load this process.
    this.sinkQueueUrl = stack.gateway().sqs().createQueue(create -> create.queueName("bench-coldstart-sink")).queueUrl();
  }

  public String run(int repetitions, boolean smoke) {
    if (!Files.isRegularFile(functionsJar)) {
      throw new IllegalStateException(functionsJar + " is missing: build it with mvn package (bench/run does)");
    }
    Path probeClasses = probeClasses();
    List<ProbeCase> cases = cases();
    List<Setting> settings = settings(smoke);
    List<Run> runs = new ArrayList<>();
    Map<String, ClassCount> classes = new LinkedHashMap<>();
    for (ProbeCase probe : cases) {
      classes.put(probe.name(), counted(probe, probeClasses, false, smoke ? runs : null));
    }
    // A smoke run times the counting runs only: it proves every path runs, not how fast.
    for (int repetition = 0; repetition < (smoke ? 0 : repetitions); repetition++) {
      for (Setting setting : settings) {
        for (ProbeCase probe : cases) {
          runs.add(timed(probe, setting, probeClasses));
        }
      }
    }
    Map<String, ClassCount> primed = new LinkedHashMap<>();
    for (ProbeCase probe : cases) {
      if (probe.hasSnapStartHooks() && !(smoke && !primed.isEmpty())) {
        primed.put(probe.name(), counted(probe, probeClasses, true, null));
      }
    }
    return report(cases, settings, runs, classes, primed, repetitions);
  }

  private List<ProbeCase> cases() {
    String createBody = "{\"amount\":1999,\"currency\":\"USD\",\"reference\":\"cold-%d\",\"methodTypes\":[\"card\"],"
        + "\"successUrl\":\"https://shop.test/success\",\"cancelUrl\":\"https://shop.test/cancel\"}";
    return List.of(
        new ProbeCase("baseline (SDK client + 1 GetItem)", BaselineHandler.class.getName(),
            "CreateCheckoutSessionFunction", () -> http("GET", "/baseline", Map.of(), null), false),
        new ProbeCase("CreateCheckoutSession", "io.tender.functions.checkout.CreateCheckoutSessionHandler",
            "CreateCheckoutSessionFunction", () -> http("POST", "/api/v1/checkout/sessions",
                Map.of("x-api-key", merchant.apiKey(), "content-type", "application/json"),
                String.format(createBody, sequence.incrementAndGet())), true),
        new ProbeCase("ReceiveStripeWebhook", "io.tender.functions.stripe.ReceiveStripeWebhookHandler",
            "ReceiveStripeWebhookFunction", this::signedWebhook, true),
        new ProbeCase("SettleProviderEvent", "io.tender.functions.settlement.SettleProviderEventHandler",
            "SettleProviderEventFunction", this::settlementMessage, true));
  }

  private static List<Setting> settings(boolean smoke) {
    List<Setting> settings = new ArrayList<>();
    settings.add(new Setting("C1 only (template.yaml's flags), 2 CPUs", TEMPLATE_JIT, "0,1"));
    if (smoke) {
      return settings;
    }
    settings.add(new Setting("default tiered JIT, 2 CPUs", List.of(), "0,1"));
    if (Taskset.available()) {
      settings.add(new Setting("C1 only (template.yaml's flags), 1 CPU", TEMPLATE_JIT, "0"));
      settings.add(new Setting("default tiered JIT, 1 CPU", List.of(), "0"));
    }
    return settings;
  }

  private Run timed(ProbeCase probe, Setting setting, Path probeClasses) {
    Probe result = launch(probe, setting, probeClasses, false, false);
    return new Run(probe, setting, result.wallMs(), result.value("init_ms"), result.value("request_ms"));
  }

  record ClassCount(int total, Map<String, Integer> packages, int byPriming, Map<String, Integer> primingPackages,
      double primedRequestMs) {}

  private ClassCount counted(ProbeCase probe, Path probeClasses, boolean prime, List<Run> timedInSmoke) {
    Probe result = launch(probe, COUNTING, probeClasses, prime, true);
    if (timedInSmoke != null) {
      timedInSmoke.add(new Run(probe, settings(true).get(0), result.wallMs(), result.value("init_ms"),
          result.value("request_ms")));
    }
    return new ClassCount(result.classesBefore("responded"), result.packagesBetween(null, "responded"),
        result.classesBetween("constructed", "primed"),
        result.packagesBetween("constructed", "primed"), prime ? result.value("request_ms") : Double.NaN);
  }

  private Probe launch(ProbeCase probe, Setting setting, Path probeClasses, boolean prime, boolean keepLines) {
    Path spec = work.resolve("probe-" + sequence.incrementAndGet() + ".properties");
    Properties properties = new Properties();
    properties.putAll(probe.event().get());
    properties.put("handler", probe.handlerClass());
    properties.put("prime", Boolean.toString(prime));
    try (Writer out = Files.newBufferedWriter(spec)) {
      properties.store(out, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> command = new ArrayList<>();
    if (Taskset.available()) {
      command.addAll(List.of("taskset", "-c", setting.cpus()));
    }
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(FUNCTION_JVM);
    command.addAll(setting.jvmFlags());
    command.addAll(List.of("-cp", functionsJar + java.io.File.pathSeparator + probeClasses,
        ColdStartProbe.class.getName(), spec.toString()));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    Map<String, String> environment = builder.environment();
    String path = environment.get("PATH");
    environment.clear();
    environment.put("PATH", path == null ? "/usr/bin:/bin" : path);
    environment.putAll(functionEnvironment(probe));
    // The template's JVM flags are given per setting instead, so that settings can differ.
    environment.remove("JAVA_TOOL_OPTIONS");
    List<String> lines = new ArrayList<>();
    long started = System.nanoTime();
    double wallMs = Double.NaN;
    try {
      Process process = builder.start();
      try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = out.readLine()) != null) {
          if (line.startsWith(ColdStartProbe.MARK + "responded")) {
            wallMs = (System.nanoTime() - started) / 1e6;
          }
          if (keepLines || line.startsWith(ColdStartProbe.MARK) || lines.size() < 200) {
            lines.add(line);
          }
        }
      }
      process.waitFor();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    Probe result = new Probe(wallMs, lines);
    if (Double.isNaN(wallMs) || !"200".equals(result.text("status"))) {
      throw new IllegalStateException(probe.name() + " did not answer 200 in a fresh JVM:\n"
          + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size())));
    }
    return result;
  }

  private Map<String, String> functionEnvironment(ProbeCase probe) {
    Map<String, String> environment = new LinkedHashMap<>(stack.functionEnvironment(probe.functionLogicalId()));
    if (environment.containsKey("TENDER_SETTLEMENT_QUEUE_URL")) {
      environment.put("TENDER_SETTLEMENT_QUEUE_URL", sinkQueueUrl);
    }
    return environment;
  }

  private static Map<String, String> http(String method, String path, Map<String, String> headers, String body) {
    Map<String, String> event = new LinkedHashMap<>();
    event.put("event", "http");
    event.put("method", method);
    event.put("rawPath", path);
    headers.forEach((name, value) -> event.put("header." + name, value));
    if (body != null) {
      event.put("body", body);
    }
    return event;
  }

  /** Stripe's checkout.session.completed for a session paid just now, signed as Stripe signs it. */
  private Map<String, String> signedWebhook() {
    String checkout = paidCheckout();
    JsonNode event = stack.stripe().events().stream()
        .filter(e -> e.path("type").asText().equals("checkout.session.completed"))
        .filter(e -> e.path("data").path("object").path("id").asText().equals(checkout))
        .reduce((first, second) -> second)
        .orElseThrow(() -> new IllegalStateException("the sandbox published no completion for " + checkout));
    byte[] body = event.toString().getBytes(StandardCharsets.UTF_8);
    String signature = TimestampedHmacSignature.sign(body, Instant.now(), List.of(stack.webhookSecret()));
    return http("POST", "/api/webhooks/stripe", Map.of("content-type", "application/json",
        "stripe-signature", signature), new String(body, StandardCharsets.UTF_8));
  }

  /** The settlement queue's message for a checkout paid just now, whose payment is still unsettled here. */
  private Map<String, String> settlementMessage() {
    String checkout = paidCheckout();
    Map<String, String> event = new LinkedHashMap<>();
    event.put("event", "sqs");
    event.put("body", "{\"provider\":\"stripe\",\"eventId\":\"evt_cold_" + sequence.incrementAndGet()
        + "\",\"eventType\":\"checkout.session.completed\",\"subject\":\"CHECKOUT\",\"providerObjectId\":\""
        + checkout + "\"}");
    return event;
  }

  private String paidCheckout() {
    var created = stack.post("/api/v1/checkout/sessions", String.format("{\"amount\":2500,\"currency\":\"USD\","
        + "\"reference\":\"cold-paid-%d\",\"methodTypes\":[\"card\"],\"successUrl\":\"https://shop.test/s\","
        + "\"cancelUrl\":\"https://shop.test/c\"}", sequence.incrementAndGet()), merchant.apiKey(), null);
    if (created.statusCode() != 200) {
      throw new IllegalStateException("could not create a session to pay: " + created.body());
    }
    String checkout = BenchStack.stripeCheckoutId(BenchStack.json(created.body()));
    stack.stripe().hostedPagePay(checkout);
    return checkout;
  }

  /** Copies the probe's own package out of the bench's classes, so the probe JVM sees nothing else of them. */
  private Path probeClasses() {
    try {
      Path classes = Path.of(ColdStartProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      String packagePath = ColdStartProbe.class.getPackageName().replace('.', '/');
      Path source = classes.resolve(packagePath);
      Path target = work.resolve("probe-classes");
      Path into = target.resolve(packagePath);
      Files.createDirectories(into);
      try (Stream<Path> files = Files.list(source)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
          Files.copy(file, into.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private String report(List<ProbeCase> cases, List<Setting> settings, List<Run> runs, Map<String, ClassCount> classes,
      Map<String, ClassCount> primed, int repetitions) {
    StringBuilder out = new StringBuilder();
    long jarBytes;
    try {
      jarBytes = Files.size(functionsJar);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String baseline = cases.get(0).name();
    out.append("Function jar: ").append(functionsJar.getFileName()).append(", ")
        .append(Stats.f(jarBytes / 1024.0 / 1024.0, 1)).append(" MiB (").append(jarBytes).append(" bytes). ")
        .append(repetitions).append(" fresh JVM(s) per handler and setting, interleaved; medians. ")
        .append("JVM flags in every run: ").append(String.join(" ", FUNCTION_JVM)).append(".\n\n");
    out.append("| handler | setting | wall: JVM start → first response (ms) | × baseline | constructor (ms) | first request (ms) |\n")
        .append("|---|---|--:|--:|--:|--:|\n");
    for (Setting setting : settings) {
      double base = Stats.median(wall(runs, baseline, setting));
      for (ProbeCase probe : cases) {
        double wall = Stats.median(wall(runs, probe.name(), setting));
        out.append("| ").append(probe.name()).append(" | ").append(setting.name()).append(" | ")
            .append(Stats.f(wall, 0)).append(" | ").append(Stats.f(wall / base, 2)).append(" | ")
            .append(Stats.f(Stats.median(select(runs, probe.name(), setting).stream().map(Run::initMs).toList()), 0))
            .append(" | ")
            .append(Stats.f(Stats.median(select(runs, probe.name(), setting).stream().map(Run::requestMs).toList()), 0))
            .append(" |\n");
      }
    }
    int baseClasses = classes.get(baseline).total();
    out.append("\n| handler | classes loaded by the first response | − baseline | most of the difference, by package |\n")
        .append("|---|--:|--:|---|\n");
    Map<String, Integer> basePackages = classes.get(baseline).packages();
    classes.forEach((name, count) -> {
      Map<String, Integer> more = new TreeMap<>();
      count.packages().forEach((pkg, n) -> {
        int extra = n - basePackages.getOrDefault(pkg, 0);
        if (extra > 0) {
          more.put(pkg, extra);
        }
      });
      out.append("| ").append(name).append(" | ").append(count.total()).append(" | ")
          .append(count.total() - baseClasses).append(" | ").append(name.equals(baseline) ? "" : top(more))
          .append(" |\n");
    });
    if (!primed.isEmpty()) {
      out.append("\nSnapStart priming (the functions' `beforeCheckpoint` hooks, run as a checkpoint would):\n\n")
          .append("| handler | classes the hooks load | first request after priming (ms) | top packages loaded by the hooks |\n")
          .append("|---|--:|--:|---|\n");
      primed.forEach((name, count) -> out.append("| ").append(name).append(" | ").append(count.byPriming())
          .append(" | ").append(Stats.f(count.primedRequestMs(), 0)).append(" | ")
          .append(top(count.primingPackages())).append(" |\n"));
    }
    return out.toString();
  }

  private static String top(Map<String, Integer> packages) {
    return packages.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(6)
        .map(e -> "`" + e.getKey() + "` " + e.getValue()).reduce((a, b) -> a + ", " + b).orElse("");
  }

  private static List<Run> select(List<Run> runs, String probe, Setting setting) {
    return runs.stream().filter(r -> r.probe().name().equals(probe) && r.setting().equals(setting)).toList();
  }

  private static List<Double> wall(List<Run> runs, String probe, Setting setting) {
    return select(runs, probe, setting).stream().map(Run::wallMs).toList();
  }

  /** What one probe JVM printed. */
  record Probe(double wallMs, List<String> lines) {
    String text(String field) {
      for (String line : lines) {
        if (line.startsWith(ColdStartProbe.MARK)) {
          for (String part : line.split(" ")) {
            if (part.startsWith(field + "=")) {
              return part.substring(field.length() + 1);
            }
          }
        }
      }
      return null;
    }

    double value(String field) {
      String text = text(field);
      return text == null ? Double.NaN : Double.parseDouble(text);
    }

    int classesBefore(String mark) {
      int count = 0;
      for (String line : lines) {
        if (line.startsWith(ColdStartProbe.MARK + mark)) {
          return count;
        }
        if (line.contains("[class,load]")) {
          count++;
        }
      }
      return count;
    }

    int classesBetween(String from, String to) {
      return packagesBetween(from, to).values().stream().mapToInt(Integer::intValue).sum();
    }

    Map<String, Integer> packagesBetween(String from, String to) {
      Map<String, Integer> packages = new TreeMap<>();
      boolean inside = from == null;
      for (String line : lines) {
        if (from != null && line.startsWith(ColdStartProbe.MARK + from)) {
          inside = true;
        } else if (line.startsWith(ColdStartProbe.MARK + to)) {
          break;
        } else if (inside && line.contains("[class,load] ")) {
          String name = line.substring(line.indexOf("[class,load] ") + "[class,load] ".length()).split(" ")[0];
          packages.merge(packageOf(name), 1, Integer::sum);
        }
      }
      return inside ? packages : Map.of();
    }

    private static String packageOf(String className) {
      String[] parts = className.split("\\.");
      int depth = Math.min(parts.length - 1, className.startsWith("software.amazon.awssdk") ? 5 : 3);
      return String.join(".", java.util.Arrays.copyOf(parts, Math.max(1, depth)));
    }
  }
}
