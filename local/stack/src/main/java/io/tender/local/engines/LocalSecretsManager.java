package io.tender.local.engines;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * A loopback stand-in for AWS Secrets Manager that speaks the one operation Tender uses,
 * {@code GetSecretValue}, in AWS JSON 1.1, so the real {@code SecretsManagerClient} can talk to it.
 *
 * <p>No engine for Secrets Manager runs without Docker; this keeps the production client path
 * (signing, protocol, error mapping) under test instead of replacing it with a map.
 */
public final class LocalSecretsManager implements AutoCloseable {
  private static final int MAX_REQUEST_BYTES = 64 * 1024;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final Map<String, Secret> secrets = new ConcurrentHashMap<>();

  private record Secret(String name, String value, String versionId) {}

  private LocalSecretsManager(HttpServer server) {
    this.server = server;
  }

  public static LocalSecretsManager start() {
    try {
      HttpServer server = HttpServer.create(
          new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      LocalSecretsManager manager = new LocalSecretsManager(server);
      server.createContext("/", manager::handle);
      server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
      server.start();
      return manager;
    } catch (IOException e) {
      throw new EngineStartException("the local Secrets Manager did not start", e);
    }
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Creates or replaces a secret; each write is a new version, as in AWS. */
  public void put(String name, String value) {
    secrets.put(name, new Secret(name, value, UUID.randomUUID().toString()));
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
      if (!"POST".equals(exchange.getRequestMethod()) || target == null) {
        reply(exchange, 400, error("InvalidRequestException", "expected an AWS JSON 1.1 POST"));
        return;
      }
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readNBytes(MAX_REQUEST_BYTES + 1);
      }
      if (body.length > MAX_REQUEST_BYTES) {
        reply(exchange, 400, error("InvalidRequestException", "request too large"));
        return;
      }
      if (!"secretsmanager.GetSecretValue".equals(target)) {
        reply(exchange, 400, error("UnknownOperationException", "not supported locally: " + target));
        return;
      }
      JsonNode request = JSON.readTree(body);
      String id = request.path("SecretId").asText("");
      Secret secret = secrets.get(nameOf(id));
      if (secret == null) {
        reply(exchange, 400, error("ResourceNotFoundException",
            "Secrets Manager can't find the specified secret."));
        return;
      }
      ObjectNode answer = JSON.createObjectNode();
      answer.put("ARN", arnOf(secret.name()));
      answer.put("Name", secret.name());
      answer.put("SecretString", secret.value());
      answer.put("VersionId", secret.versionId());
      answer.putArray("VersionStages").add("AWSCURRENT");
      answer.put("CreatedDate", System.currentTimeMillis() / 1000.0);
      reply(exchange, 200, answer);
    } catch (IOException | RuntimeException e) {
      reply(exchange, 500, error("InternalServiceError", "the local Secrets Manager failed"));
    }
  }

  /** A secret may be asked for by name or by ARN, as in AWS. */
  private static String nameOf(String secretId) {
    String marker = ":secret:";
    int at = secretId.indexOf(marker);
    return at < 0 ? secretId : secretId.substring(at + marker.length());
  }

  private static String arnOf(String name) {
    return "arn:aws:secretsmanager:" + LocalSqs.REGION + ":" + LocalSqs.ACCOUNT_ID + ":secret:" + name;
  }

  private static ObjectNode error(String type, String message) {
    ObjectNode node = JSON.createObjectNode();
    node.put("__type", type);
    node.put("message", message);
    return node;
  }

  private static void reply(HttpExchange exchange, int status, ObjectNode body) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
    exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
