package io.tender.bench.coldstart;

import java.util.Map;
import java.util.function.Supplier;

/**
 * One kind of cold start to measure: the handler class, the function whose environment it gets,
 * and a fresh event for each run (as properties, see the probe's ProbeEvents). New handlers are
 * measured by adding a case.
 */
record ProbeCase(String name, String handlerClass, String functionLogicalId, Supplier<Map<String, String>> event,
    boolean hasSnapStartHooks) {}
