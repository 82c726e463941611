package io.tender.local.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.tender.local.template.SamSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** template.yaml is what `sam deploy` gets: it must be valid SAM and keep Tender's rules. */
class TemplateDeploymentTest {
  static final Path TEMPLATE = Path.of("../../template.yaml");

  @Test
  void templateValidatesAgainstTheSamSchema() throws Exception {
    assertThat(SamSchema.validate(TEMPLATE)).isEmpty();
  }

  @Test
  void templateKeepsTheDeploymentRules() throws Exception {
    assertThat(DeploymentRules.check(TEMPLATE)).isEmpty();
  }

  @Test
  void aTemplateThatBreaksTheRulesIsCaughtRuleByRule() throws Exception {
    assertThat(DeploymentRules.check(Path.of("src/test/resources/deploy/rule-breaker.yaml")))
        .containsExactlyInAnyOrder(
            "Globals.Function.Architectures must be [arm64]",
            "Globals.Function.SnapStart.ApplyOn must be PublishedVersions",
            "Globals.Function JAVA_TOOL_OPTIONS must stop tiered compilation at C1",
            "MissingFunction: Handler class io.tender.functions.NoSuchHandler does not exist",
            "HealthOnQueueFunction: a SQS event needs a handler of SQSEvent, not "
                + "com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent",
            "HealthOnQueueFunction: a SQS event needs a handler returning SQSBatchResponse, not "
                + "com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse",
            "ShortQueue: VisibilityTimeout 30 is under 6 x the Timeout of HealthOnQueueFunction (10)",
            "ShortQueue: consumed by HealthOnQueueFunction but has no dead-letter queue",
            "Logs: a log group needs RetentionInDays",
            "MissingFunction: LoggingConfig.LogGroup must !Ref a log group of this template (for retention)",
            "Table: point-in-time recovery must be enabled",
            "Table: DeletionProtectionEnabled must be set",
            "Table: DeletionPolicy must be Retain",
            "HealthOnQueueFunction: a policy grants [dynamodb:PutItem] on Resource *",
            "HealthOnStreamFunction: a DynamoDB event needs a handler of DynamodbEvent, not "
                + "com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent",
            "HealthOnStreamFunction: a DynamoDB event needs a handler of DynamodbEvent, not "
                + "com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent",
            "HealthOnStreamFunction: a DynamoDB event needs a handler returning StreamsEventResponse, not "
                + "com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse",
            "HealthOnStreamFunction: the DynamoDB event Changes must start at TRIM_HORIZON, or it skips"
                + " what was written before it existed",
            "HealthOnStreamFunction: the DynamoDB event Changes needs MaximumRetryAttempts, or a failing"
                + " record holds up its shard until it expires",
            "HealthOnStreamFunction: the DynamoDB event Changes needs FunctionResponseTypes"
                + " [ReportBatchItemFailures], so that a failure retries from the failed record only",
            "HealthOnStreamFunction: the DynamoDB event Changes needs a DestinationConfig.OnFailure queue,"
                + " or records given up on leave no trace",
            "HealthOnStreamFunction: the DynamoDB event Outbox needs OnFailure Type: SQS, so that SAM lets"
                + " the function send to the queue");
  }

  /** How template.yaml subscribes a function to TenderTable's stream, rules and schema kept. */
  @Test
  void aStreamConsumerThatKeepsTheRulesPasses() throws Exception {
    Path consumer = Path.of("src/test/resources/deploy/stream-consumer.yaml");

    assertThat(SamSchema.validate(consumer)).isEmpty();
    assertThat(DeploymentRules.check(consumer)).isEmpty();
  }

  @Test
  void theFunctionJarNamedInTheTemplateIsTheOneMavenBuilds() throws Exception {
    String template = Files.readString(TEMPLATE);
    String functionsPom = Files.readString(Path.of("../../functions/pom.xml"));

    assertThat(template).contains("CodeUri: functions/target/tender-functions-lambda.jar");
    assertThat(functionsPom).contains("<finalName>tender-functions-lambda</finalName>");
  }
}
