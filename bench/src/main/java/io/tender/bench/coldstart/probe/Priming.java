package io.tender.bench.coldstart.probe;

import io.tender.functions.snapstart.SnapStartPriming;
import org.crac.Resource;

/** Runs the functions' SnapStart hooks as a checkpoint would; only loaded by probes that prime. */
final class Priming {
  private Priming() {}

  static int runCheckpointHooks() throws Exception {
    int hooks = 0;
    for (Resource resource : SnapStartPriming.registered()) {
      resource.beforeCheckpoint(null);
      hooks++;
    }
    return hooks;
  }
}
