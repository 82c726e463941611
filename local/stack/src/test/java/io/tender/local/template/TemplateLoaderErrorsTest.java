package io.tender.local.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Templates the runner cannot serve. Each must fail with a message naming the file and the resource
 * (and property) that is wrong, so that the fix is obvious without a debugger.
 */
class TemplateLoaderErrorsTest {

  private static void assertFails(String fixture, Map<String, String> overrides, String message) {
    Path file = TemplateFixtures.path(fixture);
    assertThatThrownBy(() -> TemplateLoader.load(file, TemplateFixtures.NAMING, overrides))
        .isInstanceOf(TemplateException.class)
        .hasMessage(file + ": " + message);
  }

  private static void assertFails(String fixture, String message) {
    assertFails("errors/" + fixture, Map.of(), message);
  }

  @Test
  void yamlSyntaxErrorNamesTheLine() {
    Path file = TemplateFixtures.path("errors/yaml-syntax.yaml");
    assertThatThrownBy(() -> TemplateLoader.load(file, TemplateFixtures.NAMING, Map.of()))
        .isInstanceOf(TemplateException.class)
        .hasMessageStartingWith(file + ": Invalid YAML at line 7, column 6: ");
  }

  @Test
  void duplicateKeyNamesTheLine() {
    Path file = TemplateFixtures.path("errors/duplicate-key.yaml");
    assertThatThrownBy(() -> TemplateLoader.load(file, TemplateFixtures.NAMING, Map.of()))
        .isInstanceOf(TemplateException.class)
        .hasMessageStartingWith(file + ": Invalid YAML at line 5, column 3: ")
        .hasMessageContaining("JobsQueue");
  }

  @Test
  void parameterWithoutDefaultOrOverride() {
    assertFails(
        "missing-parameter.yaml",
        "Parameter 'ProviderUrl': has no Default and no override was given");
  }

  @Test
  void parameterWithoutDefaultIsFineWhenOverridden() {
    StackTemplate template =
        TemplateFixtures.load(
            "errors/missing-parameter.yaml", Map.of("ProviderUrl", "https://psp.example"));
    assertThat(template.functions().get("ApiFunction").environment())
        .containsEntry("PROVIDER_URL", "https://psp.example");
  }

  @Test
  void overrideOfAnUndeclaredParameter() {
    assertFails(
        "sample.yaml",
        Map.of("Stgae", "prod"),
        "Parameter override 'Stgae' names no parameter of the template");
  }

  @Test
  void overrideOutsideAllowedValues() {
    assertFails(
        "sample.yaml",
        Map.of("Stage", "qa"),
        "Parameter 'Stage': 'qa' is not one of the AllowedValues [dev, prod]");
  }

  @Test
  void overrideNotMatchingAllowedPattern() {
    assertFails(
        "intrinsics.yaml",
        Map.of("Owner", "Payments Team"),
        "Parameter 'Owner': 'Payments Team' does not match the AllowedPattern [a-z-]+");
  }

  @Test
  void refToUnknownResource() {
    assertFails(
        "unknown-ref.yaml",
        "Resource 'ApiFunction' (Events.GetPayment.Properties.ApiId):"
            + " !Ref to unknown resource 'PaymentApi'");
  }

  @Test
  void getAttToUnknownResource() {
    assertFails(
        "unknown-getatt.yaml",
        "Resource 'WorkerFunction' (Events.Webhooks.Properties.Queue):"
            + " !GetAtt to unknown resource 'WebhookQueu'");
  }

  @Test
  void subWithUnknownVariable() {
    assertFails(
        "unknown-sub-variable.yaml",
        "Resource 'ApiFunction' (Environment.Variables.TABLE): !Sub to unknown resource"
            + " 'PaymentTable'");
  }

  @Test
  void getAttOfAnAttributeTheTypeDoesNotHave() {
    assertFails(
        "unknown-attribute.yaml",
        "Resource 'WorkerFunction' (Events.Jobs.Properties.Queue): !GetAtt to JobsQueue.ARN:"
            + " AWS::SQS::Queue has no attribute 'ARN' (it has Arn, QueueName, QueueUrl)");
  }

  @Test
  void refToResourceWhoseConditionIsFalse() {
    assertFails(
        "ref-to-skipped-resource.yaml",
        "Resource 'ApiFunction' (Environment.Variables.AUDIT_QUEUE): !Ref to resource 'AuditQueue',"
            + " which is not created because its Condition IsProd is false");
  }

  @Test
  void unknownCondition() {
    assertFails(
        "unknown-condition.yaml",
        "Resource 'AuditQueue' (Condition): unknown condition 'IsProduction'");
  }

  @Test
  void conditionsReferringToEachOther() {
    assertFails("condition-cycle.yaml", "Condition 'A': refers back to itself");
  }

  @Test
  void conditionReferringToAResource() {
    assertFails(
        "condition-refers-to-resource.yaml",
        "Condition 'HasTable': Conditions cannot refer to resources,"
            + " but this refers to 'PaymentsTable'");
  }

  @Test
  void nameReferringToItself() {
    assertFails(
        "self-referencing-name.yaml",
        "Resource 'PaymentsTable': its name refers back to the resource itself");
  }

  @Test
  void importValueCannotBeResolvedLocally() {
    assertFails(
        "import-value.yaml",
        "Resource 'ApiFunction' (Environment.Variables.ALERTS_TOPIC):"
            + " !ImportValue reads another stack's export, which does not exist locally");
  }

  @Test
  void missingHandler() {
    assertFails(
        "missing-handler.yaml",
        "Resource 'ApiFunction': Handler is missing; set it on the function or in"
            + " Globals.Function");
  }

  @Test
  void eventTypeTheRunnerCannotServe() {
    assertFails(
        "unsupported-event.yaml",
        "Resource 'UploadFunction' (Events.Upload): event type 'S3' cannot be served locally"
            + " (the runner serves HttpApi, SQS, DynamoDB, Schedule and ScheduleV2)");
  }

  @Test
  void sameRouteInTwoFunctions() {
    assertFails(
        "duplicate-route.yaml",
        "Route 'GET /payments/{paymentId}' is declared twice:"
            + " Resource 'GetFunction' (Events.Get) and Resource 'FetchFunction' (Events.Fetch)");
  }

  @Test
  void defaultRouteTwiceInOneFunction() {
    assertFails(
        "duplicate-default-route.yaml",
        "Route '$default' is declared twice: Resource 'ApiFunction' (Events.Everything) and"
            + " Resource 'ApiFunction' (Events.CatchAll)");
  }

  @Test
  void sqsEventOnAQueueOutsideTheTemplate() {
    assertFails(
        "sqs-queue-not-in-template.yaml",
        "Resource 'WorkerFunction' (Events.Jobs.Properties.Queue):"
            + " 'arn:aws:sqs:eu-west-1:123456789012:jobs' is not the Arn of a queue in this"
            + " template");
  }

  @Test
  void sqsEventGivenTheQueueUrl() {
    assertFails(
        "sqs-queue-url.yaml",
        "Resource 'WorkerFunction' (Events.Jobs.Properties.Queue):"
            + " 'http://localhost:9324/000000000000/tender-local-JobsQueue' is the URL of queue"
            + " 'JobsQueue'; an SQS event needs its Arn (!GetAtt JobsQueue.Arn)");
  }

  @Test
  void scheduleWithBothEnabledAndState() {
    assertFails(
        "schedule-enabled-and-state.yaml",
        "Resource 'ReconcileFunction' (Events.Nightly.Properties): give either Enabled or State,"
            + " not both");
  }

  @Test
  void keyAttributeMissingFromAttributeDefinitions() {
    assertFails(
        "key-not-in-attributes.yaml",
        "Resource 'PaymentsTable' (GlobalSecondaryIndexes[0].KeySchema[0].AttributeName):"
            + " key attribute 'merchantId' is not in AttributeDefinitions");
  }

  @Test
  void fifoQueueNameWithoutFifoSuffix() {
    assertFails(
        "fifo-name.yaml",
        "Resource 'LedgerQueue' (QueueName): a FIFO queue's name must end in '.fifo', not"
            + " 'ledger'");
  }

  @Test
  void redriveToAQueueOutsideTheTemplate() {
    assertFails(
        "redrive-target.yaml",
        "Resource 'JobsQueue' (RedrivePolicy.deadLetterTargetArn):"
            + " 'arn:aws:sqs:eu-west-1:123456789012:jobs-dlq' is not the Arn of a queue in this"
            + " template");
  }

  @Test
  void numberPropertyThatIsNoNumber() {
    assertFails(
        "not-a-number.yaml",
        "Resource 'JobsQueue' (VisibilityTimeout): must be a whole number, not 'thirty'");
  }

  @Test
  void resourceWithoutType() {
    assertFails("missing-type.yaml", "Resource 'JobsQueue': Type is missing");
  }

  @Test
  void serverlessResourceWithoutTransform() {
    assertFails(
        "missing-transform.yaml",
        "Resource 'ApiFunction': AWS::Serverless::Function needs"
            + " 'Transform: AWS::Serverless-2016-10-31' at the top of the template");
  }

  @Test
  void environmentVariableThatIsAList() {
    assertFails(
        "environment-list.yaml",
        "Resource 'ApiFunction' (Environment.Variables.ORIGINS): must be a single value, not a"
            + " list");
  }

  @Test
  void environmentVariableThatIsAMap() {
    assertFails(
        "environment-map.yaml",
        "Resource 'ApiFunction' (Environment.Variables.SETTINGS): must be a single value, not a"
            + " map");
  }
}
