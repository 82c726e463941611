package io.tender.bench.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tender.local.LocalGateway;
import io.tender.local.LocalGatewayOptions;
import io.tender.local.ProviderSandboxes;
import io.tender.local.function.Invocation;
import io.tender.local.sandbox.stripe.StripeSandbox;
import io.tender.local.template.FunctionSpec;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The whole gateway of template.yaml on the local engines, with the Stripe sandbox, as every
 * benchmark and the capacity test use it: started quietly, with a webhook signing secret the
 * bench knows, so it can sign Stripe events of its own.
 */
public final class BenchStack implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String WEBHOOK_SECRET_NAME = "StripeWebhookSecret";

  /** A merchant of the stack: its test-mode API key and tenant id. */
  public record Merchant(String tenantId, String apiKey) {}

  private final ProviderSandboxes sandboxes;
  private final LocalGateway gateway;
  private final String webhookSecret;

  private BenchStack(ProviderSandboxes sandboxes, LocalGateway gateway, String webhookSecret) {
    this.sandboxes = sandboxes;
    this.gateway = gateway;
    this.webhookSecret = webhookSecret;
  }

  /**
   * Starts the gateway of {@code template}; with {@code deliverWebhooks} the sandbox posts its
   * events to the gateway, as Stripe would, else the bench hands events to handlers itself.
   */
  public static BenchStack start(Path template, String stackName, boolean deliverWebhooks) {
    byte[] random = new byte[24];
    new SecureRandom().nextBytes(random);
    String webhookSecret = "whsec_" + HexFormat.of().formatHex(random);
    ProviderSandboxes sandboxes = ProviderSandboxes.start(Clock.systemUTC());
    try {
      LocalGatewayOptions options = new LocalGatewayOptions(template, 0, stackName, Map.of(),
          Map.of(WEBHOOK_SECRET_NAME, webhookSecret), Clock.systemUTC(), quiet());
      LocalGateway gateway = LocalGateway.start(sandboxes.wire(options));
      if (deliverWebhooks) {
        sandboxes.stripe().addWebhookEndpoint(URI.create(gateway.baseUrl() + "/api/webhooks/stripe"), webhookSecret);
      }
      return new BenchStack(sandboxes, gateway, webhookSecret);
    } catch (RuntimeException e) {
      sandboxes.close();
      throw e;
    }
  }

  public LocalGateway gateway() {
    return gateway;
  }

  public StripeSandbox stripe() {
    return sandboxes.stripe();
  }

  public String webhookSecret() {
    return webhookSecret;
  }

  public String tableName() {
    return gateway.template().tables().get("TenderTable").tableName();
  }

  public FunctionSpec function(String logicalId) {
    FunctionSpec spec = gateway.template().functions().get(logicalId);
    if (spec == null) {
      throw new IllegalArgumentException("no function " + logicalId + " in the template");
    }
    return spec;
  }

  /** The environment Lambda would give the function here: the template's, then Lambda's own. */
  public Map<String, String> functionEnvironment(String logicalId) {
    FunctionSpec spec = function(logicalId);
    var engines = gateway.engines();
    Map<String, String> environment = new LinkedHashMap<>(spec.environment());
    environment.put("AWS_REGION", engines.region());
    environment.put("AWS_DEFAULT_REGION", engines.region());
    environment.put("AWS_LAMBDA_FUNCTION_NAME", spec.functionName());
    environment.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(spec.memoryMb()));
    environment.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
    environment.put("AWS_EXECUTION_ENV", "AWS_Lambda_java21");
    environment.put("AWS_ACCESS_KEY_ID", "local");
    environment.put("AWS_SECRET_ACCESS_KEY", "local");
    environment.put("AWS_ENDPOINT_URL_DYNAMODB", engines.dynamoDbEndpoint().toString());
    environment.put("AWS_ENDPOINT_URL_SQS", engines.sqsEndpoint().toString());
    environment.put("AWS_ENDPOINT_URL_SECRETS_MANAGER", engines.secretsManagerEndpoint().toString());
    return environment;
  }

  /** A new tenant through the operator function, with its first test key. */
  public Merchant bootstrap(String name, String email) {
    JsonNode answer = operator("{\"tenantName\":\"" + name + "\",\"ownerEmail\":\"" + email + "\"}");
    return new Merchant(answer.path("tenantId").asText(), answer.path("testApiKey").path("secret").asText());
  }

  /** Approves {@code domains} for the tenant's webhook URLs, as an operator does. */
  public void approveDomains(String tenantId, String... domains) {
    operator("{\"action\":\"approveDomains\",\"tenantId\":\"" + tenantId + "\",\"approvedDomains\":[\""
        + String.join("\",\"", domains) + "\"]}");
  }

  /** Replaces the tenant's rate-limit overrides with {@code limits} (name → count per window). */
  public void setRateLimits(String tenantId, Map<String, Integer> limits) {
    StringBuilder json = new StringBuilder();
    limits.forEach((name, limit) -> json.append(json.isEmpty() ? "" : ",").append('"').append(name).append("\":")
        .append(limit));
    operator("{\"action\":\"setRateLimits\",\"tenantId\":\"" + tenantId + "\",\"rateLimits\":{" + json + "}}");
  }

  private JsonNode operator(String request) {
    Invocation result = gateway.invoke("BootstrapTenantFunction", request.getBytes(StandardCharsets.UTF_8));
    if (!(result instanceof Invocation.Succeeded succeeded)) {
      throw new IllegalStateException("the operator function failed: " + result);
    }
    try {
      JsonNode answer = JSON.readTree(succeeded.output());
      if (!answer.path("success").asBoolean()) {
        throw new IllegalStateException("the operator function refused: " + answer);
      }
      return answer;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public HttpResponse<String> post(String path, String body, String apiKey, String idempotencyKey) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway.baseUrl() + path))
        .header("content-type", "application/json").header("x-api-key", apiKey)
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (idempotencyKey != null) {
      request.header("idempotency-key", idempotencyKey);
    }
    return send(request.build());
  }

  public HttpResponse<String> get(String path, String apiKey) {
    return send(HttpRequest.newBuilder(URI.create(gateway.baseUrl() + path)).header("x-api-key", apiKey).build());
  }

  private static HttpResponse<String> send(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public static JsonNode json(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The Stripe checkout id behind a session's hosted page ({@code redirect_url}). */
  public static String stripeCheckoutId(JsonNode createdSession) {
    return URI.create(createdSession.path("redirect_url").asText()).getPath().replaceAll(".*/", "");
  }

  private static PrintStream quiet() {
    return new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    gateway.close();
    sandboxes.close();
  }
}
