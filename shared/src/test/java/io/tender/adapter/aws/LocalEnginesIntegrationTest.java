package io.tender.adapter.aws;

import io.tender.config.Environment;
import io.tender.local.engines.LocalEngines;
import io.tender.local.engines.SharedEngines;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** The engine contract on DynamoDB Local, ElasticMQ and the Secrets Manager stand-in. */
@ExtendWith(SharedEngines.class)
class LocalEnginesIntegrationTest extends EngineContract {
  private LocalEngines engines;

  @BeforeEach
  void useSharedEngines(LocalEngines engines) {
    this.engines = engines;
  }

  @Override
  protected Environment environment() {
    return Environment.of(Map.of(
        "AWS_REGION", engines.region(),
        "AWS_ENDPOINT_URL_DYNAMODB", engines.dynamoDbEndpoint().toString(),
        "AWS_ENDPOINT_URL_SQS", engines.sqsEndpoint().toString(),
        "AWS_ENDPOINT_URL_SECRETS_MANAGER", engines.secretsManagerEndpoint().toString()));
  }

  @Override
  protected void putSecret(String name, String value) {
    engines.secrets().put(name, value);
  }
}
