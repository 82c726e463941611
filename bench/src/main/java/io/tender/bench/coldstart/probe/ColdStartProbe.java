package io.tender.bench.coldstart.probe;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * One cold start, in a JVM of its own: builds the handler with its public constructor (as
 * Lambda's runtime does), optionally runs its SnapStart hooks, makes one real request and prints
 * one {@code BENCH-PROBE} line per phase, then halts. Its classpath is the functions' jar and
 * this package only, so nothing of the bench's own is loaded.
 */
public final class ColdStartProbe {
  public static final String MARK = "BENCH-PROBE ";

  private ColdStartProbe() {}

  public static void main(String[] args) throws Exception {
    long start = System.nanoTime();
    Properties spec = new Properties();
    try (Reader in = Files.newBufferedReader(Path.of(args[0]))) {
      spec.load(in);
    }
    Object handler = Class.forName(spec.getProperty("handler")).getConstructor().newInstance();
    long constructed = System.nanoTime();
    mark("constructed init_ms=" + millis(constructed - start));
    long primed = constructed;
    if (Boolean.parseBoolean(spec.getProperty("prime", "false"))) {
      int hooks = Priming.runCheckpointHooks();
      primed = System.nanoTime();
      mark("primed hooks=" + hooks + " prime_ms=" + millis(primed - constructed));
    }
    Object event = ProbeEvents.of(spec);
    @SuppressWarnings("unchecked")
    Object response = ((RequestHandler<Object, Object>) handler).handleRequest(event, new ProbeContext());
    long answered = System.nanoTime();
    mark("responded status=" + status(response) + " request_ms=" + millis(answered - primed));
    Runtime.getRuntime().halt(0);
  }

  private static String status(Object response) {
    if (response instanceof APIGatewayV2HTTPResponse http) {
      return Integer.toString(http.getStatusCode());
    }
    if (response instanceof SQSBatchResponse batch) {
      return batch.getBatchItemFailures().isEmpty() ? "200" : "failed";
    }
    return "unknown";
  }

  private static void mark(String line) {
    System.out.println(MARK + line);
    System.out.flush();
  }

  private static String millis(long nanos) {
    return Long.toString(nanos / 1_000_000);
  }
}
