package io.tender.reliability;

import io.tender.config.Environment;
import io.tender.testing.LocalTender;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** SDK clients for the local engines, built as the functions build theirs, with an interceptor in the call path. */
final class EngineClients {
  private EngineClients() {}

  static DynamoDbClient dynamoDb(LocalTender tender, ExecutionInterceptor interceptor) {
    Environment environment = tender.environment();
    return DynamoDbClient.builder()
        .httpClient(UrlConnectionHttpClient.builder().build())
        .region(Region.of(environment.require("AWS_REGION")))
        .endpointOverride(URI.create(environment.require("AWS_ENDPOINT_URL_DYNAMODB")))
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .overrideConfiguration(configuration -> configuration.addExecutionInterceptor(interceptor))
        .build();
  }

  static SqsClient sqs(LocalTender tender, ExecutionInterceptor interceptor) {
    Environment environment = tender.environment();
    return SqsClient.builder()
        .httpClient(UrlConnectionHttpClient.builder().build())
        .region(Region.of(environment.require("AWS_REGION")))
        .endpointOverride(URI.create(environment.require("AWS_ENDPOINT_URL_SQS")))
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .overrideConfiguration(configuration -> configuration.addExecutionInterceptor(interceptor))
        .build();
  }
}
