package io.tender.local.schedule;

import io.tender.local.function.Invocation;
import io.tender.local.function.LocalFunction;
import io.tender.local.template.ScheduleSource;
import io.tender.local.template.TemplateException;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * EventBridge, locally: fires every enabled {@code Schedule}/{@code ScheduleV2} event of the
 * template on its expression, and fires any function's schedules at once on request, so that a
 * test or a person need not wait for the clock.
 */
public final class LocalScheduler implements AutoCloseable {
  private final List<Job> jobs = new ArrayList<>();
  private final Clock clock;
  private final String accountId;
  private final String region;
  private final PrintStream log;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().factory());

  private record Job(LocalFunction function, ScheduleSource source, ScheduleExpression expression,
      String ruleArn) {}

  public LocalScheduler(Clock clock, String accountId, String region, PrintStream log) {
    this.clock = clock;
    this.accountId = accountId;
    this.region = region;
    this.log = log;
  }

  /** Adds a function's schedule; an expression EventBridge would refuse stops the runner here. */
  public void add(LocalFunction function, ScheduleSource source) {
    ScheduleExpression expression;
    try {
      expression = ScheduleExpression.parse(source.expression());
    } catch (IllegalArgumentException e) {
      throw new TemplateException("Resource '" + function.spec().logicalId() + "' (Events."
          + source.eventName() + "): " + e.getMessage(), e);
    }
    String ruleArn = "arn:aws:events:" + region + ":" + accountId + ":rule/"
        + function.spec().functionName() + "-" + source.eventName();
    jobs.add(new Job(function, source, expression, ruleArn));
  }

  public void start() {
    Instant now = clock.instant();
    jobs.stream().filter(job -> job.source().enabled()).forEach(job -> scheduleAfter(job, now));
  }

  /** Fires every schedule of the function now, enabled or not; returns how each invocation ended. */
  public List<Invocation> trigger(String functionLogicalId) {
    List<Job> matching = jobs.stream()
        .filter(job -> job.function().spec().logicalId().equals(functionLogicalId)).toList();
    if (matching.isEmpty()) {
      throw new IllegalArgumentException("function " + functionLogicalId + " has no schedule");
    }
    return matching.stream().map(this::fire).toList();
  }

  public int size() {
    return jobs.size();
  }

  private void scheduleAfter(Job job, Instant after) {
    Optional<Instant> next = job.expression().nextAfter(after);
    if (next.isEmpty()) {
      return;
    }
    long delayMillis = Math.max(0, Duration.between(clock.instant(), next.get()).toMillis());
    timer.schedule(() -> {
      Thread.ofVirtual().start(() -> fire(job));
      scheduleAfter(job, next.get());
    }, delayMillis, TimeUnit.MILLISECONDS);
  }

  private Invocation fire(Job job) {
    byte[] event = ScheduledEvents.event(job.source().input().orElse(null), job.ruleArn(), accountId,
        region, clock.instant());
    Invocation result = job.function().invoke(event, UUID.randomUUID().toString());
    if (!(result instanceof Invocation.Succeeded)) {
      log.printf("%s: schedule %s ended with %s%n", job.function().spec().logicalId(),
          job.source().eventName(), result);
    }
    return result;
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
