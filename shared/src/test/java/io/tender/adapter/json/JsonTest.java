package io.tender.adapter.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Values written without the mapper read exactly as the mapper writes them. */
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
  void aValueTheMapperCannotWriteIsRefusedAsBefore() {
    Map<String, Object> nullKey = new HashMap<>();
    nullKey.put(null, "x");

    assertThatThrownBy(() -> Json.write(nullKey)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Json.write(Map.of("at", java.time.Instant.EPOCH)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
