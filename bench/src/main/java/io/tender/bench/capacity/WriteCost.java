package io.tender.bench.capacity;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What one item write costs on DynamoDB, from the item before and after: the table's units for
 * the larger of the two images, plus each index the write touches (entering, leaving, moving, or a
 * change to what the index projects). A transactional write costs twice this.
 */
public final class WriteCost {
  private WriteCost() {}

  /** {@code before}/{@code after} are null where the item does not exist. */
  public static long units(Map<String, AttributeValue> before, Map<String, AttributeValue> after, TableIndexes table) {
    long units = ItemSize.writeUnits(Math.max(ItemSize.of(before), ItemSize.of(after)));
    for (TableIndexes.Index index : table.indexes()) {
      units += indexUnits(before, after, index, table);
    }
    return units;
  }

  static long indexUnits(Map<String, AttributeValue> before, Map<String, AttributeValue> after,
      TableIndexes.Index index, TableIndexes table) {
    boolean was = index.holds(before);
    boolean is = index.holds(after);
    if (!was && !is) {
      return 0;
    }
    Map<String, AttributeValue> oldEntry = was ? index.projected(before, table.tableKeys()) : null;
    Map<String, AttributeValue> newEntry = is ? index.projected(after, table.tableKeys()) : null;
    if (was && !is) {
      return ItemSize.writeUnits(ItemSize.of(oldEntry));
    }
    if (!was) {
      return ItemSize.writeUnits(ItemSize.of(newEntry));
    }
    boolean keysMoved = index.keys().stream().anyMatch(key -> !before.get(key).equals(after.get(key)));
    if (keysMoved) {
      return ItemSize.writeUnits(ItemSize.of(oldEntry)) + ItemSize.writeUnits(ItemSize.of(newEntry));
    }
    return oldEntry.equals(newEntry) ? 0 : ItemSize.writeUnits(ItemSize.of(newEntry));
  }
}
