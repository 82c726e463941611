package io.tender.adapter.aws;

import io.tender.config.Environment;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Builds the AWS SDK clients a function uses, from its {@link Environment}.
 *
 * <p>Every client gets the url-connection HTTP client explicitly: it starts fastest on Lambda,
 * and the SDK's default clients are excluded from the build so that tests cannot silently run
 * another one. Endpoints come from the standard {@code AWS_ENDPOINT_URL_<SERVICE>} variables,
 * which the local runner sets to its engines; on AWS they are absent.
 */
public final class AwsClients {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
  private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(10);

  private final Environment environment;
  private final SdkHttpClient httpClient;

  public AwsClients(Environment environment) {
    this.environment = environment;
    this.httpClient = UrlConnectionHttpClient.builder()
        .connectionTimeout(CONNECT_TIMEOUT)
        .socketTimeout(SOCKET_TIMEOUT)
        .build();
  }

  public DynamoDbClient dynamoDb() {
    return configure(DynamoDbClient.builder(), "DYNAMODB").build();
  }

  public SqsClient sqs() {
    return configure(SqsClient.builder(), "SQS").build();
  }

  public SecretsManagerClient secretsManager() {
    return configure(SecretsManagerClient.builder(), "SECRETS_MANAGER").build();
  }

  private <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(
      B builder, String service) {
    builder.httpClient(httpClient);
    builder.region(Region.of(environment.require("AWS_REGION")));
    Optional<URI> endpoint = endpoint(service);
    endpoint.ifPresent(builder::endpointOverride);
    builder.credentialsProvider(credentials(endpoint.isPresent()));
    return builder;
  }

  private Optional<URI> endpoint(String service) {
    return environment.get("AWS_ENDPOINT_URL_" + service)
        .or(() -> environment.get("AWS_ENDPOINT_URL"))
        .filter(value -> !value.isBlank())
        .map(URI::create);
  }

  private AwsCredentialsProvider credentials(boolean localEndpoint) {
    if (localEndpoint) {
      // Local engines accept any key; signing still runs, as it does against AWS.
      return StaticCredentialsProvider.create(AwsBasicCredentials.create(
          environment.get("AWS_ACCESS_KEY_ID").orElse("local"),
          environment.get("AWS_SECRET_ACCESS_KEY").orElse("local")));
    }
    if (System.getenv("AWS_LAMBDA_FUNCTION_NAME") != null) {
      // On Lambda the role's credentials are in the environment; reading them on each request
      // (not once at init) keeps them valid after a SnapStart restore.
      return EnvironmentVariableCredentialsProvider.create();
    }
    return DefaultCredentialsProvider.builder().build();
  }
}
