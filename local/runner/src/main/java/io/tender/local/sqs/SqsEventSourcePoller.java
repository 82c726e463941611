package io.tender.local.sqs;

import io.tender.local.function.Invocation;
import io.tender.local.function.LocalFunction;
import io.tender.local.template.SqsEventSource;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Lambda's SQS event source mapping, done locally: polls one queue, hands batches of up to
 * {@code BatchSize} messages to the function, and deletes what succeeded. A batch that throws or
 * times out is left alone, so the queue's visibility timeout redelivers it and its redrive policy
 * moves it to the dead-letter queue in the end, as on AWS.
 */
public final class SqsEventSourcePoller implements Runnable {
  private static final int MAX_RECEIVE = 10;
  private static final Duration BACKOFF_AFTER_ERROR = Duration.ofMillis(500);

  private final SqsClient sqs;
  private final LocalFunction function;
  private final SqsEventSource source;
  private final String queueUrl;
  private final String queueArn;
  private final String region;
  private final Clock clock;
  private final PrintStream log;
  private volatile boolean running = true;

  public SqsEventSourcePoller(SqsClient sqs, LocalFunction function, SqsEventSource source,
      String queueUrl, String queueArn, String region, Clock clock, PrintStream log) {
    this.sqs = sqs;
    this.function = function;
    this.source = source;
    this.queueUrl = queueUrl;
    this.queueArn = queueArn;
    this.region = region;
    this.clock = clock;
    this.log = log;
  }

  @Override
  public void run() {
    while (running && !Thread.currentThread().isInterrupted()) {
      try {
        List<Message> batch = receiveBatch();
        if (!batch.isEmpty()) {
          deliver(batch);
        }
      } catch (SdkException e) {
        if (!running) {
          return;
        }
        log.printf("%s: polling %s failed: %s%n", function.spec().logicalId(), queueUrl, e.getMessage());
        sleep(BACKOFF_AFTER_ERROR);
      }
    }
  }

  public void stop() {
    running = false;
  }

  /** Up to BatchSize messages, waiting at most MaximumBatchingWindowInSeconds to fill the batch. */
  private List<Message> receiveBatch() {
    List<Message> batch = new ArrayList<>();
    Instant windowEnds = clock.instant().plusSeconds(source.maximumBatchingWindowSeconds());
    do {
      int wanted = Math.min(MAX_RECEIVE, source.batchSize() - batch.size());
      batch.addAll(sqs.receiveMessage(receive -> receive.queueUrl(queueUrl)
          .maxNumberOfMessages(wanted)
          .waitTimeSeconds(batch.isEmpty() ? 1 : 0)
          .messageSystemAttributeNames(MessageSystemAttributeName.ALL)
          .messageAttributeNames("All")).messages());
    } while (running && !batch.isEmpty() && batch.size() < source.batchSize()
        && clock.instant().isBefore(windowEnds));
    return batch;
  }

  private void deliver(List<Message> batch) {
    byte[] event = SqsEventBuilder.event(batch, queueArn, region);
    Invocation result = function.invoke(event, UUID.randomUUID().toString());
    if (!(result instanceof Invocation.Succeeded succeeded)) {
      return; // the whole batch becomes visible again after the visibility timeout
    }
    Set<String> ids = batch.stream().map(Message::messageId).collect(Collectors.toSet());
    Set<String> failed = source.reportBatchItemFailures()
        ? SqsEventBuilder.failedMessageIds(succeeded.output(), ids)
        : Set.of();
    List<Message> done = batch.stream().filter(m -> !failed.contains(m.messageId())).toList();
    if (done.isEmpty()) {
      return;
    }
    Function<Message, DeleteMessageBatchRequestEntry> entry = m -> DeleteMessageBatchRequestEntry.builder()
        .id(m.messageId().replaceAll("[^A-Za-z0-9_-]", "_")).receiptHandle(m.receiptHandle()).build();
    sqs.deleteMessageBatch(delete -> delete.queueUrl(queueUrl).entries(done.stream().map(entry).toList()));
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
