package io.tender.local.provision;

import io.tender.local.engines.LocalEngines;
import io.tender.local.template.LocalNaming;
import io.tender.local.template.StackTemplate;
import io.tender.local.template.TemplateLoader;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * A template's tables, queues and secrets, created on running {@link LocalEngines} under one stack
 * name. Tests create one per class under a name of their own, so that they share the engines
 * but never each other's data, and always run on the schema the template declares.
 */
public final class ProvisionedStack implements AutoCloseable {
  private static final StaticCredentialsProvider LOCAL_CREDENTIALS =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));

  private final StackTemplate template;
  private final Map<String, String> queueUrls;
  private final Map<String, String> streamArns;
  private final SdkHttpClient httpClient;
  private final DynamoDbClient dynamoDb;
  private final DynamoDbStreamsClient dynamoDbStreams;
  private final SqsClient sqs;

  private ProvisionedStack(StackTemplate template, Provisioner.Provisioned provisioned,
      SdkHttpClient httpClient, DynamoDbClient dynamoDb, DynamoDbStreamsClient dynamoDbStreams, SqsClient sqs) {
    this.template = template;
    this.queueUrls = provisioned.queueUrls();
    this.streamArns = provisioned.streamArns();
    this.httpClient = httpClient;
    this.dynamoDb = dynamoDb;
    this.dynamoDbStreams = dynamoDbStreams;
    this.sqs = sqs;
  }

  /**
   * Reads the template under {@code stackName} and creates its resources.
   *
   * @param secretOverrides secret name → value to use instead of the template's
   */
  public static ProvisionedStack create(LocalEngines engines, Path template, String stackName,
      Map<String, String> parameters, Map<String, String> secretOverrides) {
    LocalNaming naming = new LocalNaming(stackName, engines.region(), engines.accountId(), engines.sqsEndpoint());
    StackTemplate stack = TemplateLoader.load(template, naming, parameters);
    SdkHttpClient httpClient = UrlConnectionHttpClient.create();
    DynamoDbClient dynamoDb = DynamoDbClient.builder().httpClient(httpClient)
        .region(Region.of(engines.region())).endpointOverride(engines.dynamoDbEndpoint())
        .credentialsProvider(LOCAL_CREDENTIALS).build();
    DynamoDbStreamsClient dynamoDbStreams = DynamoDbStreamsClient.builder().httpClient(httpClient)
        .region(Region.of(engines.region())).endpointOverride(engines.dynamoDbEndpoint())
        .credentialsProvider(LOCAL_CREDENTIALS).build();
    SqsClient sqs = SqsClient.builder().httpClient(httpClient).region(Region.of(engines.region()))
        .endpointOverride(engines.sqsEndpoint()).credentialsProvider(LOCAL_CREDENTIALS).build();
    try {
      Provisioner.Provisioned provisioned = new Provisioner(dynamoDb, sqs, engines.secrets()::put,
          new SecretGenerator(new SecureRandom())).provision(stack, secretOverrides);
      return new ProvisionedStack(stack, provisioned, httpClient, dynamoDb, dynamoDbStreams, sqs);
    } catch (RuntimeException e) {
      sqs.close();
      dynamoDbStreams.close();
      dynamoDb.close();
      httpClient.close();
      throw e;
    }
  }

  public StackTemplate template() {
    return template;
  }

  public String tableName(String logicalId) {
    var table = template.tables().get(logicalId);
    if (table == null) {
      throw new IllegalArgumentException("no table " + logicalId + " in the template");
    }
    return table.tableName();
  }

  public String queueUrl(String logicalId) {
    String url = queueUrls.get(logicalId);
    if (url == null) {
      throw new IllegalArgumentException("no queue " + logicalId + " in the template");
    }
    return url;
  }

  public Map<String, String> queueUrls() {
    return queueUrls;
  }

  /**
   * The ARN of the stream DynamoDB Local made for the table, to read it with. The template's
   * {@code !GetAtt Table.StreamArn} resolves to a placeholder instead, because the engine picks the
   * stream's label only when the table is created, after the template was read.
   */
  public String streamArn(String tableLogicalId) {
    String arn = streamArns.get(tableLogicalId);
    if (arn == null) {
      throw new IllegalArgumentException("no table " + tableLogicalId + " with a stream in the template");
    }
    return arn;
  }

  /** A client on the local DynamoDB, for the runner's own work and for tests to look. */
  public DynamoDbClient dynamoDb() {
    return dynamoDb;
  }

  public SqsClient sqs() {
    return sqs;
  }

  /** A client on DynamoDB Local's streams, which it serves on the same endpoint as its tables. */
  public DynamoDbStreamsClient dynamoDbStreams() {
    return dynamoDbStreams;
  }

  @Override
  public void close() {
    sqs.close();
    dynamoDbStreams.close();
    dynamoDb.close();
    httpClient.close();
  }
}
