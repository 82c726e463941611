package io.tender.bench.warm;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * What a JMH fork needs to reach the stack running in the bench's main JVM: each function's
 * environment, the merchant's key, the webhook secret, the sandbox, a real Stripe event to copy.
 * Written by the main JVM, read by the fork ({@code -Dbench.context=FILE}).
 */
public record BenchContext(Properties values) {
  static final String PROPERTY = "bench.context";

  static BenchContext load() {
    Properties values = new Properties();
    try (Reader in = Files.newBufferedReader(Path.of(System.getProperty(PROPERTY)))) {
      values.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new BenchContext(values);
  }

  void store(Path file) {
    try (Writer out = Files.newBufferedWriter(file)) {
      values.store(out, "bench context");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String get(String name) {
    String value = values.getProperty(name);
    if (value == null) {
      throw new IllegalStateException("the bench context has no " + name);
    }
    return value;
  }

  void put(String name, String value) {
    values.setProperty(name, value);
  }

  void putEnvironment(String function, Map<String, String> environment) {
    environment.forEach((name, value) -> values.setProperty("env." + function + "." + name, value));
  }

  Map<String, String> environment(String function) {
    String prefix = "env." + function + ".";
    Map<String, String> environment = new LinkedHashMap<>();
    for (String name : values.stringPropertyNames()) {
      if (name.startsWith(prefix)) {
        environment.put(name.substring(prefix.length()), values.getProperty(name));
      }
    }
    return environment;
  }
}
