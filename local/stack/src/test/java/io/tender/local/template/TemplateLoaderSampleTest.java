package io.tender.local.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

import io.tender.local.template.QueueSpec.Redrive;
import io.tender.local.template.TableSpec.IndexSpec;
import io.tender.local.template.TableSpec.KeyElement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The sample template, shaped like Tender's own, read with default parameters and for prod. */
class TemplateLoaderSampleTest {
  private static final String ACCOUNT = "000000000000";
  private static final String QUEUE_URL_PREFIX = "http://localhost:9324/" + ACCOUNT + "/";

  private final StackTemplate dev = TemplateFixtures.load("sample.yaml");

  @Test
  void readsResourcesInTemplateOrderAndSkipsThoseWhoseConditionIsFalse() {
    assertThat(dev.functions())
        .containsOnlyKeys("ApiFunction", "WebhookWorkerFunction", "ReconcileFunction");
    assertThat(dev.tables()).containsOnlyKeys("PaymentsTable", "IdempotencyTable");
    assertThat(dev.queues().keySet())
        .containsExactly(
            "WebhookQueue", "WebhookDeadLetterQueue", "LedgerQueue", "LedgerDeadLetterQueue");
    assertThat(dev.secrets().keySet()).containsExactly("ProviderApiKey", "SigningSecret");
    assertThat(dev.ignoredResources())
        .containsExactly(
            entry("PaymentsApi", "AWS::Serverless::HttpApi"),
            entry("ApiLogGroup", "AWS::Logs::LogGroup"),
            entry("ApiErrorsAlarm", "AWS::CloudWatch::Alarm"));
  }

  @Test
  void readsTableWithIndexesAndTtl() {
    TableSpec payments = dev.tables().get("PaymentsTable");
    assertThat(payments.tableName()).isEqualTo("tender-local-payments");
    assertThat(payments.keySchema())
        .containsExactly(new KeyElement("pk", "HASH"), new KeyElement("sk", "RANGE"));
    assertThat(payments.attributeTypes())
        .containsExactly(
            entry("pk", "S"), entry("sk", "S"), entry("merchantId", "S"), entry("createdAt", "N"));
    assertThat(payments.globalSecondaryIndexes())
        .containsExactly(
            new IndexSpec(
                "byMerchant",
                List.of(new KeyElement("merchantId", "HASH"), new KeyElement("createdAt", "RANGE")),
                "INCLUDE",
                List.of("status", "amount")),
            new IndexSpec(
                "byCreatedAt",
                List.of(new KeyElement("createdAt", "HASH")),
                "KEYS_ONLY",
                List.of()));
    assertThat(payments.localSecondaryIndexes())
        .containsExactly(
            new IndexSpec(
                "byPkCreatedAt",
                List.of(new KeyElement("pk", "HASH"), new KeyElement("createdAt", "RANGE")),
                "ALL",
                List.of()));
    assertThat(payments.ttlAttribute()).contains("expiresAt");
    assertThat(payments.streamViewType()).contains("NEW_AND_OLD_IMAGES");
  }

  @Test
  void defaultTableNameAndDisabledTtl() {
    TableSpec idempotency = dev.tables().get("IdempotencyTable");
    assertThat(idempotency.tableName()).isEqualTo("tender-local-IdempotencyTable");
    assertThat(idempotency.ttlAttribute()).isEmpty();
    assertThat(idempotency.globalSecondaryIndexes()).isEmpty();
    assertThat(idempotency.streamViewType()).isEmpty();
  }

  @Test
  void readsQueuesWithDefaultsAndRedrive() {
    assertThat(dev.queues().get("WebhookQueue"))
        .isEqualTo(
            new QueueSpec(
                "WebhookQueue",
                "tender-local-WebhookQueue",
                false,
                false,
                60,
                0,
                1_209_600,
                Optional.of(new Redrive("WebhookDeadLetterQueue", 5))));
    assertThat(dev.queues().get("WebhookDeadLetterQueue"))
        .isEqualTo(
            new QueueSpec(
                "WebhookDeadLetterQueue",
                "tender-local-webhooks-dlq",
                false,
                false,
                30,
                0,
                345_600,
                Optional.empty()));
  }

  @Test
  void readsFifoQueuesWithRedrivePolicyGivenAsJson() {
    QueueSpec ledger = dev.queues().get("LedgerQueue");
    assertThat(ledger.queueName()).isEqualTo("tender-local-LedgerQueue.fifo");
    assertThat(ledger.fifo()).isTrue();
    assertThat(ledger.contentBasedDeduplication()).isTrue();
    assertThat(ledger.delaySeconds()).isEqualTo(2);
    assertThat(ledger.redrive()).contains(new Redrive("LedgerDeadLetterQueue", 3));
    QueueSpec deadLetters = dev.queues().get("LedgerDeadLetterQueue");
    assertThat(deadLetters.queueName()).isEqualTo("tender-local-ledger-dlq.fifo");
    assertThat(deadLetters.fifo()).isTrue();
  }

  @Test
  void readsGeneratedAndLiteralSecrets() {
    SecretSpec apiKey = dev.secrets().get("ProviderApiKey");
    assertThat(apiKey.name()).isEqualTo("dev/tender/provider-api-key");
    assertThat(apiKey.secretString()).isEmpty();
    assertThat(apiKey.generate())
        .contains(
            new SecretSpec.Generated(
                Optional.of("{\"username\": \"tender\"}"),
                Optional.of("password"),
                40,
                "\"@/\\",
                true,
                false,
                false,
                false,
                false));
    SecretSpec signing = dev.secrets().get("SigningSecret");
    assertThat(signing.name()).isEqualTo("tender-local-SigningSecret");
    assertThat(signing.secretString()).contains("{\"key\": \"local-signing-key\"}");
    assertThat(signing.generate()).isEmpty();
  }

  @Test
  void mergesGlobalsIntoFunctions() {
    FunctionSpec api = dev.functions().get("ApiFunction");
    assertThat(api.functionName()).isEqualTo("tender-local-ApiFunction");
    assertThat(api.handler()).isEqualTo("io.tender.functions.api.ApiHandler::handleRequest");
    assertThat(api.timeoutSeconds()).as("own Timeout, from a parameter").isEqualTo(20);
    assertThat(api.memoryMb()).as("Globals MemorySize").isEqualTo(512);

    FunctionSpec worker = dev.functions().get("WebhookWorkerFunction");
    assertThat(worker.functionName()).isEqualTo("tender-local-webhook-worker");
    assertThat(worker.timeoutSeconds()).as("Globals Timeout").isEqualTo(10);
    assertThat(worker.memoryMb()).as("own MemorySize, given as a string").isEqualTo(1024);
    assertThat(worker.environment())
        .containsExactly(
            entry("STAGE", "dev"),
            entry("LOG_LEVEL", "DEBUG"),
            entry("PAYMENTS_TABLE", "tender-local-payments"));
  }

  @Test
  void resolvesEnvironmentToLocalNames() {
    assertThat(dev.functions().get("ApiFunction").environment())
        .containsExactly(
            entry("STAGE", "dev"),
            entry("LOG_LEVEL", "WARN"),
            entry("PAYMENTS_TABLE", "tender-local-payments"),
            entry("WEBHOOK_QUEUE_URL", QUEUE_URL_PREFIX + "tender-local-WebhookQueue"),
            entry(
                "WEBHOOK_QUEUE_ARN",
                "arn:aws:sqs:eu-west-1:" + ACCOUNT + ":tender-local-WebhookQueue"),
            entry("LEDGER_QUEUE_NAME", "tender-local-LedgerQueue.fifo"),
            entry(
                "PROVIDER_SECRET_ARN",
                "arn:aws:secretsmanager:eu-west-1:"
                    + ACCOUNT
                    + ":secret:dev/tender/provider-api-key"),
            entry(
                "PAYMENTS_TABLE_ARN",
                "arn:aws:dynamodb:eu-west-1:" + ACCOUNT + ":table/tender-local-payments"),
            entry(
                "PAYMENTS_STREAM_ARN",
                "arn:aws:dynamodb:eu-west-1:"
                    + ACCOUNT
                    + ":table/tender-local-payments/stream/local"),
            entry(
                "WORKER_ARN",
                "arn:aws:lambda:eu-west-1:" + ACCOUNT + ":function:tender-local-webhook-worker"),
            entry("API_URL", "https://local.execute-api.eu-west-1.amazonaws.com"),
            entry("ALLOWED_ORIGINS", "https://shop.example,https://admin.example"),
            entry("MAX_RETRIES", "3"),
            entry("STRICT_MODE", "true"),
            entry("DEBUG_TOKEN", "local-debug"),
            entry("AUDIT_QUEUE", "none"));
  }

  @Test
  void readsHttpRoutes() {
    assertThat(dev.functions().get("ApiFunction").routes())
        .containsExactly(
            new HttpRoute("CreatePayment", "POST", "/payments"),
            new HttpRoute("GetPayment", "GET", "/payments/{paymentId}"),
            new HttpRoute("Files", "ANY", "/files/{proxy+}"),
            new HttpRoute("Fallback", "ANY", "$default"));
    assertThat(dev.routes())
        .extracting(route -> route.getKey().logicalId() + " " + route.getValue().routeKey())
        .containsExactly(
            "ApiFunction POST /payments",
            "ApiFunction GET /payments/{paymentId}",
            "ApiFunction ANY /files/{proxy+}",
            "ApiFunction $default");
  }

  @Test
  void readsSqsEventSources() {
    assertThat(dev.functions().get("WebhookWorkerFunction").sqsSources())
        .containsExactly(
            new SqsEventSource("Webhooks", "WebhookQueue", 5, 2, true, true),
            new SqsEventSource("Ledger", "LedgerQueue", 10, 0, false, false));
  }

  @Test
  void readsSchedules() {
    FunctionSpec reconcile = dev.functions().get("ReconcileFunction");
    assertThat(reconcile.schedules())
        .containsExactly(
            new ScheduleSource(
                "Reconcile", "rate(5 minutes)", Optional.of("{\"mode\": \"incremental\"}"), true),
            new ScheduleSource("NightlyReport", "cron(0 2 * * ? *)", Optional.empty(), false),
            new ScheduleSource(
                "Purge",
                "rate(1 hour)",
                Optional.of("{\"table\": \"tender-local-payments\"}"),
                true));
    assertThat(reconcile.routes()).isEmpty();
    assertThat(reconcile.timeoutSeconds()).isEqualTo(10);
  }

  @Test
  void parameterOverridesFlipConditionsAndMappings() {
    StackTemplate prod = TemplateFixtures.load("sample.yaml", Map.of("Stage", "prod"));

    assertThat(prod.queues()).containsKey("AuditQueue");
    assertThat(prod.functions().get("AuditFunction").sqsSources())
        .extracting(SqsEventSource::queueLogicalId)
        .containsExactly("AuditQueue");
    Map<String, String> apiEnvironment = prod.functions().get("ApiFunction").environment();
    assertThat(apiEnvironment).doesNotContainKey("DEBUG_TOKEN");
    assertThat(apiEnvironment)
        .contains(
            entry("STAGE", "prod"),
            entry("LOG_LEVEL", "WARN"),
            entry("AUDIT_QUEUE", QUEUE_URL_PREFIX + "tender-local-AuditQueue"));
    assertThat(prod.functions().get("WebhookWorkerFunction").environment())
        .containsEntry("LOG_LEVEL", "INFO");
    assertThat(prod.functions().get("ReconcileFunction").schedules())
        .extracting(ScheduleSource::expression, ScheduleSource::enabled)
        .containsExactly(
            tuple("rate(1 minute)", true),
            tuple("cron(0 2 * * ? *)", false),
            tuple("rate(1 hour)", false));
    assertThat(prod.secrets().get("ProviderApiKey").name())
        .isEqualTo("prod/tender/provider-api-key");
  }

  @Test
  void loadingFromTextGivesTheSameResultAsFromTheFile() {
    StackTemplate fromText =
        TemplateLoader.load(
            TemplateFixtures.text("sample.yaml"), TemplateFixtures.NAMING, Map.of());
    assertThat(fromText).isEqualTo(dev);
  }
}
