package io.tender.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The runner as a person runs it: its own JVM, the base URL printed when ready, a clean stop on
 * a termination signal, and a clear refusal for bad arguments or a bad template.
 */
class LocalGatewayProcessTest {
  private static final Pattern READY = Pattern.compile("ready at (http://127\\.0\\.0\\.1:\\d+)");

  @Test
  void printsItsUrlWhenReadyServesHealthAndStopsOnSigterm() throws Exception {
    Process process = runner("--template", "../../template.yaml", "--port", "0");
    List<String> lines = new CopyOnWriteArrayList<>();
    Thread reader = Thread.ofVirtual().start(() -> readLines(process, lines));
    try {
      String baseUrl = await().atMost(Duration.ofSeconds(60)).until(() -> readyUrl(lines), url -> url != null);

      HttpResponse<String> health = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create(baseUrl + "/api/health")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(health.body()).contains("\"status\":\"ok\"");
      assertThat(lines).as("the banner says where the demo tenant's webhooks go")
          .anyMatch(line -> line.matches("  Merchant webhooks of the demo tenant -> http://127\\.0\\.0\\.1:\\d+/webhooks .*"));

      // SIGTERM, the same shutdown path as Ctrl-C; through the handle, which leaves the output open.
      process.toHandle().destroy();
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("stopped within 30 s").isTrue();
      reader.join(Duration.ofSeconds(5));
      assertThat(lines).contains("Stopping Tender local gateway");
    } finally {
      process.destroyForcibly();
    }
  }

  @Test
  void anUnknownOptionIsRefusedWithUsage() throws Exception {
    Process process = runner("--prot", "3000");

    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isEqualTo(2);
    assertThat(new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
        .contains("unknown option --prot").contains("Usage:");
  }

  @Test
  void aMalformedTemplateIsRefusedNamingTheResource() throws Exception {
    Process process = runner("--template", "src/test/resources/malformed/unknown-queue.yaml", "--port", "0");

    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isEqualTo(1);
    assertThat(new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
        .contains("did not start").contains("WorkerFunction").contains("MissingQueue")
        .doesNotContain("\tat ");
  }

  private static void readLines(Process process, List<String> lines) {
    try (BufferedReader out = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        lines.add(line);
      }
    } catch (IOException e) {
      lines.add("(output ended: " + e.getMessage() + ")");
    }
  }

  private static String readyUrl(List<String> lines) {
    return lines.stream().map(READY::matcher).filter(Matcher::find).map(m -> m.group(1))
        .findFirst().orElse(null);
  }

  /** A JVM like this one (same java, class path and engine flags) running Main. */
  private static Process runner(String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(flag -> flag.startsWith("--enable-native-access") || flag.startsWith("--sun-misc-unsafe"))
        .forEach(command::add);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    command.addAll(List.of(args));
    return new ProcessBuilder(command).start();
  }
}
