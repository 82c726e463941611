package io.tender.local.dynamostream;

import io.tender.local.function.LocalFunction;
import io.tender.local.template.DynamoDbEventSource;
import io.tender.local.template.DynamoDbEventSource.StartingPosition;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.DescribeStreamResponse;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Lambda's DynamoDB event source mapping, done locally: reads every shard of a table's stream,
 * each in order and one batch at a time on a thread of its own, starting a shard only once its
 * parent was read to the end, and looking for new shards every second. What one shard does with
 * its records is {@link ShardReader}'s.
 */
public final class DynamoStreamEventSourcePoller implements AutoCloseable {
  private static final Duration SHARD_DISCOVERY_INTERVAL = Duration.ofSeconds(1);
  private static final Duration STOP_WAIT = Duration.ofSeconds(5);

  private final Subscription subscription;
  private final DynamoDbStreamsClient streams;
  private final Set<String> presentAtStart;
  private final Set<String> started = ConcurrentHashMap.newKeySet();
  private final Set<String> finished = ConcurrentHashMap.newKeySet();
  private final List<Thread> threads = new CopyOnWriteArrayList<>();
  private volatile boolean running = true;

  private DynamoStreamEventSourcePoller(Subscription subscription, DynamoDbStreamsClient streams,
      Set<String> presentAtStart) {
    this.subscription = subscription;
    this.streams = streams;
    this.presentAtStart = presentAtStart;
  }

  /**
   * Starts reading. Returns once every shard there is has its iterator, so that with LATEST
   * every record written after this returns is delivered.
   *
   * @param streamArn the stream's ARN on the local engine
   * @param onFailureQueueUrl where the OnFailure destination's records go, if it has one
   */
  public static DynamoStreamEventSourcePoller start(DynamoDbStreamsClient streams, SqsClient sqs,
      LocalFunction function, DynamoDbEventSource source, String streamArn, Optional<String> onFailureQueueUrl,
      String region, Clock clock, PrintStream log) {
    String name = function.spec().logicalId() + "/" + source.eventName();
    Consumer<String> onFailure = onFailureQueueUrl
        .<Consumer<String>>map(url -> message -> sqs.sendMessage(send -> send.queueUrl(url).messageBody(message)))
        .orElse(message -> log.printf("%s: no OnFailure destination; dropped: %s%n", name, message));
    Subscription subscription = new Subscription(function, source, streamArn, onFailure, region, clock, log);
    List<Shard> shards = describe(streams, streamArn);
    DynamoStreamEventSourcePoller poller = new DynamoStreamEventSourcePoller(subscription, streams,
        shards.stream().map(Shard::shardId).collect(Collectors.toUnmodifiableSet()));
    try {
      poller.startReadyShards(shards);
    } catch (RuntimeException e) {
      poller.close();
      throw e;
    }
    poller.threads.add(Thread.ofVirtual().name("stream-" + name).start(poller::discoverShards));
    return poller;
  }

  /** Stops reading without waiting; a batch being delivered is neither checkpointed nor retried. */
  public void stop() {
    running = false;
    threads.forEach(Thread::interrupt);
  }

  /** Stops and waits (a few seconds at most) for the readers to end. */
  @Override
  public void close() {
    stop();
    Instant deadline = Instant.now().plus(STOP_WAIT);
    for (Thread thread : threads) {
      try {
        Duration left = Duration.between(Instant.now(), deadline);
        if (left.isPositive()) {
          thread.join(left);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void discoverShards() {
    while (running) {
      try {
        Thread.sleep(SHARD_DISCOVERY_INTERVAL);
        startReadyShards(describe(streams, subscription.streamArn()));
      } catch (InterruptedException e) {
        return;
      } catch (SdkException e) {
        if (running) {
          subscription.log().printf("%s: describing stream %s failed: %s%n", subscription.name(),
              subscription.streamArn(), e.getMessage());
        }
      }
    }
  }

  private void startReadyShards(List<Shard> shards) {
    for (Shard shard : ShardLineage.readyToStart(shards, started, finished)) {
      String shardId = shard.shardId();
      // LATEST applies to the shards there were when the mapping started; later ones are new.
      ShardIteratorType startAt = subscription.source().startingPosition() == StartingPosition.LATEST
          && presentAtStart.contains(shardId) ? ShardIteratorType.LATEST : ShardIteratorType.TRIM_HORIZON;
      ShardReader reader = new ShardReader(subscription, streams, shardId, startAt, () -> running,
          () -> finished.add(shardId));
      started.add(shardId);
      threads.add(Thread.ofVirtual().name("stream-" + subscription.name() + "-" + shardId).start(reader));
    }
  }

  private static List<Shard> describe(DynamoDbStreamsClient streams, String streamArn) {
    List<Shard> shards = new ArrayList<>();
    String after = null;
    do {
      String exclusiveStart = after;
      DescribeStreamResponse response = streams.describeStream(describe -> describe.streamArn(streamArn)
          .exclusiveStartShardId(exclusiveStart));
      shards.addAll(response.streamDescription().shards());
      after = response.streamDescription().lastEvaluatedShardId();
    } while (after != null);
    return shards;
  }
}
