package io.tender.local.template;

import java.util.List;
import java.util.Map;

/**
 * What the local runner needs from template.yaml, with every intrinsic resolved to local names.
 * Maps are keyed by logical id and keep the template's order.
 *
 * @param ignoredResources logical id → type of resources the runner has no local part for
 *     (log groups, alarms, the HTTP API itself); reported at start, never an error
 */
public record StackTemplate(
    Map<String, FunctionSpec> functions,
    Map<String, TableSpec> tables,
    Map<String, QueueSpec> queues,
    Map<String, SecretSpec> secrets,
    Map<String, String> ignoredResources) {

  /** Every HTTP route of every function, in template order. */
  public List<Map.Entry<FunctionSpec, HttpRoute>> routes() {
    return functions.values().stream()
        .flatMap(f -> f.routes().stream().map(r -> Map.entry(f, r)))
        .toList();
  }
}
