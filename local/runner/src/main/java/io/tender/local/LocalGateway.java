package io.tender.local;

import io.tender.local.engines.LocalEngines;
import io.tender.local.function.Invocation;
import io.tender.local.function.LocalFunction;
import io.tender.local.http.FunctionRoute;
import io.tender.local.http.HttpApiServer;
import io.tender.local.http.OutgoingResponse;
import io.tender.local.http.RouteTable;
import io.tender.local.provision.Provisioner;
import io.tender.local.provision.SecretGenerator;
import io.tender.local.schedule.LocalScheduler;
import io.tender.local.sqs.SqsEventSourcePoller;
import io.tender.local.template.FunctionSpec;
import io.tender.local.template.LocalNaming;
import io.tender.local.template.SqsEventSource;
import io.tender.local.template.StackTemplate;
import io.tender.local.template.TemplateException;
import io.tender.local.template.TemplateLoader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The whole stack of template.yaml on one machine: DynamoDB Local and ElasticMQ with the
 * template's tables and queues, its secrets in a local Secrets Manager, every function hosted
 * in-process, its HTTP API on loopback, its SQS event sources polled and its schedules fired.
 */
public final class LocalGateway implements AutoCloseable {
  private final LocalEngines engines;
  private final SdkHttpClient httpClient;
  private final SqsClient sqs;
  private final DynamoDbClient dynamoDb;
  private final StackTemplate template;
  private final Map<String, String> queueUrls;
  private final Map<String, LocalFunction> functions;
  private final List<SqsEventSourcePoller> pollers;
  private final LocalScheduler scheduler;
  private final HttpApiServer api;

  private LocalGateway(LocalEngines engines, SdkHttpClient httpClient, SqsClient sqs,
      DynamoDbClient dynamoDb, StackTemplate template, Map<String, String> queueUrls,
      Map<String, LocalFunction> functions, List<SqsEventSourcePoller> pollers,
      LocalScheduler scheduler, HttpApiServer api) {
    this.engines = engines;
    this.httpClient = httpClient;
    this.sqs = sqs;
    this.dynamoDb = dynamoDb;
    this.template = template;
    this.queueUrls = queueUrls;
    this.functions = functions;
    this.pollers = pollers;
    this.scheduler = scheduler;
    this.api = api;
  }

  /** Starts everything; on any failure stops what was started and throws, naming the cause. */
  public static LocalGateway start(LocalGatewayOptions options) {
    PrintStream log = options.log();
    LocalEngines engines = LocalEngines.start();
    SdkHttpClient httpClient = UrlConnectionHttpClient.create();
    List<AutoCloseable> started = new ArrayList<>(List.of(engines, httpClient));
    try {
      LocalNaming naming = new LocalNaming(options.stackName(), engines.region(), engines.accountId(),
          engines.sqsEndpoint());
      StackTemplate template = TemplateLoader.load(options.template(), naming, options.parameters());
      SqsClient sqs = SqsClient.builder().httpClient(httpClient).region(Region.of(engines.region()))
          .endpointOverride(engines.sqsEndpoint()).credentialsProvider(LOCAL_CREDENTIALS).build();
      DynamoDbClient dynamoDb = DynamoDbClient.builder().httpClient(httpClient)
          .region(Region.of(engines.region())).endpointOverride(engines.dynamoDbEndpoint())
          .credentialsProvider(LOCAL_CREDENTIALS).build();
      started.add(sqs);
      started.add(dynamoDb);

      Map<String, String> queueUrls = new Provisioner(dynamoDb, sqs, engines.secrets()::put,
          new SecretGenerator(new SecureRandom())).provision(template, options.secrets());

      Map<String, LocalFunction> functions = new LinkedHashMap<>();
      for (FunctionSpec spec : template.functions().values()) {
        LocalFunction function = LocalFunction.load(spec, lambdaEnvironment(spec, engines, naming),
            functionArn(naming, spec), options.clock(), log);
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
            pollers.add(new SqsEventSourcePoller(sqs, function, source, queueUrls.get(source.queueLogicalId()),
                "arn:aws:sqs:" + engines.region() + ":" + engines.accountId() + ":" + queueName,
                engines.region(), options.clock(), log));
          }
        }
      }

      RouteTable routes = new RouteTable(template.routes().stream()
          .map(entry -> new FunctionRoute(entry.getKey().logicalId(), entry.getValue())).toList());
      template.routes().stream()
          .filter(entry -> entry.getValue().path().startsWith(HttpApiServer.LOCAL_PREFIX))
          .findFirst()
          .ifPresent(entry -> {
            throw new TemplateException("Resource '" + entry.getKey().logicalId() + "': path "
                + entry.getValue().path() + " is reserved for the local runner");
          });
      LocalEndpoints localEndpoints = new LocalEndpoints(scheduler);
      HttpApiServer api = HttpApiServer.start(options.port(), routes, functions, localEndpoints::handle,
          options.clock(), log);
      started.add(api);

      pollers.forEach(poller -> Thread.ofVirtual().name("sqs-" + poller.hashCode()).start(poller));
      scheduler.start();
      return new LocalGateway(engines, httpClient, sqs, dynamoDb, template, queueUrls, functions,
          pollers, scheduler, api);
    } catch (IOException e) {
      closeAll(started);
      throw new UncheckedIOException("the local HTTP API could not listen on port " + options.port(), e);
    } catch (RuntimeException e) {
      closeAll(started);
      throw e;
    }
  }

  private static final StaticCredentialsProvider LOCAL_CREDENTIALS =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));

  /** What Lambda puts in a function's environment, on top of what the template declares. */
  private static Map<String, String> lambdaEnvironment(FunctionSpec spec, LocalEngines engines,
      LocalNaming naming) {
    Map<String, String> environment = new LinkedHashMap<>(spec.environment());
    environment.put("AWS_REGION", naming.region());
    environment.put("AWS_DEFAULT_REGION", naming.region());
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

  private static String functionArn(LocalNaming naming, FunctionSpec spec) {
    return "arn:aws:lambda:" + naming.region() + ":" + naming.accountId() + ":function:" + spec.functionName();
  }

  public URI baseUrl() {
    return api.baseUrl();
  }

  public StackTemplate template() {
    return template;
  }

  public String queueUrl(String queueLogicalId) {
    String url = queueUrls.get(queueLogicalId);
    if (url == null) {
      throw new IllegalArgumentException("no queue " + queueLogicalId + " in the template");
    }
    return url;
  }

  public SqsClient sqs() {
    return sqs;
  }

  public DynamoDbClient dynamoDb() {
    return dynamoDb;
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
    List<AutoCloseable> all = new ArrayList<>();
    all.add(engines);
    all.add(httpClient);
    all.add(sqs);
    all.add(dynamoDb);
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
