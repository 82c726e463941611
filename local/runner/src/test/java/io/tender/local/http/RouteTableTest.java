package io.tender.local.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tender.local.http.RouteMatch.Matched;
import io.tender.local.http.RouteMatch.MethodNotAllowed;
import io.tender.local.http.RouteMatch.NotFound;
import io.tender.local.template.HttpRoute;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RouteTableTest {

  private static FunctionRoute route(String functionId, String method, String path) {
    return new FunctionRoute(functionId, new HttpRoute(functionId + "Event", method, path));
  }

  private static FunctionRoute defaultRoute(String functionId) {
    return new FunctionRoute(functionId, new HttpRoute(functionId + "Event", "ANY", "$default"));
  }

  private static RouteTable table(FunctionRoute... routes) {
    return new RouteTable(List.of(routes));
  }

  private static Matched matched(RouteMatch match) {
    assertThat(match).isInstanceOf(Matched.class);
    return (Matched) match;
  }

  /** The routes of the example in AWS's "Routing API requests" for HTTP APIs. */
  @Nested
  class PriorityFromTheAwsExample {
    private final List<FunctionRoute> routes =
        List.of(
            route("ExactFn", "GET", "/pets/dog/1"),
            route("VariableFn", "GET", "/pets/dog/{id}"),
            route("PetsGreedyFn", "GET", "/pets/{proxy+}"),
            route("RootGreedyFn", "ANY", "/{proxy+}"),
            defaultRoute("DefaultFn"));

    @ParameterizedTest
    @CsvSource({
      "GET, /pets/dog/1, ExactFn",
      "GET, /pets/dog/2, VariableFn",
      "GET, /pets/cat/1, PetsGreedyFn",
      "POST, /pets/cat/1, RootGreedyFn",
      "POST, /pets/dog/1, RootGreedyFn",
      "GET, /, DefaultFn",
    })
    void theMostSpecificRouteWins(String method, String path, String expectedFunction) {
      assertThat(matched(new RouteTable(routes).match(method, path)).functionId())
          .isEqualTo(expectedFunction);
    }

    @ParameterizedTest
    @CsvSource({
      "GET, /pets/dog/1, ExactFn",
      "GET, /pets/dog/2, VariableFn",
      "GET, /pets/cat/1, PetsGreedyFn",
      "POST, /pets/cat/1, RootGreedyFn",
    })
    void declarationOrderDoesNotMatter(String method, String path, String expectedFunction) {
      List<FunctionRoute> reversed = new ArrayList<>(routes);
      Collections.reverse(reversed);
      assertThat(matched(new RouteTable(reversed).match(method, path)).functionId())
          .isEqualTo(expectedFunction);
    }

    @Test
    void variableAndGreedyValuesAreReported() {
      RouteTable table = new RouteTable(routes);
      assertThat(matched(table.match("GET", "/pets/dog/2")).pathParameters())
          .containsExactly(Map.entry("id", "2"));
      assertThat(matched(table.match("GET", "/pets/cat/1")).pathParameters())
          .containsExactly(Map.entry("proxy", "cat/1"));
      assertThat(matched(table.match("POST", "/pets/cat/1")).pathParameters())
          .containsExactly(Map.entry("proxy", "pets/cat/1"));
      assertThat(matched(table.match("GET", "/pets/dog/1")).pathParameters()).isEmpty();
    }
  }

  @Test
  void aNamedMethodBeatsAnyOnTheSamePath() {
    RouteTable table = table(route("AnyFn", "ANY", "/items"), route("GetFn", "GET", "/items"));

    assertThat(matched(table.match("GET", "/items")).functionId()).isEqualTo("GetFn");
    assertThat(matched(table.match("DELETE", "/items")).functionId()).isEqualTo("AnyFn");
  }

  @Test
  void aMoreSpecificPathBeatsAMoreSpecificMethod() {
    RouteTable table =
        table(
            route("GetByIdFn", "GET", "/items/{id}"),
            route("AnySpecialFn", "ANY", "/items/special"));

    assertThat(matched(table.match("GET", "/items/special")).functionId())
        .isEqualTo("AnySpecialFn");
    assertThat(matched(table.match("GET", "/items/other")).functionId()).isEqualTo("GetByIdFn");
  }

  @Test
  void theLeftmostSegmentThatDiffersDecides() {
    RouteTable table =
        table(
            route("VariableFirstFn", "GET", "/a/{x}/c"),
            route("LiteralFirstFn", "GET", "/a/b/{y}"));

    assertThat(matched(table.match("GET", "/a/b/c")).functionId()).isEqualTo("LiteralFirstFn");
    assertThat(matched(table.match("GET", "/a/z/c")).functionId()).isEqualTo("VariableFirstFn");
  }

  @Test
  void aLongerLiteralPrefixBeforeAGreedyVariableWins() {
    RouteTable table =
        table(route("RootFn", "GET", "/{proxy+}"), route("FilesFn", "GET", "/files/{proxy+}"));

    Matched match = matched(table.match("GET", "/files/a/b"));
    assertThat(match.functionId()).isEqualTo("FilesFn");
    assertThat(match.pathParameters()).containsExactly(Map.entry("proxy", "a/b"));
  }

  @Test
  void aVariableBeatsAGreedyVariable() {
    RouteTable table =
        table(route("GreedyFn", "GET", "/files/{proxy+}"), route("OneFn", "GET", "/files/{name}"));

    assertThat(matched(table.match("GET", "/files/a")).functionId()).isEqualTo("OneFn");
    assertThat(matched(table.match("GET", "/files/a/b")).functionId()).isEqualTo("GreedyFn");
  }

  @Test
  void routesThatDifferOnlyInVariableNamesRankInTemplateOrder() {
    RouteTable xFirst = table(route("XFn", "ANY", "/a/{x}"), route("YFn", "ANY", "/a/{y}"));
    RouteTable yFirst = table(route("YFn", "ANY", "/a/{y}"), route("XFn", "ANY", "/a/{x}"));

    assertThat(xFirst.match("GET", "/a/1"))
        .isEqualTo(
            new Matched("XFn", new HttpRoute("XFnEvent", "ANY", "/a/{x}"), Map.of("x", "1")));
    assertThat(yFirst.match("GET", "/a/1"))
        .isEqualTo(
            new Matched("YFn", new HttpRoute("YFnEvent", "ANY", "/a/{y}"), Map.of("y", "1")));
  }

  @Nested
  class GreedyVariables {
    private final RouteTable table = table(route("FilesFn", "GET", "/files/{proxy+}"));

    @ParameterizedTest
    @CsvSource({
      "/files/a, a",
      "/files/a/b/c, a/b/c",
      "/files/a/, a/",
    })
    void matchOneOrMoreSegments(String path, String expectedProxy) {
      assertThat(matched(table.match("GET", path)).pathParameters())
          .containsExactly(Map.entry("proxy", expectedProxy));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/files", "/files/", "/file/a", "/"})
    void needAtLeastOneNonEmptySegment(String path) {
      assertThat(table.match("GET", path)).isEqualTo(new NotFound());
    }

    @Test
    void aRootGreedyVariableDoesNotMatchTheRoot() {
      assertThat(table(route("RootFn", "ANY", "/{proxy+}")).match("GET", "/"))
          .isEqualTo(new NotFound());
    }
  }

  @Nested
  class PathVariables {
    private final RouteTable table =
        table(route("OrderFn", "GET", "/users/{userId}/orders/{orderId}"));

    @Test
    void eachTakesOneSegmentInDeclarationOrder() {
      assertThat(matched(table.match("GET", "/users/u1/orders/o2")).pathParameters())
          .containsExactly(Map.entry("userId", "u1"), Map.entry("orderId", "o2"));
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "/users/u1/orders",
          "/users/u1/orders/",
          "/users/u1/orders/o2/x",
          "/users//orders/o2",
          "/Users/u1/orders/o2",
          "users/u1/orders/o2",
        })
    void doNotMatchMissingEmptyOrExtraSegments(String path) {
      assertThat(table.match("GET", path)).isEqualTo(new NotFound());
    }
  }

  @Nested
  class PercentEncoding {
    private final RouteTable table =
        table(
            route("ItemFn", "GET", "/items/{id}"),
            route("FilesFn", "GET", "/files/{proxy+}"),
            route("HealthFn", "GET", "/api/health"));

    @ParameterizedTest
    @CsvSource(
        delimiter = '|',
        value = {
          "/items/caf%C3%A9%20au%20lait | café au lait",
          "/items/a+b | a+b",
          "/items/a%2Fb | a/b",
          "/items/100%25 | 100%",
          "/items/%zz | %zz",
          "/items/50% | 50%",
        })
    void pathParameterValuesArePercentDecoded(String path, String expectedId) {
      assertThat(matched(table.match("GET", path)).pathParameters())
          .containsExactly(Map.entry("id", expectedId));
    }

    @Test
    void greedyValuesArePercentDecodedAfterSplitting() {
      assertThat(matched(table.match("GET", "/files/my%20docs/a%2Fb.txt")).pathParameters())
          .containsExactly(Map.entry("proxy", "my docs/a/b.txt"));
    }

    @Test
    void literalSegmentsCompareWithTheRawPath() {
      assertThat(table.match("GET", "/api/%68ealth")).isEqualTo(new NotFound());
    }
  }

  @Test
  void aTrailingSlashMakesADifferentPath() {
    RouteTable table = table(route("NoSlashFn", "GET", "/a"), route("SlashFn", "GET", "/b/"));

    assertThat(matched(table.match("GET", "/a")).functionId()).isEqualTo("NoSlashFn");
    assertThat(table.match("GET", "/a/")).isEqualTo(new NotFound());
    assertThat(matched(table.match("GET", "/b/")).functionId()).isEqualTo("SlashFn");
    assertThat(table.match("GET", "/b")).isEqualTo(new NotFound());
  }

  @Test
  void theRootPathIsARouteOfItsOwn() {
    RouteTable table = table(route("RootFn", "GET", "/"), route("AFn", "GET", "/a"));

    assertThat(matched(table.match("GET", "/")).functionId()).isEqualTo("RootFn");
    assertThat(matched(table.match("GET", "/a")).functionId()).isEqualTo("AFn");
  }

  @Nested
  class DefaultRoute {
    @Test
    void catchesWhatNoOtherRouteMatchesWithoutPathParameters() {
      RouteTable table = table(route("ItemFn", "GET", "/items/{id}"), defaultRoute("DefaultFn"));

      Matched match = matched(table.match("GET", "/elsewhere/1"));
      assertThat(match.functionId()).isEqualTo("DefaultFn");
      assertThat(match.route().routeKey()).isEqualTo("$default");
      assertThat(match.pathParameters()).isEmpty();
    }

    @Test
    void takesAKnownPathWithAnUnknownMethodInsteadOf405() {
      RouteTable table = table(route("ItemFn", "GET", "/items/{id}"), defaultRoute("DefaultFn"));

      assertThat(matched(table.match("DELETE", "/items/1")).functionId()).isEqualTo("DefaultFn");
    }

    @Test
    void neverBeatsAMatchingRoute() {
      RouteTable table = table(defaultRoute("DefaultFn"), route("RootFn", "ANY", "/{proxy+}"));

      assertThat(matched(table.match("PATCH", "/anything")).functionId()).isEqualTo("RootFn");
    }
  }

  @Nested
  class NoRoute {
    @Test
    void aPathOnlyOtherMethodsTakeIsMethodNotAllowedListingThem() {
      RouteTable table =
          table(
              route("GetFn", "GET", "/items/{id}"),
              route("PutFn", "PUT", "/items/1"),
              route("OtherFn", "POST", "/other"));

      assertThat(table.match("POST", "/items/1"))
          .isEqualTo(new MethodNotAllowed(java.util.Set.of("GET", "PUT")));
      assertThat(((MethodNotAllowed) table.match("POST", "/items/1")).allowedMethods())
          .containsExactly("GET", "PUT");
    }

    @Test
    void methodsAreCaseSensitive() {
      assertThat(table(route("GetFn", "GET", "/a")).match("get", "/a"))
          .isEqualTo(new MethodNotAllowed(java.util.Set.of("GET")));
    }

    @Test
    void aPathNoRouteTakesIsNotFound() {
      RouteTable table = table(route("GetFn", "GET", "/items/{id}"));

      assertThat(table.match("GET", "/orders/1")).isEqualTo(new NotFound());
      assertThat(table.match("POST", "/orders/1")).isEqualTo(new NotFound());
    }

    @Test
    void anEmptyTableFindsNothing() {
      assertThat(new RouteTable(List.of()).match("GET", "/")).isEqualTo(new NotFound());
    }
  }

  @Nested
  class Construction {
    @Test
    void rejectsADuplicateRouteKeyNamingBothFunctions() {
      assertThatThrownBy(
              () ->
                  table(
                      route("FirstFn", "GET", "/items/{id}"),
                      route("SecondFn", "GET", "/items/{id}")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("GET /items/{id}")
          .hasMessageContaining("FirstFn")
          .hasMessageContaining("SecondFn");
    }

    @Test
    void rejectsASecondDefaultRoute() {
      assertThatThrownBy(() -> table(defaultRoute("FirstFn"), defaultRoute("SecondFn")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("$default")
          .hasMessageContaining("FirstFn")
          .hasMessageContaining("SecondFn");
    }

    @Test
    void acceptsTheSamePathUnderDifferentMethods() {
      RouteTable table =
          table(
              route("AnyFn", "ANY", "/a"),
              route("GetFn", "GET", "/a"),
              route("PostFn", "POST", "/a"));

      assertThat(matched(table.match("POST", "/a")).functionId()).isEqualTo("PostFn");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/files/{proxy+}/more", "/items/id-{id}", "/items/{id", "items"})
    void rejectsMalformedPaths(String path) {
      assertThatThrownBy(() -> table(route("Fn", "GET", path)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(path);
    }
  }
}
