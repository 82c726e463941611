package io.tender.functions.snapstart;

import io.tender.adapter.platform.Platform;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * SnapStart's checkpoint hook: before the snapshot is taken, one DynamoDB read (a tenant that does
 * not exist) runs through the real client, so the snapshot holds the SDK's DynamoDB request path
 * already loaded and initialised (marshalling, endpoint rules, signing, the HTTP client) and the
 * first request after a restore does not pay for it. Nothing is cached that a restore would make
 * stale: credentials are read per request and connections are re-opened as needed.
 *
 * <p>Outside SnapStart (no CRaC runtime) registering does nothing and the hook never runs.
 */
public final class SnapStartPriming implements Resource {
  static final String PRIMING_TENANT = "snapstart-priming";
  /** Held here because the CRaC context holds its resources weakly. */
  private static final List<SnapStartPriming> REGISTERED = new CopyOnWriteArrayList<>();

  private final Platform platform;

  private SnapStartPriming(Platform platform) {
    this.platform = platform;
  }

  public static void register(Platform platform) {
    SnapStartPriming priming = new SnapStartPriming(platform);
    REGISTERED.add(priming);
    Core.getGlobalContext().register(priming);
  }

  /** Every hook registered in this JVM, for tools that stand in for a checkpoint (the benchmarks). */
  public static List<? extends Resource> registered() {
    return List.copyOf(REGISTERED);
  }

  @Override
  public void beforeCheckpoint(Context<? extends Resource> context) {
    try {
      platform.tenants().find(PRIMING_TENANT);
    } catch (RuntimeException e) {
      // A snapshot without priming is still a good snapshot; say why and carry on.
      platform.log().warn("snapstart priming skipped", Map.of("error", e.getClass().getName()));
    }
  }

  @Override
  public void afterRestore(Context<? extends Resource> context) {
    // Nothing to renew: see the class comment.
  }
}
