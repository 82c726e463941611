package io.tender.local;

import io.tender.local.template.StackTemplate;
import java.io.PrintStream;
import java.net.URI;
import java.util.Optional;

/** What the runner serves, printed once it is ready. */
final class StartupBanner {
  private StartupBanner() {}

  /** {@code webhooks}: where the demo merchant's webhooks go, when its receiver was registered. */
  static void print(LocalGateway gateway, Optional<URI> webhooks, PrintStream out) {
    StackTemplate template = gateway.template();
    out.println();
    template.routes().forEach(route -> out.printf("  %-8s %-40s -> %s%n",
        route.getValue().method(), gateway.baseUrl() + route.getValue().path(), route.getKey().logicalId()));
    template.functions().values().forEach(function -> {
      function.sqsSources().forEach(source -> out.printf("  SQS      %-40s -> %s%n",
          template.queues().get(source.queueLogicalId()).queueName(), function.logicalId()));
      function.dynamoDbSources().forEach(source -> out.printf("  STREAM   %-40s -> %s%n",
          template.tables().get(source.tableLogicalId()).tableName(), function.logicalId()));
      function.schedules().forEach(schedule -> out.printf("  SCHEDULE %-40s -> %s%n",
          schedule.expression(), function.logicalId()));
    });
    out.printf("  %d table(s), %d queue(s), %d secret(s); DynamoDB %s, SQS %s%n",
        template.tables().size(), template.queues().size(), template.secrets().size(),
        gateway.engines().dynamoDbEndpoint(), gateway.engines().sqsEndpoint());
    webhooks.ifPresent(url -> out.println("  Merchant webhooks of the demo tenant -> " + url
        + "  (demo receiver: checks Tender-Signature, prints each event here)"));
    out.println();
    out.println("Tender local gateway ready at " + gateway.baseUrl() + "  (Ctrl-C to stop)");
  }
}
