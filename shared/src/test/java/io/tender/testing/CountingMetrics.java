package io.tender.testing;

import io.tender.core.metric.Metrics;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** Metrics a test can count. */
public final class CountingMetrics implements Metrics {
  public record Counted(String name, Map<String, String> context) {}

  private final List<Counted> counted = new CopyOnWriteArrayList<>();

  @Override
  public void count(String name, Map<String, String> context) {
    counted.add(new Counted(name, Map.copyOf(context)));
  }

  public long count(String name) {
    return counted.stream().filter(c -> c.name().equals(name)).count();
  }

  public List<Counted> all() {
    return List.copyOf(counted);
  }
}
