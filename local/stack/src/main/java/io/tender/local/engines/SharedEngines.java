package io.tender.local.engines;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that gives tests one set of {@link LocalEngines} per test JVM, started on
 * first use and stopped when the run ends (root-store values that are AutoCloseable are closed by
 * JUnit 5.13+). Tests isolate themselves by naming their own tables and queues.
 */
public final class SharedEngines implements ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(SharedEngines.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == LocalEngines.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return engines(context);
  }

  public static LocalEngines engines(ExtensionContext context) {
    return context.getRoot().getStore(NAMESPACE)
        .getOrComputeIfAbsent(LocalEngines.class, key -> LocalEngines.start(), LocalEngines.class);
  }
}
