package io.tender.local.template;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the events of a function the runner can serve: HttpApi, SQS, Schedule and ScheduleV2
 * ({@link DynamoDbEventReader} reads DynamoDB events).
 */
final class EventReader {
  static final int DEFAULT_BATCH_SIZE = 10;
  private static final Set<String> HTTP_METHODS =
      Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "ANY");

  private EventReader() {}

  /** An HttpApi event without Path is the API's {@code $default} route. */
  static HttpRoute httpRoute(String eventName, Props props) {
    // The runner serves every route on one local API, but a wrong ApiId must still be reported.
    props.get("ApiId");
    String method = props.string("Method").map(m -> method(m, props.at("Method"))).orElse("ANY");
    Optional<String> path = props.string("Path");
    if (path.isEmpty()) {
      return new HttpRoute(eventName, method, "$default");
    }
    if (!path.get().startsWith("/")) {
      throw props.at("Path").error("must start with '/', not '" + path.get() + "'");
    }
    return new HttpRoute(eventName, method, path.get());
  }

  static SqsEventSource sqs(String eventName, Props props, Stack stack) {
    String queue = props.requiredString("Queue");
    DeclaredResource polled =
        stack.queueWithArn(queue).orElseThrow(() -> notAQueueArn(queue, props, stack));
    return new SqsEventSource(
        eventName,
        polled.logicalId(),
        props.integer("BatchSize", DEFAULT_BATCH_SIZE),
        props.integer("MaximumBatchingWindowInSeconds", 0),
        props.strings("FunctionResponseTypes").contains("ReportBatchItemFailures"),
        props.bool("Enabled", true));
  }

  /** {@code Schedule}: an EventBridge rule, switched off by Enabled: false or State: DISABLED. */
  static ScheduleSource schedule(String eventName, Props props) {
    Optional<Boolean> enabled = props.bool("Enabled");
    Optional<Boolean> state = state(props);
    if (enabled.isPresent() && state.isPresent()) {
      throw props.where().error("give either Enabled or State, not both");
    }
    return new ScheduleSource(
        eventName,
        props.requiredString("Schedule"),
        props.string("Input"),
        enabled.or(() -> state).orElse(true));
  }

  /** {@code ScheduleV2}: an EventBridge Scheduler schedule. */
  static ScheduleSource scheduleV2(String eventName, Props props) {
    return new ScheduleSource(
        eventName,
        props.requiredString("ScheduleExpression"),
        props.string("Input"),
        state(props).orElse(true));
  }

  private static Optional<Boolean> state(Props props) {
    return props
        .string("State")
        .map(
            state ->
                switch (state) {
                  case "ENABLED" -> true;
                  case "DISABLED" -> false;
                  default ->
                      throw props
                          .at("State")
                          .error("must be ENABLED or DISABLED, not '" + state + "'");
                });
  }

  private static String method(String declared, Where where) {
    String method = declared.toUpperCase(Locale.ROOT);
    if (method.equals("X-AMAZON-APIGATEWAY-ANY-METHOD")) {
      return "ANY";
    }
    if (!HTTP_METHODS.contains(method)) {
      throw where.error("'" + declared + "' is not an HTTP method");
    }
    return method;
  }

  private static TemplateException notAQueueArn(String queue, Props props, Stack stack) {
    Where where = props.at("Queue");
    return stack
        .queueWithUrl(queue)
        .map(
            byUrl ->
                where.error(
                    "'%s' is the URL of queue '%s'; an SQS event needs its Arn (!GetAtt %s.Arn)"
                        .formatted(queue, byUrl.logicalId(), byUrl.logicalId())))
        .orElseGet(() -> where.error("'" + queue + "' is not the Arn of a queue in this template"));
  }
}
