package io.tender.bench.capacity;

import io.tender.config.Environment;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * Sums the capacity every DynamoDB call in this JVM consumes while it runs, attributed to the step
 * the caller names and to the function that made the call. {@link BenchInterceptor} (registered
 * with the SDK for every client) asks for {@code ReturnConsumedCapacity=TOTAL} and reports here.
 *
 * <p>DynamoDB Local's reports are taken where they are right (single-item reads and writes, with
 * their index writes) and corrected where they are not, as checked in {@code DynamoDbLocalCapacityTest}:
 * <ul>
 *   <li>a {@code TransactWriteItems} is under-reported (three items come back as 2 units); it is billed here as
 *       twice the sum of each item's write units, index writes included ({@link WriteCost}), from
 *       the items read before and after the call;
 *   <li>a write whose condition fails is reported as nothing; it is billed the existing item's
 *       units, at least 1, and a cancelled transaction twice that for each of its items;
 *   <li>a Query that finds nothing is reported as 0; it is billed the minimum read (0.5, or 1
 *       when strongly consistent).
 * </ul>
 * The reads the meter makes for this go through a client of its own and are not counted.
 */
public final class CapacityMeter implements AutoCloseable {
  private static volatile CapacityMeter current;
  private static final ThreadLocal<Boolean> HARNESS = ThreadLocal.withInitial(() -> false);

  private final DynamoDbClient harness;
  private final Map<String, TableIndexes> tables = new ConcurrentHashMap<>();
  private final List<MeteredCall> calls = Collections.synchronizedList(new ArrayList<>());
  private volatile String step = "unlabelled";

  private CapacityMeter(DynamoDbClient harness) {
    this.harness = harness;
  }

  /** Starts metering every DynamoDB call in this JVM; {@code harness} reads images uncounted. */
  public static CapacityMeter start(DynamoDbClient harness) {
    CapacityMeter meter = new CapacityMeter(harness);
    current = meter;
    return meter;
  }

  /** Calls from now on count toward {@code name}. */
  public void step(String name) {
    this.step = name;
  }

  public List<MeteredCall> calls() {
    synchronized (calls) {
      return List.copyOf(calls);
    }
  }

  /** Runs {@code work} on this thread without metering it (a test's own reads, for example). */
  public static <T> T unmetered(Supplier<T> work) {
    boolean before = HARNESS.get();
    HARNESS.set(true);
    try {
      return work.get();
    } finally {
      HARNESS.set(before);
    }
  }

  @Override
  public void close() {
    if (current == this) {
      current = null;
    }
  }

  static CapacityMeter active() {
    return HARNESS.get() ? null : current;
  }

  /** What the meter needs to know before the call is made. */
  record Pending(CapacityMeter meter, String step, String source, DynamoDbRequest request,
      List<Map<String, AttributeValue>> before) {}

  Pending begin(DynamoDbRequest request) {
    String source = Environment.current().get("AWS_LAMBDA_FUNCTION_NAME").orElse("direct");
    List<Map<String, AttributeValue>> before = request instanceof TransactWriteItemsRequest tx
        ? unmetered(() -> tx.transactItems().stream().map(this::stored).toList())
        : List.of();
    return new Pending(this, step, source, request, before);
  }

  void succeeded(Pending pending, SdkResponse response) {
    DynamoDbRequest request = pending.request();
    double reported = reported(response);
    String operation = operation(request);
    MeteredCall call = switch (request) {
      case TransactWriteItemsRequest tx -> {
        long units = 0;
        List<TransactWriteItem> items = tx.transactItems();
        for (int i = 0; i < items.size(); i++) {
          units += transactionalItemUnits(items.get(i), pending.before().get(i));
        }
        yield write(pending, operation, items.size(), reported, 2.0 * units, "ok");
      }
      case TransactGetItemsRequest get -> read(pending, operation, get.transactItems().size(), reported,
          Math.max(reported, 2.0 * get.transactItems().size()));
      case QueryRequest query -> read(pending, operation, 1, reported,
          Math.max(reported, Boolean.TRUE.equals(query.consistentRead()) ? 1.0 : 0.5));
      case ScanRequest scan -> read(pending, operation, 1, reported,
          Math.max(reported, Boolean.TRUE.equals(scan.consistentRead()) ? 1.0 : 0.5));
      case GetItemRequest get -> read(pending, operation, 1, reported,
          Math.max(reported, Boolean.TRUE.equals(get.consistentRead()) ? 1.0 : 0.5));
      case BatchGetItemRequest batch -> read(pending, operation,
          batch.requestItems().values().stream().mapToInt(keys -> keys.keys().size()).sum(), reported, reported);
      case BatchWriteItemRequest batch -> {
        int items = batch.requestItems().values().stream().mapToInt(List::size).sum();
        yield write(pending, operation, items, reported, Math.max(reported, items), "ok");
      }
      case PutItemRequest put -> write(pending, operation, 1, reported, Math.max(reported, 1), "ok");
      case UpdateItemRequest update -> write(pending, operation, 1, reported, Math.max(reported, 1), "ok");
      case DeleteItemRequest delete -> write(pending, operation, 1, reported, Math.max(reported, 1), "ok");
      default -> read(pending, operation, 0, reported, reported);
    };
    calls.add(call);
  }

  void failed(Pending pending, Throwable failure) {
    DynamoDbRequest request = pending.request();
    String operation = operation(request);
    if (failure instanceof ConditionalCheckFailedException) {
      Map<String, AttributeValue> key = switch (request) {
        case PutItemRequest put -> tableOf(put.tableName()).key(put.item());
        case UpdateItemRequest update -> update.key();
        case DeleteItemRequest delete -> delete.key();
        default -> null;
      };
      String table = switch (request) {
        case PutItemRequest put -> put.tableName();
        case UpdateItemRequest update -> update.tableName();
        case DeleteItemRequest delete -> delete.tableName();
        default -> null;
      };
      long units = key == null ? 1 : ItemSize.writeUnits(ItemSize.of(unmetered(() -> get(table, key))));
      calls.add(write(pending, operation, 1, 0, units, "condition failed"));
    } else if (failure instanceof TransactionCanceledException && request instanceof TransactWriteItemsRequest tx) {
      long units = 0;
      for (int i = 0; i < tx.transactItems().size(); i++) {
        TransactWriteItem item = tx.transactItems().get(i);
        Map<String, AttributeValue> put = item.put() != null ? item.put().item() : null;
        units += ItemSize.writeUnits(Math.max(ItemSize.of(pending.before().get(i)), ItemSize.of(put)));
      }
      calls.add(write(pending, operation, tx.transactItems().size(), 0, 2.0 * units, "cancelled"));
    } else {
      calls.add(read(pending, operation + " (" + failure.getClass().getSimpleName() + ")", 0, 0, 0));
    }
  }

  private long transactionalItemUnits(TransactWriteItem item, Map<String, AttributeValue> before) {
    if (item.conditionCheck() != null) {
      return ItemSize.writeUnits(ItemSize.of(before));
    }
    String table = tableName(item);
    Map<String, AttributeValue> after;
    if (item.put() != null) {
      after = item.put().item();
    } else if (item.update() != null) {
      after = unmetered(() -> get(table, item.update().key()));
    } else {
      after = null;
    }
    return WriteCost.units(before, after, tableOf(table));
  }

  private Map<String, AttributeValue> stored(TransactWriteItem item) {
    String table = tableName(item);
    Map<String, AttributeValue> key = item.put() != null ? tableOf(table).key(item.put().item())
        : item.update() != null ? item.update().key()
        : item.delete() != null ? item.delete().key()
        : item.conditionCheck().key();
    return get(table, key);
  }

  private Map<String, AttributeValue> get(String table, Map<String, AttributeValue> key) {
    Map<String, AttributeValue> item = harness.getItem(get -> get.tableName(table).key(key).consistentRead(true)).item();
    return item == null || item.isEmpty() ? null : item;
  }

  private TableIndexes tableOf(String table) {
    return tables.computeIfAbsent(table, name -> unmetered(() ->
        TableIndexes.of(harness.describeTable(describe -> describe.tableName(name)).table())));
  }

  private static String tableName(TransactWriteItem item) {
    return item.put() != null ? item.put().tableName()
        : item.update() != null ? item.update().tableName()
        : item.delete() != null ? item.delete().tableName()
        : item.conditionCheck().tableName();
  }

  private static MeteredCall read(Pending pending, String operation, int items, double reported, double units) {
    return new MeteredCall(pending.step(), pending.source(), operation, items, reported, 0, units, 0, "ok");
  }

  private static MeteredCall write(Pending pending, String operation, int items, double reported, double units,
      String outcome) {
    return new MeteredCall(pending.step(), pending.source(), operation, items, 0, reported, 0, units, outcome);
  }

  /** The operation and the kinds of item it touches, e.g. {@code TransactWriteItems PAY+CS}. */
  private static String operation(DynamoDbRequest request) {
    String name = request.getClass().getSimpleName();
    String operation = name.endsWith("Request") ? name.substring(0, name.length() - "Request".length()) : name;
    String kinds = switch (request) {
      case PutItemRequest r -> ItemKinds.of(r.item());
      case UpdateItemRequest r -> ItemKinds.of(r.key());
      case DeleteItemRequest r -> ItemKinds.of(r.key());
      case GetItemRequest r -> ItemKinds.of(r.key());
      case QueryRequest r -> r.indexName() != null ? "index " + r.indexName() : ItemKinds.ofQuery(r);
      case TransactWriteItemsRequest r -> String.join("+", r.transactItems().stream().map(item -> ItemKinds.of(
          item.put() != null ? item.put().item() : item.update() != null ? item.update().key()
              : item.delete() != null ? item.delete().key() : item.conditionCheck().key())).toList());
      default -> "";
    };
    return kinds.isEmpty() ? operation : operation + " " + kinds;
  }

  private static double reported(SdkResponse response) {
    return switch (response) {
      case PutItemResponse r -> units(r.consumedCapacity());
      case UpdateItemResponse r -> units(r.consumedCapacity());
      case DeleteItemResponse r -> units(r.consumedCapacity());
      case GetItemResponse r -> units(r.consumedCapacity());
      case QueryResponse r -> units(r.consumedCapacity());
      case ScanResponse r -> units(r.consumedCapacity());
      case TransactWriteItemsResponse r -> r.consumedCapacity().stream().mapToDouble(CapacityMeter::units).sum();
      case TransactGetItemsResponse r -> r.consumedCapacity().stream().mapToDouble(CapacityMeter::units).sum();
      case BatchWriteItemResponse r -> r.consumedCapacity().stream().mapToDouble(CapacityMeter::units).sum();
      case BatchGetItemResponse r -> r.consumedCapacity().stream().mapToDouble(CapacityMeter::units).sum();
      default -> 0;
    };
  }

  private static double units(ConsumedCapacity capacity) {
    return capacity == null || capacity.capacityUnits() == null ? 0 : capacity.capacityUnits();
  }
}
