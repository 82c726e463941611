package io.tender.config;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The configuration a function is given: in Lambda, the process environment that template.yaml
 * sets. The local runner hosts many functions in one JVM, so it binds each function's own
 * environment around that function's construction and invocations.
 *
 * <p>Functions read it once, when wired, never per request.
 */
@FunctionalInterface
public interface Environment {

  Optional<String> get(String name);

  default String require(String name) {
    return get(name).filter(value -> !value.isBlank())
        .orElseThrow(() -> new IllegalStateException("environment variable " + name + " is not set"));
  }

  static Environment of(Map<String, String> variables) {
    Map<String, String> copy = Map.copyOf(variables);
    return name -> Optional.ofNullable(copy.get(name));
  }

  static Environment system() {
    return name -> Optional.ofNullable(System.getenv(name));
  }

  /** The environment in force on this thread: a bound one, else the process's. */
  static Environment current() {
    Environment bound = Binding.CURRENT.get();
    return bound != null ? bound : system();
  }

  /** Runs {@code work} with {@code environment} as {@link #current()} on this thread. */
  static <T> T with(Environment environment, Supplier<T> work) {
    Environment previous = Binding.CURRENT.get();
    Binding.CURRENT.set(environment);
    try {
      return work.get();
    } finally {
      Binding.CURRENT.set(previous);
    }
  }

  /** Holder for the thread binding; not part of the API. */
  final class Binding {
    private static final ThreadLocal<Environment> CURRENT = new ThreadLocal<>();

    private Binding() {}
  }
}
