package io.tender.local.engines;

import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * The three engines Tender runs on locally, started side by side: DynamoDB Local, ElasticMQ and
 * the Secrets Manager stand-in. Closing stops all three.
 */
public final class LocalEngines implements AutoCloseable {
  private final LocalDynamoDb dynamoDb;
  private final LocalSqs sqs;
  private final LocalSecretsManager secrets;

  private LocalEngines(LocalDynamoDb dynamoDb, LocalSqs sqs, LocalSecretsManager secrets) {
    this.dynamoDb = dynamoDb;
    this.sqs = sqs;
    this.secrets = secrets;
  }

  public static LocalEngines start() {
    // Started in parallel: each spends most of its start-up in class loading and JIT. The
    // threads are made here so that they inherit this thread's context class loader, which the
    // engines load their logging through (the common pool's threads carry the system one).
    Executor threads = runnable -> Thread.ofVirtual().name("engine-start").start(runnable);
    CompletableFuture<LocalDynamoDb> dynamoDb = CompletableFuture.supplyAsync(LocalDynamoDb::start, threads);
    CompletableFuture<LocalSqs> sqs = CompletableFuture.supplyAsync(LocalSqs::start, threads);
    LocalSecretsManager secrets = LocalSecretsManager.start();
    try {
      return new LocalEngines(dynamoDb.join(), sqs.join(), secrets);
    } catch (CompletionException e) {
      dynamoDb.thenAccept(LocalDynamoDb::close);
      sqs.thenAccept(LocalSqs::close);
      secrets.close();
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
  }

  public URI dynamoDbEndpoint() {
    return dynamoDb.endpoint();
  }

  public URI sqsEndpoint() {
    return sqs.endpoint();
  }

  public URI secretsManagerEndpoint() {
    return secrets.endpoint();
  }

  public LocalSecretsManager secrets() {
    return secrets;
  }

  public String region() {
    return LocalSqs.REGION;
  }

  public String accountId() {
    return LocalSqs.ACCOUNT_ID;
  }

  @Override
  public void close() {
    RuntimeException failure = null;
    for (AutoCloseable engine : new AutoCloseable[] {secrets, sqs, dynamoDb}) {
      try {
        engine.close();
      } catch (Exception e) {
        if (failure == null) {
          failure = new IllegalStateException("an engine did not stop cleanly", e);
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
