package io.tender.bench.warm;

import java.util.List;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/**
 * The DynamoDB and SQS requests one warm handler invocation made, sent again as they were, with
 * nothing of the handler around them: the floor the handler's warm overhead is measured against.
 * Conditions are kept but made to hold ({@code (cond) OR attribute_exists(pk) OR
 * attribute_not_exists(pk)}), so the engine evaluates the same expression and every replay writes.
 * Secrets Manager reads are left out: a warm function has its secrets cached.
 */
final class RawReplay {
  private final List<SdkRequest> requests;
  private final DynamoDbClient dynamo;
  private final SqsClient sqs;

  RawReplay(List<SdkRequest> recorded, DynamoDbClient dynamo, SqsClient sqs) {
    this.requests = recorded.stream().filter(RawReplay::replayable).map(RawReplay::holding).toList();
    this.dynamo = dynamo;
    this.sqs = sqs;
    if (requests.isEmpty()) {
      throw new IllegalStateException("nothing was recorded to replay");
    }
  }

  /** What is replayed, e.g. {@code GetItem, UpdateItem, PutItem, TransactWriteItems, SendMessage}. */
  String operations() {
    return String.join(", ", requests.stream()
        .map(request -> request.getClass().getSimpleName().replace("Request", "")).toList());
  }

  void run() {
    for (SdkRequest request : requests) {
      switch (request) {
        case GetItemRequest r -> dynamo.getItem(r);
        case QueryRequest r -> dynamo.query(r);
        case PutItemRequest r -> dynamo.putItem(r);
        case UpdateItemRequest r -> dynamo.updateItem(r);
        case DeleteItemRequest r -> dynamo.deleteItem(r);
        case TransactWriteItemsRequest r -> dynamo.transactWriteItems(r);
        case SendMessageRequest r -> sqs.sendMessage(r);
        default -> throw new IllegalStateException("cannot replay " + request.getClass().getSimpleName());
      }
    }
  }

  private static boolean replayable(SdkRequest request) {
    return !request.getClass().getName().contains(".secretsmanager.");
  }

  private static SdkRequest holding(SdkRequest request) {
    return switch (request) {
      case PutItemRequest r -> r.toBuilder().conditionExpression(always(r.conditionExpression())).build();
      case UpdateItemRequest r -> r.toBuilder().conditionExpression(always(r.conditionExpression())).build();
      case DeleteItemRequest r -> r.toBuilder().conditionExpression(always(r.conditionExpression())).build();
      case TransactWriteItemsRequest r -> r.toBuilder().transactItems(r.transactItems().stream()
          .map(RawReplay::holding).toList()).build();
      default -> request;
    };
  }

  private static TransactWriteItem holding(TransactWriteItem item) {
    TransactWriteItem.Builder builder = item.toBuilder();
    if (item.put() != null) {
      builder.put(item.put().toBuilder().conditionExpression(always(item.put().conditionExpression())).build());
    }
    if (item.update() != null) {
      builder.update(item.update().toBuilder().conditionExpression(always(item.update().conditionExpression())).build());
    }
    if (item.delete() != null) {
      builder.delete(item.delete().toBuilder().conditionExpression(always(item.delete().conditionExpression())).build());
    }
    if (item.conditionCheck() != null) {
      builder.conditionCheck(item.conditionCheck().toBuilder()
          .conditionExpression(always(item.conditionCheck().conditionExpression())).build());
    }
    return builder.build();
  }

  private static String always(String condition) {
    return condition == null ? null : "(" + condition + ") OR attribute_exists(pk) OR attribute_not_exists(pk)";
  }
}
