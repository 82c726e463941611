package io.tender.local;

import io.tender.local.template.StackTemplate;
import java.io.PrintStream;

/** What the runner serves, printed once it is ready. */
final class StartupBanner {
  private StartupBanner() {}

  static void print(LocalGateway gateway, PrintStream out) {
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
    out.println();
    out.println("Tender local gateway ready at " + gateway.baseUrl() + "  (Ctrl-C to stop)");
  }
}
