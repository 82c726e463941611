package io.tender.local.http;

import io.tender.local.template.HttpRoute;
import java.util.Objects;

/** One HTTP route of the template and the logical id of the function it invokes. */
public record FunctionRoute(String functionId, HttpRoute route) {
  public FunctionRoute {
    Objects.requireNonNull(functionId, "functionId");
    Objects.requireNonNull(route, "route");
  }
}
