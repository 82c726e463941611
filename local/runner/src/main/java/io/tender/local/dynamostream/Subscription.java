package io.tender.local.dynamostream;

import io.tender.local.function.LocalFunction;
import io.tender.local.template.DynamoDbEventSource;
import java.io.PrintStream;
import java.time.Clock;
import java.util.function.Consumer;

/**
 * One function's mapping to one stream: what every shard reader of it shares.
 *
 * @param streamArn the stream's ARN on the local engine: read with it, and carried by the events
 * @param onFailure takes the description of records given up on (sends it to the OnFailure queue)
 */
record Subscription(
    LocalFunction function,
    DynamoDbEventSource source,
    String streamArn,
    Consumer<String> onFailure,
    String region,
    Clock clock,
    PrintStream log) {

  String name() {
    return function.spec().logicalId() + "/" + source.eventName();
  }
}
