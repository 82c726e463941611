package io.tender.local.deploy;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import io.tender.local.template.CloudFormationYaml;
import io.tender.local.template.DynamoDbEventSource;
import io.tender.local.template.FunctionSpec;
import io.tender.local.template.LocalNaming;
import io.tender.local.template.QueueSpec;
import io.tender.local.template.StackTemplate;
import io.tender.local.template.TemplateLoader;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The rules a template must keep to be deployed as Tender deploys: handlers that exist and take
 * the events wired to them, queues that outlast their consumers and end in a dead-letter queue,
 * stream consumers that cannot stall a shard or lose a record silently, log groups with retention, protected tables, and the Lambda settings cold start depends on.
 * Returns what is broken, so that a test can show both a clean template and a broken one.
 */
final class DeploymentRules {
  private static final LocalNaming NAMING =
      new LocalNaming("rules", "eu-west-1", "123456789012", URI.create("http://127.0.0.1:1"));

  private final Map<String, Object> raw;
  private final StackTemplate template;
  private final List<String> violations = new ArrayList<>();

  @SuppressWarnings("unchecked")
  private DeploymentRules(Path file) throws IOException {
    this.raw = (Map<String, Object>) CloudFormationYaml.parse(Files.readString(file));
    this.template = TemplateLoader.load(file, NAMING, Map.of());
  }

  static List<String> check(Path file) throws IOException {
    DeploymentRules rules = new DeploymentRules(file);
    rules.globals();
    rules.template.functions().values().forEach(rules::handlerFitsItsEvents);
    rules.template.functions().values().forEach(rules::consumedQueuesAreSafe);
    rules.template.functions().values().forEach(rules::streamConsumersAreSafe);
    rules.logGroupsHaveRetention();
    rules.tablesAreProtected();
    rules.noWildcardOnData();
    return rules.violations;
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> map(Object value) {
    return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  private Map<String, Object> resources() {
    return map(raw.get("Resources"));
  }

  private void globals() {
    Map<String, Object> function = map(map(raw.get("Globals")).get("Function"));
    expect("java21".equals(function.get("Runtime")), "Globals.Function.Runtime must be java21");
    expect(List.of("arm64").equals(function.get("Architectures")), "Globals.Function.Architectures must be [arm64]");
    expect("PublishedVersions".equals(map(function.get("SnapStart")).get("ApplyOn")),
        "Globals.Function.SnapStart.ApplyOn must be PublishedVersions");
    expect(function.get("AutoPublishAlias") != null, "Globals.Function.AutoPublishAlias must be set for SnapStart");
    expect("JSON".equals(map(function.get("LoggingConfig")).get("LogFormat")),
        "Globals.Function.LoggingConfig.LogFormat must be JSON");
    Object options = map(map(function.get("Environment")).get("Variables")).get("JAVA_TOOL_OPTIONS");
    expect(options instanceof String s && s.contains("TieredStopAtLevel=1"),
        "Globals.Function JAVA_TOOL_OPTIONS must stop tiered compilation at C1");
  }

  private void handlerFitsItsEvents(FunctionSpec function) {
    String[] handler = function.handler().split("::", 2);
    if (handler.length == 2 && !handler[1].equals("handleRequest")) {
      violations.add(function.logicalId() + ": Handler method must be handleRequest, not " + handler[1]);
    }
    Class<?> type;
    try {
      type = Class.forName(handler[0]);
    } catch (ClassNotFoundException e) {
      violations.add(function.logicalId() + ": Handler class " + handler[0] + " does not exist");
      return;
    }
    if (RequestStreamHandler.class.isAssignableFrom(type)) {
      return;
    }
    Type[] io = requestHandlerTypes(type);
    if (io == null) {
      violations.add(function.logicalId() + ": " + type.getName() + " is not a Lambda RequestHandler");
      return;
    }
    if (!function.routes().isEmpty()) {
      expectTypes(function, io, APIGatewayV2HTTPEvent.class, APIGatewayV2HTTPResponse.class, "HttpApi");
    }
    for (var source : function.sqsSources()) {
      expectTypes(function, io, SQSEvent.class,
          source.reportBatchItemFailures() ? SQSBatchResponse.class : null, "SQS");
    }
    for (var source : function.dynamoDbSources()) {
      expectTypes(function, io, DynamodbEvent.class,
          source.reportBatchItemFailures() ? StreamsEventResponse.class : null, "DynamoDB");
    }
    if (!function.schedules().isEmpty()) {
      expectTypes(function, io, ScheduledEvent.class, null, "Schedule");
    }
  }

  private void expectTypes(FunctionSpec function, Type[] io, Class<?> input, Class<?> output, String event) {
    if (io[0] != input) {
      violations.add(function.logicalId() + ": a " + event + " event needs a handler of " + input.getSimpleName()
          + ", not " + io[0].getTypeName());
    }
    if (output != null && io[1] != output) {
      violations.add(function.logicalId() + ": a " + event + " event needs a handler returning "
          + output.getSimpleName() + ", not " + io[1].getTypeName());
    }
  }

  private static Type[] requestHandlerTypes(Class<?> type) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      for (Type candidate : c.getGenericInterfaces()) {
        if (candidate instanceof ParameterizedType p && p.getRawType() == RequestHandler.class) {
          return p.getActualTypeArguments();
        }
      }
    }
    return null;
  }

  /** AWS asks for a visibility timeout of at least six times the consumer's timeout. */
  private void consumedQueuesAreSafe(FunctionSpec function) {
    for (var source : function.sqsSources()) {
      QueueSpec queue = template.queues().get(source.queueLogicalId());
      if (queue.visibilityTimeoutSeconds() < 6 * function.timeoutSeconds()) {
        violations.add(queue.logicalId() + ": VisibilityTimeout " + queue.visibilityTimeoutSeconds()
            + " is under 6 x the Timeout of " + function.logicalId() + " (" + function.timeoutSeconds() + ")");
      }
      if (queue.redrive().isEmpty()) {
        violations.add(queue.logicalId() + ": consumed by " + function.logicalId() + " but has no dead-letter queue");
      }
    }
  }

  /**
   * A stream is read in order, so a record that keeps failing holds up every later change of its
   * shard: retries are bounded, given-up records are described to a queue the function may send
   * to, and a partial failure retries from the failed record only. A mapping starting at LATEST
   * would skip what was written before it existed, such as outbox events of a deploy's first
   * minutes.
   */
  private void streamConsumersAreSafe(FunctionSpec function) {
    for (DynamoDbEventSource source : function.dynamoDbSources()) {
      String event = function.logicalId() + ": the DynamoDB event " + source.eventName();
      expect(source.startingPosition() == DynamoDbEventSource.StartingPosition.TRIM_HORIZON,
          event + " must start at TRIM_HORIZON, or it skips what was written before it existed");
      expect(source.maximumRetryAttempts() != -1,
          event + " needs MaximumRetryAttempts, or a failing record holds up its shard until it expires");
      expect(source.reportBatchItemFailures(),
          event + " needs FunctionResponseTypes [ReportBatchItemFailures], so that a failure retries"
              + " from the failed record only");
      expect(source.onFailureQueueLogicalId().isPresent(),
          event + " needs a DestinationConfig.OnFailure queue, or records given up on leave no trace");
      Object type = map(map(map(eventProperties(function, source)).get("DestinationConfig")).get("OnFailure"))
          .get("Type");
      expect(source.onFailureQueueLogicalId().isEmpty() || "SQS".equals(type),
          event + " needs OnFailure Type: SQS, so that SAM lets the function send to the queue");
    }
  }

  private Object eventProperties(FunctionSpec function, DynamoDbEventSource source) {
    Map<String, Object> events = map(map(map(resources().get(function.logicalId())).get("Properties")).get("Events"));
    return map(events.get(source.eventName())).get("Properties");
  }

  private void logGroupsHaveRetention() {
    resources().forEach((id, value) -> {
      Map<String, Object> resource = map(value);
      if ("AWS::Logs::LogGroup".equals(resource.get("Type"))) {
        expect(map(resource.get("Properties")).get("RetentionInDays") != null,
            id + ": a log group needs RetentionInDays");
      }
      if ("AWS::Serverless::Function".equals(resource.get("Type"))) {
        Object logGroup = map(map(resource.get("Properties")).get("LoggingConfig")).get("LogGroup");
        Object target = map(logGroup).get("Ref");
        expect(target != null && "AWS::Logs::LogGroup".equals(map(resources().get(target)).get("Type")),
            id + ": LoggingConfig.LogGroup must !Ref a log group of this template (for retention)");
      }
    });
  }

  private void tablesAreProtected() {
    resources().forEach((id, value) -> {
      Map<String, Object> resource = map(value);
      if ("AWS::DynamoDB::Table".equals(resource.get("Type"))) {
        Map<String, Object> properties = map(resource.get("Properties"));
        expect("PAY_PER_REQUEST".equals(properties.get("BillingMode")), id + ": BillingMode must be PAY_PER_REQUEST");
        expect(Boolean.TRUE.equals(map(properties.get("PointInTimeRecoverySpecification"))
            .get("PointInTimeRecoveryEnabled")), id + ": point-in-time recovery must be enabled");
        expect(properties.get("DeletionProtectionEnabled") != null, id + ": DeletionProtectionEnabled must be set");
        expect("Retain".equals(resource.get("DeletionPolicy")), id + ": DeletionPolicy must be Retain");
      }
    });
  }

  /** Inline statements may use Resource "*" only for actions that have no resource to name. */
  private void noWildcardOnData() {
    resources().forEach((id, value) -> {
      Object policies = map(map(value).get("Properties")).get("Policies");
      if (!(policies instanceof List<?> list)) {
        return;
      }
      for (Object policy : list) {
        Object statements = map(policy).get("Statement");
        if (!(statements instanceof List<?> all)) {
          continue;
        }
        for (Object statement : all) {
          Map<String, Object> s = map(statement);
          Object resource = s.get("Resource");
          boolean wildcard = "*".equals(resource) || (resource instanceof List<?> r && r.contains("*"));
          Object action = s.get("Action");
          List<?> actions = action instanceof List<?> a ? a : List.of(String.valueOf(action));
          boolean onlyUnscoped = actions.stream().allMatch(a ->
              String.valueOf(a).startsWith("cloudwatch:PutMetricData") || String.valueOf(a).startsWith("xray:"));
          expect(!wildcard || onlyUnscoped, id + ": a policy grants " + actions + " on Resource *");
        }
      }
    });
  }

  private void expect(boolean holds, String violation) {
    if (!holds) {
      violations.add(violation);
    }
  }
}
