package io.tender.local.http;

import io.tender.local.template.HttpRoute;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/** What {@link RouteTable#match} found for a request: a route, a 405 or a 404. */
public sealed interface RouteMatch {

  /**
   * The route that takes the request.
   *
   * @param pathParameters variable name → percent-decoded value, in the route's order; empty for
   *     {@code $default} and for routes without variables
   */
  record Matched(String functionId, HttpRoute route, Map<String, String> pathParameters)
      implements RouteMatch {
    public Matched {
      Objects.requireNonNull(functionId, "functionId");
      Objects.requireNonNull(route, "route");
      pathParameters = Collections.unmodifiableMap(new LinkedHashMap<>(pathParameters));
    }
  }

  /**
   * Some route has this path, none takes this method, and there is no {@code $default}.
   *
   * @param allowedMethods the methods that would have matched, sorted, for the {@code Allow} header
   */
  record MethodNotAllowed(Set<String> allowedMethods) implements RouteMatch {
    public MethodNotAllowed {
      allowedMethods = Collections.unmodifiableSortedSet(new TreeSet<>(allowedMethods));
    }
  }

  /** No route has this path and there is no {@code $default}. */
  record NotFound() implements RouteMatch {}
}
