package io.tender.bench.capacity;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An item's size as DynamoDB bills it: attribute names plus values (strings in UTF-8, numbers at
 * about one byte per two significant digits plus one, lists and maps 3 bytes plus 1 per element).
 */
public final class ItemSize {
  private ItemSize() {}

  public static long of(Map<String, AttributeValue> item) {
    if (item == null) {
      return 0;
    }
    long size = 0;
    for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
      size += utf8(attribute.getKey()) + value(attribute.getValue());
    }
    return size;
  }

  /** Write units: 1 per started KB, at least 1. */
  public static long writeUnits(long bytes) {
    return Math.max(1, (bytes + 1023) / 1024);
  }

  private static long value(AttributeValue value) {
    return switch (value.type()) {
      case S -> utf8(value.s());
      case N -> number(value.n());
      case B -> value.b().asByteArray().length;
      case BOOL, NUL -> 1;
      case SS -> value.ss().stream().mapToLong(ItemSize::utf8).sum();
      case NS -> value.ns().stream().mapToLong(ItemSize::number).sum();
      case BS -> value.bs().stream().mapToLong(b -> b.asByteArray().length).sum();
      case L -> 3 + value.l().stream().mapToLong(element -> value(element) + 1).sum();
      case M -> 3 + value.m().entrySet().stream()
          .mapToLong(entry -> utf8(entry.getKey()) + value(entry.getValue()) + 1).sum();
      case UNKNOWN_TO_SDK_VERSION -> 0;
    };
  }

  private static long number(String text) {
    String digits = text.replace("-", "").replace(".", "").replaceFirst("[eE].*", "");
    digits = digits.replaceFirst("^0+", "").replaceFirst("0+$", "");
    return (Math.max(1, digits.length()) + 1) / 2 + 1;
  }

  private static long utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }
}
