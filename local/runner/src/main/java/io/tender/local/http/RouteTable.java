package io.tender.local.http;

import io.tender.local.http.RouteMatch.Matched;
import io.tender.local.http.RouteMatch.MethodNotAllowed;
import io.tender.local.http.RouteMatch.NotFound;
import io.tender.local.template.HttpRoute;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Picks the route for a request the way an API Gateway HTTP API does: among the routes whose path
 * matches and whose method is the request's or {@code ANY}, the most specific path wins (a literal
 * segment beats a variable, which beats a greedy variable, leftmost segment first); on equal paths
 * a named method beats {@code ANY}; {@code $default} takes whatever no route matches.
 *
 * <p>Two choices AWS does not document: a path that only some other method matches gives {@link
 * MethodNotAllowed} here where API Gateway answers 404, so that the runner can say why; and routes
 * whose paths differ only in variable names rank in template order.
 */
public final class RouteTable {
  private static final String ANY = "ANY";
  private static final String DEFAULT_ROUTE = "$default";

  private record Candidate(FunctionRoute functionRoute, RoutePattern pattern) {
    String method() {
      return functionRoute.route().method();
    }

    boolean takesAnyMethod() {
      return ANY.equals(method());
    }

    boolean accepts(String requestMethod) {
      return takesAnyMethod() || method().equals(requestMethod);
    }
  }

  private static final Comparator<Candidate> PRIORITY =
      Comparator.comparing(Candidate::pattern, RoutePattern.MOST_SPECIFIC_FIRST)
          // false sorts first: a named method beats ANY.
          .thenComparing(Candidate::takesAnyMethod);

  private final List<Candidate> candidates = new ArrayList<>();
  private final FunctionRoute defaultRoute;

  /**
   * @throws IllegalArgumentException if two routes have the same route key (naming both functions)
   *     or a route path is malformed
   */
  public RouteTable(List<FunctionRoute> routes) {
    Map<String, String> functionByRouteKey = new HashMap<>();
    FunctionRoute defaultSeen = null;
    for (FunctionRoute functionRoute : routes) {
      HttpRoute route = functionRoute.route();
      String functionId = functionRoute.functionId();
      String previous = functionByRouteKey.putIfAbsent(route.routeKey(), functionId);
      if (previous != null) {
        throw new IllegalArgumentException(
            "Route key '%s' is declared twice: by %s and by %s"
                .formatted(route.routeKey(), previous, functionId));
      }
      if (DEFAULT_ROUTE.equals(route.path())) {
        defaultSeen = functionRoute;
      } else {
        candidates.add(new Candidate(functionRoute, RoutePattern.parse(route.path())));
      }
    }
    this.defaultRoute = defaultSeen;
  }

  /**
   * @param method the request method as received (methods are case-sensitive)
   * @param rawPath the request path as received, still percent-encoded, without the query
   */
  public RouteMatch match(String method, String rawPath) {
    Candidate best = null;
    Map<String, String> bestParameters = Map.of();
    Set<String> methodsOnPath = new TreeSet<>();
    for (Candidate candidate : candidates) {
      Optional<Map<String, String>> parameters = candidate.pattern().match(rawPath);
      if (parameters.isEmpty()) {
        continue;
      }
      if (!candidate.accepts(method)) {
        methodsOnPath.add(candidate.method());
      } else if (best == null || PRIORITY.compare(candidate, best) < 0) {
        // Strictly better only, so that an equal rank keeps the route declared first.
        best = candidate;
        bestParameters = parameters.get();
      }
    }
    if (best != null) {
      FunctionRoute chosen = best.functionRoute();
      return new Matched(chosen.functionId(), chosen.route(), bestParameters);
    }
    if (defaultRoute != null) {
      return new Matched(defaultRoute.functionId(), defaultRoute.route(), Map.of());
    }
    if (!methodsOnPath.isEmpty()) {
      return new MethodNotAllowed(methodsOnPath);
    }
    return new NotFound();
  }
}
