package io.tender.local.template;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Refuses two events declaring the same route: API Gateway would reject the template, and locally
 * one of the two functions would silently never be called.
 */
final class RouteConflicts {
  private RouteConflicts() {}

  static void check(Collection<FunctionSpec> functions) {
    Map<String, String> declaredBy = new HashMap<>();
    for (FunctionSpec function : functions) {
      for (HttpRoute route : function.routes()) {
        String declaration =
            Where.resource(function.logicalId()).at("Events").at(route.eventName()).toString();
        String earlier = declaredBy.putIfAbsent(normalized(route), declaration);
        if (earlier != null) {
          throw new TemplateException(
              "Route '%s' is declared twice: %s and %s"
                  .formatted(route.routeKey(), earlier, declaration));
        }
      }
    }
  }

  /** {@code /items/{id}} and {@code /items/{itemId}} are the same route to API Gateway. */
  private static String normalized(HttpRoute route) {
    return route.routeKey().replaceAll("\\{[^}/]+\\+}", "{+}").replaceAll("\\{[^}/+]+}", "{}");
  }
}
