package io.tender.adapter.aws;

import io.tender.config.Environment;
import java.util.Map;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.containers.localstack.LocalStackContainer.Service;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/**
 * The same engine contract on LocalStack, with {@code mvn verify -Plocalstack} on a machine that
 * runs Docker. Skipped cleanly where no Docker engine answers.
 */
@EnabledIfSystemProperty(named = "tender.it.localstack", matches = "true")
@Testcontainers(disabledWithoutDocker = true)
class LocalStackIntegrationTest extends EngineContract {

  @Container
  static final LocalStackContainer LOCALSTACK =
      new LocalStackContainer(DockerImageName.parse("localstack/localstack:3.8"))
          .withServices(Service.DYNAMODB, Service.SQS, Service.SECRETSMANAGER);

  @Override
  protected Environment environment() {
    return Environment.of(Map.of(
        "AWS_REGION", LOCALSTACK.getRegion(),
        "AWS_ENDPOINT_URL", LOCALSTACK.getEndpoint().toString(),
        "AWS_ACCESS_KEY_ID", LOCALSTACK.getAccessKey(),
        "AWS_SECRET_ACCESS_KEY", LOCALSTACK.getSecretKey()));
  }

  @Override
  protected void putSecret(String name, String value) {
    try (SecretsManagerClient client = new AwsClients(environment()).secretsManager()) {
      try {
        client.putSecretValue(put -> put.secretId(name).secretString(value));
      } catch (ResourceNotFoundException absent) {
        client.createSecret(create -> create.name(name).secretString(value));
      }
    }
  }
}
