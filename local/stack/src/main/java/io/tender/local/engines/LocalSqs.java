package io.tender.local.engines;

import java.net.URI;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;

/** ElasticMQ speaking the SQS protocol on a loopback ephemeral port. */
public final class LocalSqs implements AutoCloseable {
  public static final String ACCOUNT_ID = "123456789012";
  public static final String REGION = "us-east-1";

  private final SQSRestServer server;
  private final URI endpoint;

  private LocalSqs(SQSRestServer server, URI endpoint) {
    this.server = server;
    this.endpoint = endpoint;
  }

  public static LocalSqs start() {
    try {
      SQSRestServer server = SQSRestServerBuilder.withInterface("127.0.0.1")
          .withDynamicPort()
          .withAWSAccountId(ACCOUNT_ID)
          .withAWSRegion(REGION)
          .start();
      int port = server.waitUntilStarted().localAddress().getPort();
      return new LocalSqs(server, URI.create("http://127.0.0.1:" + port));
    } catch (RuntimeException e) {
      throw new EngineStartException("ElasticMQ did not start", e);
    }
  }

  public URI endpoint() {
    return endpoint;
  }

  @Override
  public void close() {
    server.stopAndWait();
  }
}
