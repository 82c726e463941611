package io.tender.local.function;

import io.tender.config.Environment;
import io.tender.config.HostClock;
import io.tender.local.template.FunctionSpec;
import java.io.PrintStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One function of the template, hosted in this JVM the way Lambda hosts it: each instance
 * ("container") serves one invocation at a time, a busy function gets another instance, an
 * instance is built by the handler's no-argument constructor under the function's own
 * environment, and an invocation that outlives {@code Timeout} is abandoned with its instance.
 */
public final class LocalFunction implements AutoCloseable {
  private final FunctionSpec spec;
  private final Environment environment;
  private final String arn;
  private final Clock clock;
  private final PrintStream log;
  private final Constructor<?> constructor;
  private final ConcurrentLinkedDeque<HandlerAdapter> idle = new ConcurrentLinkedDeque<>();
  private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

  private LocalFunction(FunctionSpec spec, Map<String, String> environment, String arn, Clock clock,
      PrintStream log, Constructor<?> constructor) {
    this.spec = spec;
    this.environment = Environment.of(environment);
    this.arn = arn;
    this.clock = clock;
    this.log = log;
    this.constructor = constructor;
  }

  /**
   * Loads the handler class and finds its no-argument constructor, so that a wrong {@code Handler}
   * stops the runner at start, naming the function. Instances are built on first use, as Lambda
   * builds them on a cold start; a constructor that fails answers that invocation with an init
   * error, as on Lambda.
   */
  public static LocalFunction load(FunctionSpec spec, Map<String, String> environment, String arn,
      Clock clock, PrintStream log) {
    String className = spec.handler().split("::", 2)[0];
    Constructor<?> constructor;
    try {
      constructor = Class.forName(className).getConstructor();
    } catch (ClassNotFoundException e) {
      throw new FunctionLoadException(spec.logicalId() + ": Handler class " + className + " does not exist", e);
    } catch (NoSuchMethodException e) {
      throw new FunctionLoadException(spec.logicalId() + ": Handler class " + className
          + " has no public no-argument constructor, which Lambda needs", e);
    }
    return new LocalFunction(spec, environment, arn, clock, log, constructor);
  }

  public FunctionSpec spec() {
    return spec;
  }

  /** The function's ARN, as Lambda's records about its invocations name it. */
  public String arn() {
    return arn;
  }

  public Invocation invoke(byte[] event, String requestId) {
    HandlerAdapter instance = idle.poll();
    HandlerAdapter handler;
    try {
      handler = instance != null ? instance : newInstance();
    } catch (FunctionLoadException e) {
      log.printf("%s %s init failed: %s%n", spec.logicalId(), requestId, e.getMessage());
      return new Invocation.Failed("Runtime.InitError", e.getMessage());
    }
    Instant deadline = clock.instant().plusSeconds(spec.timeoutSeconds());
    LocalContext context = new LocalContext(requestId, spec.functionName(), arn, spec.memoryMb(), deadline, clock);
    Future<byte[]> running = threads.submit(
        () -> Environment.with(environment, () -> invokeChecked(handler, event, context)));
    try {
      byte[] output = running.get(spec.timeoutSeconds(), TimeUnit.SECONDS);
      idle.push(handler);
      return new Invocation.Succeeded(output);
    } catch (TimeoutException e) {
      running.cancel(true);
      log.printf("%s %s Task timed out after %d seconds%n", spec.logicalId(), requestId, spec.timeoutSeconds());
      return new Invocation.TimedOut(spec.timeoutSeconds());
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() instanceof HandlerFailure failure ? failure.getCause() : e.getCause();
      // Lambda keeps the container after a handled exception; so do we.
      idle.push(handler);
      log.printf("%s %s invocation failed:%n", spec.logicalId(), requestId);
      cause.printStackTrace(log);
      return new Invocation.Failed(cause.getClass().getName(), String.valueOf(cause.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running.cancel(true);
      return new Invocation.Failed("Interrupted", "the local runner is stopping");
    }
  }

  private static byte[] invokeChecked(HandlerAdapter handler, byte[] event, LocalContext context) {
    try {
      return handler.invoke(event, context);
    } catch (Exception e) {
      throw new HandlerFailure(e);
    }
  }

  /** Built under the function's environment and the runner's clock, which its wiring reads. */
  private HandlerAdapter newInstance() {
    return Environment.with(environment, () -> HostClock.with(clock, () -> {
      try {
        return HandlerAdapter.of(constructor.newInstance());
      } catch (InvocationTargetException e) {
        throw new FunctionLoadException(spec.logicalId() + ": the handler's constructor failed: "
            + e.getCause(), e.getCause());
      } catch (ReflectiveOperationException | IllegalArgumentException e) {
        throw new FunctionLoadException(spec.logicalId() + ": " + e.getMessage(), e);
      }
    }));
  }

  @Override
  public void close() {
    threads.shutdownNow();
  }

  /** Carries a checked exception out of the handler thread. */
  private static final class HandlerFailure extends RuntimeException {
    HandlerFailure(Exception cause) {
      super(cause);
    }
  }
}
