package io.tender.adapter.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Values written and trees read without the mapper come out exactly as the mapper's. */
class JsonTest {
  enum Colour { RED }

  record Pair(String name, long amount) {}

  @Test
  void plainValuesAreWrittenAsTheMapperWritesThem() throws Exception {
    ObjectNode tree = JsonNodeFactory.instance.objectNode();
    tree.put("text", "a\"b\\c\n\u0000\u202e\uD83D\uDCB3").put("int", 7).put("long", 9_223_372_036_854_775_807L)
        .put("double", 0.1).put("float", 1.5f).put("short", (short) 3).put("decimal", new BigDecimal("1.10"))
        .put("big", new BigInteger("99999999999999999999999")).put("flag", true).putNull("nothing");
    tree.putArray("list").add(1).add("two").addNull().addObject().put("deep", false);
    tree.putPOJO("pojo", new Pair("p", 1));
    tree.put("binary", new byte[] {1, 2, 3});
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("z", "last first");
    map.put("a", null);
    map.put("numbers", List.of(1, 2L, 3.25, Double.NaN, new BigDecimal("1E+3"), (short) 4, (byte) 5, 6.5f));
    map.put("set", Set.of("only"));
    map.put("nested", Map.of("k", List.of(Map.of())));
    map.put("tree", tree);
    map.put("enum", Colour.RED);
    map.put("record", new Pair("r", 2));
    map.put("array", new String[] {"a"});
    map.put("intKeys", new HashMap<>(Map.of(1, "one")));
    map.put("empty", List.of());

    for (Object value : List.of(map, tree, "plain", 1, List.of(map), Arrays.asList(null, "x"))) {
      assertThat(Json.write(value)).isEqualTo(Json.mapper().writeValueAsString(value));
    }
    assertThat(Json.write(null)).isEqualTo("null");
  }

  @Test
  void treesAreReadAsTheMapperReadsThem() {
    List<String> documents = new ArrayList<>(List.of("{}", "[]", "null", "true", "0", "-1", "1.5", "-0.0", "1e308",
        "1e999", "-9223372036854775808", "9223372036854775808", "2147483648", "99999999999999999999999",
        "\"\\u0000\\u202e\uD83D\uDCB3\"", "{\"a\":{\"b\":[1,2.5,\"c\",null,false,{}]}}", "  {\"id\":\"evt_1\"}  ",
        "", "   ", "{", "{\"a\":1,\"a\":2}", "{\"a\":{\"b\":1,\"b\":1}}", "{} {}", "{}x", "[1,]", "{\"a\":1,}",
        "[" + "[".repeat(1500) + "]".repeat(1500) + "]", "NaN", "'x'", "{a:1}", "\"unterminated", "[1 2]", "01"));
    Random random = new Random(7);
    for (int i = 0; i < 2000; i++) {
      String document = drawn(random, 0);
      documents.add(random.nextInt(10) == 0 ? document.substring(0, random.nextInt(document.length() + 1)) : document);
    }
    for (String document : documents) {
      byte[] bytes = document.getBytes(StandardCharsets.UTF_8);
      JsonNode expected;
      try {
        expected = Json.mapper().readTree(bytes);
      } catch (IOException refused) {
        assertThatThrownBy(() -> Json.readTree(bytes)).as(document).isInstanceOf(IOException.class);
        continue;
      }
      JsonNode read = assertDoesNotThrow(() -> Json.readTree(bytes), document);
      assertThat(read).as(document).isEqualTo(expected);
      assertThat(read.toString()).as(document).isEqualTo(expected.toString());
    }
  }

  private static String drawn(Random random, int depth) {
    return switch (depth > 3 ? random.nextInt(6) : random.nextInt(8)) {
      case 0 -> "\"" + "abc\\n\\u00e9\u20ac".substring(0, random.nextInt(9)) + "\"";
      case 1 -> Long.toString(random.nextLong() >> random.nextInt(64));
      case 2 -> Double.toString(random.nextDouble() * Math.pow(10, random.nextInt(40) - 20));
      case 3 -> "99999999999999999999" + random.nextInt(10);
      case 4 -> List.of("true", "false", "null").get(random.nextInt(3));
      case 5 -> "-0";
      case 6 -> {
        StringBuilder object = new StringBuilder("{");
        for (int i = random.nextInt(4); i > 0; i--) {
          object.append(object.length() > 1 ? "," : "").append("\"k").append(random.nextInt(5)).append("\":")
              .append(drawn(random, depth + 1));
        }
        yield object.append('}').toString();
      }
      default -> {
        StringBuilder array = new StringBuilder("[");
        for (int i = random.nextInt(4); i > 0; i--) {
          array.append(array.length() > 1 ? "," : "").append(drawn(random, depth + 1));
        }
        yield array.append(']').toString();
      }
    };
  }

  @Test
  void aValueTheMapperCannotWriteIsRefusedAsBefore() {
    Map<String, Object> nullKey = new HashMap<>();
    nullKey.put(null, "x");

    assertThatThrownBy(() -> Json.write(nullKey)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Json.write(Map.of("at", java.time.Instant.EPOCH)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
