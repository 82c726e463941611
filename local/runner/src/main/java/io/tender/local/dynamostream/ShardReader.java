package io.tender.local.dynamostream;

import io.tender.local.dynamostream.OnFailureRecord.Abandoned;
import io.tender.local.function.Invocation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Reads one shard for one mapping and delivers its records in order, one batch at a time, as
 * Lambda does: records no filter accepts are skipped; a batch that fails is retried (from the
 * first reported failure when the function reports batch item failures, halved first when
 * BisectBatchOnFunctionError is set and the function threw) until MaximumRetryAttempts, then
 * described to the OnFailure destination and passed over. Later records of the shard wait
 * meanwhile, so order is kept.
 */
final class ShardReader implements Runnable {
  /** Lambda polls each shard four times a second. */
  private static final Duration POLL_INTERVAL = Duration.ofMillis(250);

  private static final Duration BACKOFF_AFTER_ERROR = Duration.ofMillis(500);
  private static final Duration FIRST_RETRY_DELAY = Duration.ofMillis(100);
  private static final Duration LONGEST_RETRY_DELAY = Duration.ofSeconds(2);
  private static final int GET_RECORDS_LIMIT = 1000;
  private static final String UNHANDLED = "Unhandled";

  private final Subscription subscription;
  private final DynamoDbStreamsClient streams;
  private final String shardId;
  private final ShardIteratorType startAt;
  private final BooleanSupplier running;
  private final Runnable onShardEnd;

  /** Accepted records read but not yet delivered successfully nor given up on, in shard order. */
  private final Deque<PolledRecord> pending = new ArrayDeque<>();

  /**
   * Sizes of the batches to deliver from the head of {@link #pending} before forming new ones:
   * the batch being retried, then what is left of a bisection.
   */
  private final Deque<Integer> batches = new ArrayDeque<>();

  private String iterator;
  private String lastReadSequenceNumber;
  private boolean shardEnded;
  private Instant waitingSince;
  private int retries;
  private int invocations;
  private String lastRequestId;

  /** Takes the shard iterator now, so that a LATEST mapping sees every record written after. */
  ShardReader(Subscription subscription, DynamoDbStreamsClient streams, String shardId,
      ShardIteratorType startAt, BooleanSupplier running, Runnable onShardEnd) {
    this.subscription = subscription;
    this.streams = streams;
    this.shardId = shardId;
    this.startAt = startAt;
    this.running = running;
    this.onShardEnd = onShardEnd;
    this.iterator = iterator(startAt, null);
  }

  @Override
  public void run() {
    while (running.getAsBoolean()) {
      try {
        if (!shardEnded && pending.size() < subscription.source().batchSize()) {
          read();
        }
        if (pending.isEmpty()) {
          if (shardEnded) {
            onShardEnd.run();
            return;
          }
          sleep(POLL_INTERVAL);
        } else if (fillingBatch()) {
          sleep(POLL_INTERVAL);
        } else {
          deliverNext();
        }
      } catch (ExpiredIteratorException e) {
        iterator = lastReadSequenceNumber == null ? iterator(startAt, null)
            : iterator(ShardIteratorType.AFTER_SEQUENCE_NUMBER, lastReadSequenceNumber);
      } catch (TrimmedDataAccessException e) {
        subscription.log().printf("%s: shard %s was trimmed past where it was read; reading from its oldest record%n",
            subscription.name(), shardId);
        iterator = iterator(ShardIteratorType.TRIM_HORIZON, null);
      } catch (ResourceNotFoundException e) {
        subscription.log().printf("%s: stream %s is gone; no longer reading shard %s%n",
            subscription.name(), subscription.streamArn(), shardId);
        return;
      } catch (SdkException e) {
        if (!running.getAsBoolean()) {
          return;
        }
        subscription.log().printf("%s: reading shard %s failed: %s%n", subscription.name(), shardId, e.getMessage());
        sleep(BACKOFF_AFTER_ERROR);
      } catch (RuntimeException e) {
        // The runner's own fault (a record it cannot turn into Lambda's event): say so, and keep the
        // shard's reader alive so the stream is not silently abandoned.
        subscription.log().printf("%s: shard %s stalled on %s; retrying%n", subscription.name(), shardId, e);
        sleep(BACKOFF_AFTER_ERROR);
      }
    }
  }

  private String iterator(ShardIteratorType type, String sequenceNumber) {
    return streams.getShardIterator(get -> get.streamArn(subscription.streamArn()).shardId(shardId)
        .shardIteratorType(type).sequenceNumber(sequenceNumber)).shardIterator();
  }

  private void read() {
    GetRecordsResponse response = streams.getRecords(get -> get.shardIterator(iterator).limit(GET_RECORDS_LIMIT));
    for (Record record : response.records()) {
      PolledRecord polled = DynamoStreamEventBuilder.record(record, subscription.streamArn(), subscription.region());
      lastReadSequenceNumber = polled.sequenceNumber();
      // Lambda drops what no filter accepts; the function never sees it, not even on a retry.
      if (subscription.source().accepts(polled.json())) {
        if (pending.isEmpty()) {
          waitingSince = subscription.clock().instant();
        }
        pending.add(polled);
      }
    }
    iterator = response.nextShardIterator();
    shardEnded = iterator == null;
  }

  /** Whether to wait for more records, within MaximumBatchingWindowInSeconds. */
  private boolean fillingBatch() {
    int window = subscription.source().maximumBatchingWindowSeconds();
    return batches.isEmpty() && window > 0 && !shardEnded
        && pending.size() < subscription.source().batchSize()
        && subscription.clock().instant().isBefore(waitingSince.plusSeconds(window));
  }

  private void deliverNext() {
    if (batches.isEmpty()) {
      batches.push(Math.min(subscription.source().batchSize(), pending.size()));
    }
    List<PolledRecord> batch = head(batches.peek());
    int expired = expiredPrefix(batch);
    if (expired > 0) {
      abandon(expired, OnFailureRecord.RECORD_AGE_EXCEEDED, null);
      return;
    }
    lastRequestId = UUID.randomUUID().toString();
    Invocation result = subscription.function().invoke(DynamoStreamEventBuilder.event(batch), lastRequestId);
    if (!running.getAsBoolean()) {
      return; // stopping: the batch neither succeeded nor failed
    }
    invocations++;
    if (!(result instanceof Invocation.Succeeded succeeded)) {
      failed(true);
      return;
    }
    List<String> sequenceNumbers = batch.stream().map(PolledRecord::sequenceNumber).toList();
    int firstFailure = subscription.source().reportBatchItemFailures()
        ? StreamBatchResponse.firstFailure(succeeded.output(), sequenceNumbers)
        : StreamBatchResponse.ALL_SUCCEEDED;
    if (firstFailure == StreamBatchResponse.ALL_SUCCEEDED) {
      succeeded(batch.size());
      return;
    }
    // The records before the first failure are done; the rest is retried as a batch of its own.
    remove(firstFailure);
    batches.pop();
    batches.push(batch.size() - firstFailure);
    failed(false);
  }

  private void succeeded(int count) {
    remove(count);
    batches.pop();
    retries = 0;
    invocations = 0;
    waitingSince = subscription.clock().instant();
  }

  /** The batch at the head failed: bisect it, retry it, or give up on it. */
  private void failed(boolean functionError) {
    int size = batches.peek();
    if (functionError && subscription.source().bisectBatchOnFunctionError() && size > 1) {
      // Splitting does not use up a retry.
      batches.pop();
      int firstHalf = (size + 1) / 2;
      batches.push(size - firstHalf);
      batches.push(firstHalf);
      return;
    }
    int maximum = subscription.source().maximumRetryAttempts();
    if (maximum == -1 || retries < maximum) {
      retries++;
      sleep(retryDelay());
      return;
    }
    abandon(size, OnFailureRecord.RETRIES_EXHAUSTED, functionError ? UNHANDLED : null);
  }

  /** Describes the first {@code count} records to the OnFailure destination and moves past them. */
  private void abandon(int count, String condition, String functionError) {
    List<PolledRecord> records = head(count);
    subscription.onFailure().accept(OnFailureRecord.of(
        new Abandoned(records, condition, invocations, lastRequestId, functionError),
        subscription.function().arn(), shardId, subscription.streamArn(), subscription.clock().instant()));
    subscription.log().printf("%s: gave up on records %s to %s of shard %s (%s)%n", subscription.name(),
        records.getFirst().sequenceNumber(), records.getLast().sequenceNumber(), shardId, condition);
    int size = batches.pop();
    remove(count);
    if (count < size) {
      batches.push(size - count);
    }
    retries = 0;
    invocations = 0;
  }

  /** How many records at the start of the batch are older than MaximumRecordAgeInSeconds. */
  private int expiredPrefix(List<PolledRecord> batch) {
    int maximumAge = subscription.source().maximumRecordAgeSeconds();
    if (maximumAge == -1) {
      return 0;
    }
    Instant oldestKept = subscription.clock().instant().minusSeconds(maximumAge);
    int expired = 0;
    while (expired < batch.size() && batch.get(expired).approximateCreation() != null
        && batch.get(expired).approximateCreation().isBefore(oldestKept)) {
      expired++;
    }
    return expired;
  }

  private Duration retryDelay() {
    Duration delay = FIRST_RETRY_DELAY.multipliedBy(1L << Math.min(retries - 1, 10));
    return delay.compareTo(LONGEST_RETRY_DELAY) > 0 ? LONGEST_RETRY_DELAY : delay;
  }

  private List<PolledRecord> head(int count) {
    List<PolledRecord> head = new ArrayList<>(count);
    for (PolledRecord record : pending) {
      if (head.size() == count) {
        break;
      }
      head.add(record);
    }
    return head;
  }

  private void remove(int count) {
    for (int i = 0; i < count; i++) {
      pending.removeFirst();
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
