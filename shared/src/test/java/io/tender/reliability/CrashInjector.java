package io.tender.reliability;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Kills the caller at its Nth AWS call: {@link When#BEFORE} the request leaves (nothing happened),
 * or {@link When#AFTER} the service answered (it happened, and the caller sees an error anyway).
 * Counts calls, not attempts, so SDK retries do not shift the count; the crash itself is thrown
 * outside the SDK's retry loop, as a process that dies would not retry either.
 */
final class CrashInjector implements ExecutionInterceptor {

  enum When { BEFORE, AFTER }

  /** The crash, unmistakable in a stack of SDK exceptions. */
  static final class InjectedCrash extends RuntimeException {
    InjectedCrash(String message) {
      super(message);
    }
  }

  private final AtomicInteger calls = new AtomicInteger();
  private final List<String> operations = new CopyOnWriteArrayList<>();
  private volatile int crashAt;
  private volatile When when = When.BEFORE;
  private volatile boolean dead;

  /** Counts from zero again; crashes at the {@code n}th call from now ({@code 0}: never). */
  void arm(int n, When when) {
    calls.set(0);
    operations.clear();
    this.crashAt = n;
    this.when = when;
    this.dead = false;
  }

  /** The process is killed now: every call from here on fails before it leaves, until disarmed. */
  void kill() {
    dead = true;
  }

  void disarm() {
    arm(0, When.BEFORE);
  }

  int calls() {
    return calls.get();
  }

  /** The operations called since the last {@link #arm}, in order, such as {@code DynamoDb.PutItem}. */
  List<String> operations() {
    return List.copyOf(operations);
  }

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    int call = calls.incrementAndGet();
    operations.add(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME) + "."
        + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
    if (dead) {
      throw new InjectedCrash("the process was killed before call " + call + " (" + operations.getLast() + ")");
    }
    if (call == crashAt && when == When.BEFORE) {
      throw new InjectedCrash("crashed before call " + call + " (" + operations.getLast() + ") reached the service");
    }
  }

  @Override
  public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
    if (isCrashCall(attributes) && when == When.AFTER) {
      throw new InjectedCrash("crashed after call " + crashAt + " (" + operations.get(crashAt - 1)
          + ") was done by the service");
    }
  }

  @Override
  public Throwable modifyException(Context.FailedExecution context, ExecutionAttributes attributes) {
    // A call that failed by itself (a lost condition) and is the one to crash at: the caller dies all the same.
    if (isCrashCall(attributes) && when == When.AFTER && !(context.exception() instanceof InjectedCrash)) {
      return new InjectedCrash("crashed after call " + crashAt + " (" + operations.get(crashAt - 1)
          + ") failed at the service with " + context.exception().getClass().getSimpleName());
    }
    return context.exception();
  }

  private boolean isCrashCall(ExecutionAttributes attributes) {
    // The call number is only known in beforeExecution; the crash call is the last one counted
    // when calls do not overlap, which holds for the single-threaded steps this is used on.
    return crashAt > 0 && calls.get() == crashAt;
  }
}
