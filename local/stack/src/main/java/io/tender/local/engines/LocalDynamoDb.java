package io.tender.local.engines;

import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.net.URI;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

/**
 * DynamoDB Local in server mode, in memory, on a loopback ephemeral port, without telemetry.
 *
 * <p>Server mode (not the embedded client) so that callers go through the real SDK HTTP path.
 * DynamoDB Local binds 0.0.0.0 and refuses port 0, so its Jetty connector is re-pointed to
 * 127.0.0.1:0 before start.
 */
public final class LocalDynamoDb implements AutoCloseable {
  private final DynamoDBProxyServer server;
  private final URI endpoint;

  private LocalDynamoDb(DynamoDBProxyServer server, URI endpoint) {
    this.server = server;
    this.endpoint = endpoint;
  }

  public static LocalDynamoDb start() {
    try {
      // The port given here is replaced below; ServerRunner only validates it.
      DynamoDBProxyServer server = quietly(() -> ServerRunner.createServerFromCommandLineArgs(
          new String[] {"-inMemory", "-sharedDb", "-disableTelemetry", "-port", "65535"}));
      ServerConnector connector = loopbackConnector(server);
      server.start();
      return new LocalDynamoDb(server, URI.create("http://127.0.0.1:" + connector.getLocalPort()));
    } catch (Exception e) {
      throw new EngineStartException("DynamoDB Local did not start", e);
    }
  }

  private static ServerConnector loopbackConnector(DynamoDBProxyServer proxy)
      throws ReflectiveOperationException {
    Field field = DynamoDBProxyServer.class.getDeclaredField("server");
    field.setAccessible(true);
    Server jetty = (Server) field.get(proxy);
    for (Connector connector : jetty.getConnectors()) {
      if (connector instanceof ServerConnector serverConnector) {
        serverConnector.setHost("127.0.0.1");
        serverConnector.setPort(0);
        return serverConnector;
      }
    }
    throw new IllegalStateException("DynamoDB Local has no Jetty ServerConnector to re-point");
  }

  /**
   * Runs {@code creation} with standard output muted: DynamoDB Local prints its configuration
   * banner there, including the placeholder port, which would only mislead.
   */
  private static synchronized DynamoDBProxyServer quietly(Creation creation) throws Exception {
    PrintStream console = System.out;
    System.setOut(new PrintStream(OutputStream.nullOutputStream()));
    try {
      return creation.create();
    } finally {
      System.setOut(console);
    }
  }

  @FunctionalInterface
  private interface Creation {
    DynamoDBProxyServer create() throws Exception;
  }

  public URI endpoint() {
    return endpoint;
  }

  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) {
      throw new IllegalStateException("DynamoDB Local did not stop cleanly", e);
    }
  }
}
