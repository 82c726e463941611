package io.tender.testing;

import io.tender.adapter.aws.AwsClients;
import io.tender.config.Environment;
import io.tender.local.engines.LocalEngines;
import io.tender.local.provision.ProvisionedStack;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

/**
 * The project's template.yaml provisioned on the shared local engines under a stack name of its
 * own, with SDK clients built exactly as the functions build them. Repository tests use it so
 * that they always run on the table design the template declares.
 */
public final class LocalTender implements AutoCloseable {
  private static final Path TEMPLATE = Path.of("../template.yaml");

  private final ProvisionedStack stack;
  private final Environment environment;

  private LocalTender(ProvisionedStack stack, Environment environment) {
    this.stack = stack;
    this.environment = environment;
  }

  public static LocalTender provision(LocalEngines engines) {
    String stackName = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    ProvisionedStack stack = ProvisionedStack.create(engines, TEMPLATE, stackName, Map.of(), Map.of());
    Environment environment = Environment.of(Map.of(
        "AWS_REGION", engines.region(),
        "AWS_ENDPOINT_URL_DYNAMODB", engines.dynamoDbEndpoint().toString(),
        "AWS_ENDPOINT_URL_SQS", engines.sqsEndpoint().toString(),
        "AWS_ENDPOINT_URL_SECRETS_MANAGER", engines.secretsManagerEndpoint().toString(),
        "TENDER_TABLE", stack.tableName("TenderTable")));
    return new LocalTender(stack, environment);
  }

  /** The environment a function would get locally: region, engine endpoints, table name. */
  public Environment environment() {
    return environment;
  }

  public AwsClients clients() {
    return new AwsClients(environment);
  }

  public String tableName() {
    return stack.tableName("TenderTable");
  }

  public ProvisionedStack stack() {
    return stack;
  }

  @Override
  public void close() {
    stack.close();
  }
}
