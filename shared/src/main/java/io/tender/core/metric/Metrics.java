package io.tender.core.metric;

import java.util.Map;

/**
 * Counters operators alarm on. Names are dotted, area first ({@code settlement.dead_lettered});
 * {@code context} (ids and outcomes, never secrets or card data) travels with the count to the
 * log, where it can be searched, but does not split the metric: ids would make every count a
 * metric of its own.
 */
public interface Metrics {

  /** Adds one to the metric {@code name}. */
  void count(String name, Map<String, String> context);
}
