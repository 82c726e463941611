package io.tender.local;

import io.tender.local.function.FunctionLoadException;
import io.tender.local.template.TemplateException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/** {@code mvn -pl local/runner -am compile exec:java}: runs the gateway until Ctrl-C. */
public final class Main {
  private Main() {}

  public static void main(String[] args) throws InterruptedException {
    // Engines log through SLF4J and Log4j; only their warnings belong on this console.
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    System.setProperty("log4j2.level", "WARN");
    LocalGatewayOptions options;
    try {
      options = LocalGatewayOptions.parse(List.of(args));
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    ProviderSandboxes sandboxes = ProviderSandboxes.start(options.clock());
    LocalGateway gateway;
    try {
      gateway = LocalGateway.start(sandboxes.wire(options));
    } catch (TemplateException | FunctionLoadException e) {
      System.err.println("Tender local gateway did not start: " + e.getMessage());
      System.exit(1);
      return;
    } catch (RuntimeException | Error e) {
      System.err.println("Tender local gateway did not start:");
      e.printStackTrace();
      System.exit(1);
      return;
    }
    DemoReceiver receiver = DemoReceiver.start(options.clock(), System.out);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      System.out.println("Stopping Tender local gateway");
      gateway.close();
      receiver.close();
      sandboxes.close();
      stopped.countDown();
    }));
    sandboxes.connect(gateway);
    Optional<DemoTenant.Seeded> demo = DemoTenant.seed(gateway, receiver, System.out);
    System.out.println("  Stripe sandbox " + sandboxes.stripe().baseUrl());
    StartupBanner.print(gateway,
        demo.flatMap(DemoTenant.Seeded::webhookEndpointId).map(registered -> receiver.url()), System.out);
    stopped.await();
  }
}
