package io.tender.local.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tender.local.template.DynamoDbEventSource.StartingPosition;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Tables with a stream and the DynamoDB events that read it. */
class TemplateLoaderStreamsTest {
  private static final String STREAM_ARN =
      "arn:aws:dynamodb:eu-west-1:000000000000:table/tender-local-OutboxTable/stream/local";

  private final StackTemplate streams = TemplateFixtures.load("streams.yaml");

  @Test
  void readsTheStreamViewTypeOfATableThatHasAStream() {
    assertThat(streams.tables().get("OutboxTable").streamViewType()).contains("NEW_IMAGE");
    assertThat(streams.tables().get("QuietTable").streamViewType()).isEmpty();
  }

  @Test
  void readsEveryPropertyOfADynamoDbEvent() {
    DynamoDbEventSource outbox =
        streams.functions().get("DispatchFunction").dynamoDbSources().getFirst();

    assertThat(outbox.eventName()).isEqualTo("Outbox");
    assertThat(outbox.tableLogicalId()).isEqualTo("OutboxTable");
    assertThat(outbox.streamArn()).isEqualTo(STREAM_ARN);
    assertThat(outbox.startingPosition()).isEqualTo(StartingPosition.TRIM_HORIZON);
    assertThat(outbox.batchSize()).isEqualTo(25);
    assertThat(outbox.maximumBatchingWindowSeconds()).isEqualTo(2);
    assertThat(outbox.maximumRetryAttempts()).isEqualTo(3);
    assertThat(outbox.maximumRecordAgeSeconds()).isEqualTo(3600);
    assertThat(outbox.bisectBatchOnFunctionError()).isTrue();
    assertThat(outbox.reportBatchItemFailures()).isTrue();
    assertThat(outbox.filters())
        .extracting(EventFilterPattern::text)
        .containsExactly(
            "{\"eventName\": [\"INSERT\"], \"dynamodb\": {\"NewImage\": {\"kind\": {\"S\": [\"EVENT\"]}}}}",
            "{\"dynamodb\": {\"Keys\": {\"pk\": {\"S\": [{\"prefix\": \"NOTE#\"}]}}}}");
    assertThat(outbox.onFailureQueueLogicalId()).contains("DispatchFailures");
    assertThat(outbox.enabled()).isTrue();
  }

  @Test
  void appliesLambdasDefaultsWhereTheEventIsSilent() {
    assertThat(streams.functions().get("AuditFunction").dynamoDbSources())
        .containsExactly(
            new DynamoDbEventSource(
                "Everything",
                "OutboxTable",
                STREAM_ARN,
                StartingPosition.LATEST,
                100,
                0,
                -1,
                -1,
                false,
                false,
                List.of(),
                Optional.empty(),
                false));
  }

  @Test
  void theEnvironmentAndTheEventNameTheStreamAlike() {
    assertThat(streams.functions().get("DispatchFunction").environment())
        .containsEntry("OUTBOX_STREAM_ARN", STREAM_ARN);
  }

  @Test
  void theFixtureIsValidSam() {
    assertThat(SamSchema.validate(TemplateFixtures.path("streams.yaml"))).isEmpty();
  }

  @Test
  void aStreamViewTypeDynamoDbDoesNotHaveIsRefused() {
    assertFails(
        table("StreamSpecification: { StreamViewType: NEW_IMAGES }"),
        "Resource 'OutboxTable' (StreamSpecification.StreamViewType): must be NEW_IMAGE,"
            + " OLD_IMAGE, NEW_AND_OLD_IMAGES or KEYS_ONLY, not 'NEW_IMAGES'");
  }

  @Test
  void aStreamSpecificationWithoutViewTypeIsRefused() {
    assertFails(
        table("StreamSpecification: {}"),
        "Resource 'OutboxTable' (StreamSpecification): StreamViewType is missing");
  }

  @Test
  void theStreamArnOfATableWithoutStreamIsRefused() {
    assertFails(
        table("")
            + function(
                """
                Stream: !GetAtt OutboxTable.StreamArn
                StartingPosition: TRIM_HORIZON"""),
        "Resource 'Dispatcher' (Events.Outbox.Properties.Stream): !GetAtt to"
            + " OutboxTable.StreamArn: table 'OutboxTable' has no StreamSpecification, so no"
            + " stream");
  }

  @Test
  void theTablesArnInsteadOfItsStreamsIsRefusedWithTheFix() {
    assertFails(
        withStream(
            """
            Stream: !GetAtt OutboxTable.Arn
            StartingPosition: TRIM_HORIZON"""),
        "Resource 'Dispatcher' (Events.Outbox.Properties.Stream):"
            + " 'arn:aws:dynamodb:eu-west-1:000000000000:table/tender-local-OutboxTable' is the Arn"
            + " of table 'OutboxTable'; a DynamoDB event needs its stream's Arn (!GetAtt"
            + " OutboxTable.StreamArn)");
  }

  @Test
  void aStreamOutsideTheTemplateIsRefused() {
    assertFails(
        withStream(
            """
            Stream: arn:aws:dynamodb:eu-west-1:000000000000:table/other/stream/2024-01-01T00:00:00.000
            StartingPosition: TRIM_HORIZON"""),
        "Resource 'Dispatcher' (Events.Outbox.Properties.Stream):"
            + " 'arn:aws:dynamodb:eu-west-1:000000000000:table/other/stream/2024-01-01T00:00:00.000'"
            + " is not the stream Arn of a table in this template");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
          StartingPosition missing        | -            | BatchSize: 10                           | (Events.Outbox.Properties): StartingPosition is missing
          AT_TIMESTAMP is Kinesis only    | AT_TIMESTAMP | BatchSize: 10                           | (Events.Outbox.Properties.StartingPosition): must be TRIM_HORIZON or LATEST for a DynamoDB stream, not 'AT_TIMESTAMP'
          BatchSize over Lambda's maximum | LATEST       | BatchSize: 10001                        | (Events.Outbox.Properties.BatchSize): must be between 1 and 10000, not 10001
          BatchSize zero                  | LATEST       | BatchSize: 0                            | (Events.Outbox.Properties.BatchSize): must be between 1 and 10000, not 0
          batching window too long        | LATEST       | MaximumBatchingWindowInSeconds: 301     | (Events.Outbox.Properties.MaximumBatchingWindowInSeconds): must be between 0 and 300, not 301
          retries below -1                | LATEST       | MaximumRetryAttempts: -2                | (Events.Outbox.Properties.MaximumRetryAttempts): must be between -1 and 10000, not -2
          retries not a number            | LATEST       | MaximumRetryAttempts: often             | (Events.Outbox.Properties.MaximumRetryAttempts): must be a whole number, not 'often'
          record age under a minute       | LATEST       | MaximumRecordAgeInSeconds: 30           | (Events.Outbox.Properties.MaximumRecordAgeInSeconds): must be -1 (no limit) or between 60 and 604800, not 30
          parallelization over 10         | LATEST       | ParallelizationFactor: 11               | (Events.Outbox.Properties.ParallelizationFactor): must be between 1 and 10, not 11
          bisect not a boolean            | LATEST       | BisectBatchOnFunctionError: sometimes   | (Events.Outbox.Properties.BisectBatchOnFunctionError): must be true or false, not 'sometimes'
          unknown response type           | LATEST       | FunctionResponseTypes: [ReportFailures] | (Events.Outbox.Properties.FunctionResponseTypes[0]): 'ReportFailures' is not a response type; the only one is ReportBatchItemFailures
          tumbling windows                | LATEST       | TumblingWindowInSeconds: 30             | (Events.Outbox.Properties.TumblingWindowInSeconds): cannot be served locally for a DynamoDB event
          """)
  void aMalformedPropertyIsRefusedNamingIt(
      String why, String startingPosition, String property, String message) {
    String position =
        startingPosition.equals("-") ? "" : "StartingPosition: " + startingPosition + "\n";
    assertFails(
        withStream("Stream: !GetAtt OutboxTable.StreamArn\n" + position + property),
        "Resource 'Dispatcher' " + message);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
          a map, not its text | Pattern: { dynamodb: { NewImage: { kind: { S: [EVENT] } } } }                  | (Events.Outbox.Properties.FilterCriteria.Filters[0].Pattern): must be the pattern's JSON text (a string, as CloudFormation takes it), not {dynamodb={NewImage={kind={S=[EVENT]}}}}
          wildcard            | Pattern: '{"dynamodb": {"Keys": {"pk": {"S": [{"wildcard": "a*"}]}}}}'       | (Events.Outbox.Properties.FilterCriteria.Filters[0].Pattern): 'dynamodb.Keys.pk.S': 'wildcard' is not an operator Lambda event filtering supports (it supports prefix, suffix, equals-ignore-case, anything-but, numeric, exists)
          a bare value        | Pattern: '{"eventName": "INSERT"}'                                           | (Events.Outbox.Properties.FilterCriteria.Filters[0].Pattern): 'eventName' must be a list of values or matchers, or an object of fields, not "INSERT"
          an empty pattern    | Pattern: '{}'                                                                | (Events.Outbox.Properties.FilterCriteria.Filters[0].Pattern): must be a JSON object naming at least one field, not {}
          no Pattern          | { }                                                                          | (Events.Outbox.Properties.FilterCriteria.Filters[0]): Pattern is missing
          """)
  void aFilterLambdaWouldRefuseIsRefused(String why, String filter, String message) {
    assertFails(withFilter(filter), "Resource 'Dispatcher' " + message);
  }

  @Test
  void aFilterThatIsNotJsonIsRefused() {
    assertThatThrownBy(
            () ->
                TemplateLoader.load(
                    withFilter("Pattern: '{\"dynamodb\": '"), TemplateFixtures.NAMING, Map.of()))
        .isInstanceOf(TemplateException.class)
        .hasMessageStartingWith(
            "Resource 'Dispatcher' (Events.Outbox.Properties.FilterCriteria.Filters[0].Pattern):"
                + " is not JSON: ");
  }

  @Test
  void anOnFailureDestinationOutsideTheTemplateIsRefused() {
    assertFails(
        withStream(
            """
            Stream: !GetAtt OutboxTable.StreamArn
            StartingPosition: LATEST
            DestinationConfig:
              OnFailure:
                Destination: arn:aws:sqs:eu-west-1:000000000000:elsewhere"""),
        "Resource 'Dispatcher' (Events.Outbox.Properties.DestinationConfig.OnFailure.Destination):"
            + " 'arn:aws:sqs:eu-west-1:000000000000:elsewhere' is not the Arn of a queue in this"
            + " template");
  }

  @Test
  void aFifoOnFailureQueueIsRefused() {
    assertFails(
        withStream(
                """
                Stream: !GetAtt OutboxTable.StreamArn
                StartingPosition: LATEST
                DestinationConfig:
                  OnFailure:
                    Destination: !GetAtt Failures.Arn""")
            + """
              Failures:
                Type: AWS::SQS::Queue
                Properties:
                  FifoQueue: true
            """,
        "Resource 'Dispatcher' (Events.Outbox.Properties.DestinationConfig.OnFailure.Destination):"
            + " 'Failures' is a FIFO queue; Lambda needs a standard queue here");
  }

  @Test
  void anOnFailureTopicCannotBeServed() {
    assertFails(
        withStream(
            """
            Stream: !GetAtt OutboxTable.StreamArn
            StartingPosition: LATEST
            DestinationConfig:
              OnFailure:
                Type: SNS
                Destination: arn:aws:sns:eu-west-1:000000000000:alerts"""),
        "Resource 'Dispatcher' (Events.Outbox.Properties.DestinationConfig.OnFailure.Type): 'SNS'"
            + " cannot be served locally; the runner delivers to SQS");
  }

  @Test
  void anOnSuccessDestinationIsRefused() {
    assertFails(
        withStream(
            """
            Stream: !GetAtt OutboxTable.StreamArn
            StartingPosition: LATEST
            DestinationConfig:
              OnSuccess:
                Destination: arn:aws:sqs:eu-west-1:000000000000:elsewhere"""),
        "Resource 'Dispatcher' (Events.Outbox.Properties.DestinationConfig.OnSuccess): a DynamoDB"
            + " event has only an OnFailure destination");
  }

  private static void assertFails(String template, String message) {
    assertThatThrownBy(() -> TemplateLoader.load(template, TemplateFixtures.NAMING, Map.of()))
        .isInstanceOf(TemplateException.class)
        .hasMessage(message);
  }

  private static String withFilter(String filter) {
    return withStream(
        """
        Stream: !GetAtt OutboxTable.StreamArn
        StartingPosition: LATEST
        FilterCriteria:
          Filters:
            - %s"""
            .formatted(filter));
  }

  private static String withStream(String eventProperties) {
    return table("StreamSpecification: { StreamViewType: NEW_AND_OLD_IMAGES }")
        + function(eventProperties);
  }

  private static String table(String streamSpecification) {
    return """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          OutboxTable:
            Type: AWS::DynamoDB::Table
            Properties:
              AttributeDefinitions: [{ AttributeName: pk, AttributeType: S }]
              KeySchema: [{ AttributeName: pk, KeyType: HASH }]
              %s
        """
        .formatted(streamSpecification);
  }

  private static String function(String eventProperties) {
    return """
          Dispatcher:
            Type: AWS::Serverless::Function
            Properties:
              Handler: example.Dispatch
              Events:
                Outbox:
                  Type: DynamoDB
                  Properties:
        %s
        """
        .formatted(eventProperties.indent(12).stripTrailing());
  }
}
