package io.tender.bench.capacity;

import io.tender.bench.warm.CallRecorder;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Registered for every SDK client in the bench's JVMs (the SDK's global interceptor list, in this
 * module's resources), so the functions' own clients are measured unchanged. Does nothing unless a
 * {@link CapacityMeter} runs or a {@link CallRecorder} records on the calling thread.
 */
public final class BenchInterceptor implements ExecutionInterceptor {
  private static final ExecutionAttribute<CapacityMeter.Pending> PENDING =
      new ExecutionAttribute<>("tender.bench.capacity");

  @Override
  public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
    SdkRequest request = context.request();
    CallRecorder.offer(request);
    CapacityMeter meter = CapacityMeter.active();
    if (meter == null || !(request instanceof DynamoDbRequest dynamo)) {
      return request;
    }
    attributes.putAttribute(PENDING, meter.begin(dynamo));
    return withTotalCapacity(dynamo);
  }

  @Override
  public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
    CapacityMeter.Pending pending = attributes.getAttribute(PENDING);
    if (pending != null) {
      pending.meter().succeeded(pending, context.response());
    }
  }

  @Override
  public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
    CapacityMeter.Pending pending = attributes.getAttribute(PENDING);
    if (pending != null) {
      pending.meter().failed(pending, context.exception());
    }
  }

  private static SdkRequest withTotalCapacity(DynamoDbRequest request) {
    ReturnConsumedCapacity total = ReturnConsumedCapacity.TOTAL;
    return switch (request) {
      case PutItemRequest r -> r.toBuilder().returnConsumedCapacity(total).build();
      case UpdateItemRequest r -> r.toBuilder().returnConsumedCapacity(total).build();
      case DeleteItemRequest r -> r.toBuilder().returnConsumedCapacity(total).build();
      case GetItemRequest r -> r.toBuilder().returnConsumedCapacity(total).build();
      case QueryRequest r -> r.toBuilder().returnConsumedCapacity(total).build();
      case ScanRequest r -> r.toBuilder().returnConsumedCapacity(total).build();
      case BatchGetItemRequest r -> r.toBuilder().returnConsumedCapacity(total).build();
      case BatchWriteItemRequest r -> r.toBuilder().returnConsumedCapacity(total).build();
      case TransactGetItemsRequest r -> r.toBuilder().returnConsumedCapacity(total).build();
      case TransactWriteItemsRequest r -> r.toBuilder().returnConsumedCapacity(total).build();
      default -> request;
    };
  }
}
