package io.tender.local.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/** Reads an {@code AWS::Serverless::Function}, with {@code Globals.Function} merged in. */
final class FunctionReader {
  /** Lambda's defaults when neither the function nor Globals set them. */
  static final int DEFAULT_TIMEOUT_SECONDS = 3;

  static final int DEFAULT_MEMORY_MB = 128;

  private static final String MISSING_HANDLER =
      "Handler is missing; set it on the function or in Globals.Function";
  private static final String UNSUPPORTED_EVENT =
      "' cannot be served locally (the runner serves HttpApi, SQS, DynamoDB, Schedule and"
          + " ScheduleV2)";

  private final Stack stack;
  private final Map<String, Object> globals;

  FunctionReader(Stack stack, Object globalsSection) {
    this.stack = stack;
    Object functionGlobals =
        Templates.mapOrEmpty(globalsSection, Where.of("Globals")).get("Function");
    this.globals = Templates.mapOrEmpty(functionGlobals, Where.of("Globals.Function"));
  }

  FunctionSpec read(DeclaredResource function) {
    Props own = stack.properties(function);
    Props inherited =
        Props.unresolved(globalsFor(function), Where.of("Globals.Function"), stack.resolver());
    String handler =
        merged(own, inherited, "Handler", Props::string)
            .orElseThrow(() -> function.where().error(MISSING_HANDLER));
    Events events = events(own);
    return new FunctionSpec(
        function.logicalId(),
        stack.physicalName(function),
        handler,
        merged(own, inherited, "Timeout", Props::integer).orElse(DEFAULT_TIMEOUT_SECONDS),
        merged(own, inherited, "MemorySize", Props::integer).orElse(DEFAULT_MEMORY_MB),
        FunctionEnvironment.merge(inherited, own),
        List.copyOf(events.routes()),
        List.copyOf(events.sqsSources()),
        List.copyOf(events.dynamoDbSources()),
        List.copyOf(events.schedules()));
  }

  /** A function's events, by the kind of local source that delivers them. */
  private record Events(
      List<HttpRoute> routes,
      List<SqsEventSource> sqsSources,
      List<DynamoDbEventSource> dynamoDbSources,
      List<ScheduleSource> schedules) {}

  private Events events(Props own) {
    Events events =
        new Events(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    Where eventsWhere = own.at("Events");
    Templates.mapOrEmpty(own.raw("Events"), eventsWhere)
        .forEach(
            (name, event) -> {
              Where where = eventsWhere.at(name);
              Map<String, Object> definition = Templates.map(event, where);
              if (!(definition.get("Type") instanceof String type)) {
                throw where.error("Type is missing");
              }
              Props props =
                  Props.unresolved(
                      definition.get("Properties"), where.at("Properties"), stack.resolver());
              switch (type) {
                case "HttpApi" -> events.routes().add(EventReader.httpRoute(name, props));
                case "SQS" -> events.sqsSources().add(EventReader.sqs(name, props, stack));
                case "DynamoDB" ->
                    events.dynamoDbSources().add(DynamoDbEventReader.read(name, props, stack));
                case "Schedule" -> events.schedules().add(EventReader.schedule(name, props));
                case "ScheduleV2" -> events.schedules().add(EventReader.scheduleV2(name, props));
                // Dropping it would leave a function that silently never runs locally.
                default -> throw where.error("event type '" + type + UNSUPPORTED_EVENT);
              }
            });
    return events;
  }

  /**
   * The function's own value when it writes the property at all, else the Globals value. SAM merges
   * before intrinsics are resolved, so an own value resolving to AWS::NoValue still wins.
   */
  private static <T> Optional<T> merged(
      Props own, Props inherited, String key, BiFunction<Props, String, Optional<T>> read) {
    return own.keys().contains(key) ? read.apply(own, key) : read.apply(inherited, key);
  }

  /** Globals.Function as it applies to one function, honouring its IgnoreGlobals. */
  private Map<String, Object> globalsFor(DeclaredResource function) {
    Object ignore = function.definition().get("IgnoreGlobals");
    if (ignore == null) {
      return globals;
    }
    if ("*".equals(ignore)) {
      return Map.of();
    }
    List<?> ignored = ignore instanceof List<?> list ? list : List.of(ignore);
    Map<String, Object> kept = new LinkedHashMap<>(globals);
    ignored.forEach(key -> kept.remove(String.valueOf(key)));
    return kept;
  }
}
