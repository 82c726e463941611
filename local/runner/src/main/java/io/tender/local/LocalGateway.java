package io.tender.local;

import io.tender.local.dynamostream.DynamoStreamEventSourcePoller;
import io.tender.local.engines.LocalEngines;
import io.tender.local.function.Invocation;
import io.tender.local.function.LocalFunction;
import io.tender.local.http.FunctionRoute;
import io.tender.local.http.HttpApiServer;
import io.tender.local.http.OutgoingResponse;
import io.tender.local.http.RouteTable;
import io.tender.local.provision.ProvisionedStack;
import io.tender.local.schedule.LocalScheduler;
import io.tender.local.sqs.SqsEventSourcePoller;
import io.tender.local.template.DynamoDbEventSource;
import io.tender.local.template.FunctionSpec;
import io.tender.local.template.SqsEventSource;
import io.tender.local.template.StackTemplate;
import io.tender.local.template.TemplateException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The whole stack of template.yaml on one machine: DynamoDB Local and ElasticMQ with the
 * template's tables and queues, its secrets in a local Secrets Manager, every function hosted
 * in-process, its HTTP API on loopback, its SQS queues and DynamoDB streams polled and its
 * schedules fired.
 */
public final class LocalGateway implements AutoCloseable {
  private final LocalEngines engines;
  private final ProvisionedStack stack;
  private final Map<String, LocalFunction> functions;
  private final List<SqsEventSourcePoller> pollers;
  private final List<DynamoStreamEventSourcePoller> streamPollers;
  private final LocalScheduler scheduler;
  private final HttpApiServer api;

  private LocalGateway(LocalEngines engines, ProvisionedStack stack, Map<String, LocalFunction> functions,
      List<SqsEventSourcePoller> pollers, List<DynamoStreamEventSourcePoller> streamPollers,
      LocalScheduler scheduler, HttpApiServer api) {
    this.engines = engines;
    this.stack = stack;
    this.functions = functions;
    this.pollers = pollers;
    this.streamPollers = streamPollers;
    this.scheduler = scheduler;
    this.api = api;
  }

  /** Starts everything; on any failure stops what was started and throws, naming the cause. */
  public static LocalGateway start(LocalGatewayOptions options) {
    PrintStream log = options.log();
    LocalEngines engines = LocalEngines.start();
    List<AutoCloseable> started = new ArrayList<>(List.of(engines));
    try {
      ProvisionedStack stack = ProvisionedStack.create(engines, options.template(), options.stackName(),
          options.parameters(), options.secrets());
      started.add(stack);
      StackTemplate template = stack.template();

      Map<String, LocalFunction> functions = new LinkedHashMap<>();
      for (FunctionSpec spec : template.functions().values()) {
        LocalFunction function = LocalFunction.load(spec, lambdaEnvironment(spec, engines),
            functionArn(engines, spec), options.clock(), log);
        functions.put(spec.logicalId(), function);
        started.add(function);
      }

      LocalScheduler scheduler = new LocalScheduler(options.clock(), engines.accountId(), engines.region(), log);
      started.add(scheduler);
      functions.values().forEach(f -> f.spec().schedules().forEach(s -> scheduler.add(f, s)));

      List<SqsEventSourcePoller> pollers = new ArrayList<>();
      for (LocalFunction function : functions.values()) {
        for (SqsEventSource source : function.spec().sqsSources()) {
          if (source.enabled()) {
            String queueName = template.queues().get(source.queueLogicalId()).queueName();
            pollers.add(new SqsEventSourcePoller(stack.sqs(), function, source, stack.queueUrl(source.queueLogicalId()),
                "arn:aws:sqs:" + engines.region() + ":" + engines.accountId() + ":" + queueName,
                engines.region(), options.clock(), log));
          }
        }
      }

      template.routes().stream()
          .filter(entry -> entry.getValue().path().startsWith(HttpApiServer.LOCAL_PREFIX))
          .findFirst()
          .ifPresent(entry -> {
            throw new TemplateException("Resource '" + entry.getKey().logicalId() + "': path "
                + entry.getValue().path() + " is reserved for the local runner");
          });
      RouteTable routes = new RouteTable(template.routes().stream()
          .map(entry -> new FunctionRoute(entry.getKey().logicalId(), entry.getValue())).toList());
      LocalEndpoints localEndpoints = new LocalEndpoints(scheduler);
      HttpApiServer api = HttpApiServer.start(options.port(), routes, functions, localEndpoints::handle,
          options.clock(), log);
      started.add(api);

      List<DynamoStreamEventSourcePoller> streamPollers = new ArrayList<>();
      for (LocalFunction function : functions.values()) {
        for (DynamoDbEventSource source : function.spec().dynamoDbSources()) {
          if (source.enabled()) {
            DynamoStreamEventSourcePoller poller = DynamoStreamEventSourcePoller.start(stack.dynamoDbStreams(),
                stack.sqs(), function, source, stack.streamArn(source.tableLogicalId()),
                source.onFailureQueueLogicalId().map(stack::queueUrl), engines.region(), options.clock(), log);
            streamPollers.add(poller);
            started.add(poller);
          }
        }
      }
      pollers.forEach(poller -> Thread.ofVirtual().name("sqs-" + poller.hashCode()).start(poller));
      scheduler.start();
      return new LocalGateway(engines, stack, functions, pollers, streamPollers, scheduler, api);
    } catch (IOException e) {
      closeAll(started);
      throw new UncheckedIOException("the local HTTP API could not listen on port " + options.port(), e);
    } catch (RuntimeException e) {
      closeAll(started);
      throw e;
    }
  }

  /** What Lambda puts in a function's environment, on top of what the template declares. */
  private static Map<String, String> lambdaEnvironment(FunctionSpec spec, LocalEngines engines) {
    Map<String, String> environment = new LinkedHashMap<>(spec.environment());
    environment.put("AWS_REGION", engines.region());
    environment.put("AWS_DEFAULT_REGION", engines.region());
    environment.put("AWS_LAMBDA_FUNCTION_NAME", spec.functionName());
    environment.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(spec.memoryMb()));
    environment.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
    environment.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + spec.functionName());
    environment.put("AWS_EXECUTION_ENV", "AWS_Lambda_java21");
    environment.put("AWS_ACCESS_KEY_ID", "local");
    environment.put("AWS_SECRET_ACCESS_KEY", "local");
    environment.put("AWS_ENDPOINT_URL_DYNAMODB", engines.dynamoDbEndpoint().toString());
    environment.put("AWS_ENDPOINT_URL_SQS", engines.sqsEndpoint().toString());
    environment.put("AWS_ENDPOINT_URL_SECRETS_MANAGER", engines.secretsManagerEndpoint().toString());
    return environment;
  }

  private static String functionArn(LocalEngines engines, FunctionSpec spec) {
    return "arn:aws:lambda:" + engines.region() + ":" + engines.accountId() + ":function:" + spec.functionName();
  }

  public URI baseUrl() {
    return api.baseUrl();
  }

  public StackTemplate template() {
    return stack.template();
  }

  public String queueUrl(String queueLogicalId) {
    return stack.queueUrl(queueLogicalId);
  }

  public SqsClient sqs() {
    return stack.sqs();
  }

  public DynamoDbClient dynamoDb() {
    return stack.dynamoDb();
  }

  /** The ARN of the table's stream on DynamoDB Local, which the stream's events carry. */
  public String streamArn(String tableLogicalId) {
    return stack.streamArn(tableLogicalId);
  }

  public LocalEngines engines() {
    return engines;
  }

  /** Invokes one function with an event, as {@code sam local invoke} does. */
  public Invocation invoke(String functionLogicalId, byte[] event) {
    LocalFunction function = functions.get(functionLogicalId);
    if (function == null) {
      throw new IllegalArgumentException("no function " + functionLogicalId + " in the template");
    }
    return function.invoke(event, java.util.UUID.randomUUID().toString());
  }

  /** Fires the function's schedules now. */
  public List<Invocation> trigger(String functionLogicalId) {
    return scheduler.trigger(functionLogicalId);
  }

  @Override
  public void close() {
    pollers.forEach(SqsEventSourcePoller::stop);
    streamPollers.forEach(DynamoStreamEventSourcePoller::stop);
    streamPollers.forEach(DynamoStreamEventSourcePoller::close);
    List<AutoCloseable> all = new ArrayList<>();
    all.add(engines);
    all.add(stack);
    all.addAll(functions.values());
    all.add(scheduler);
    all.add(api);
    closeAll(all);
  }

  /** Closes in reverse order of start; a failure to close one does not keep the others open. */
  private static void closeAll(List<AutoCloseable> started) {
    for (int i = started.size() - 1; i >= 0; i--) {
      try {
        started.get(i).close();
      } catch (Exception e) {
        System.err.println("stopping " + started.get(i).getClass().getSimpleName() + " failed: " + e);
      }
    }
  }

  /** {@code POST /_local/schedules/{FunctionLogicalId}}: fire that function's schedules now. */
  private record LocalEndpoints(LocalScheduler scheduler) {
    OutgoingResponse handle(String method, String path) {
      String prefix = HttpApiServer.LOCAL_PREFIX + "schedules/";
      if (!path.startsWith(prefix) || path.length() == prefix.length()) {
        return json(404, "{\"message\":\"Not Found\"}");
      }
      if (!"POST".equals(method)) {
        return json(405, "{\"message\":\"Method Not Allowed\"}");
      }
      String function = path.substring(prefix.length());
      try {
        List<Invocation> results = scheduler.trigger(function);
        long failed = results.stream().filter(r -> !(r instanceof Invocation.Succeeded)).count();
        return json(failed == 0 ? 200 : 502, "{\"function\":\"" + function + "\",\"invocations\":"
            + results.size() + ",\"failed\":" + failed + "}");
      } catch (IllegalArgumentException e) {
        return json(404, "{\"message\":\"" + e.getMessage().replace("\"", "'") + "\"}");
      }
    }

    private static OutgoingResponse json(int status, String body) {
      return new OutgoingResponse(status, List.of(Map.entry("content-type", "application/json")),
          body.getBytes(StandardCharsets.UTF_8));
    }
  }
}
