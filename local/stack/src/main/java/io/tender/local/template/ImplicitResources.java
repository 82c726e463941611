package io.tender.local.template;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Resources SAM creates without the template declaring them, which templates may still refer to:
 * {@code ServerlessHttpApi} (the HTTP API of {@code HttpApi} events without {@code ApiId}) and
 * {@code <Function>Role} (the execution role of a function without {@code Role}). Knowing them
 * keeps {@code !Ref ServerlessHttpApi} from being reported as an unknown resource.
 */
final class ImplicitResources {
  static final String SERVERLESS_HTTP_API = "ServerlessHttpApi";

  private ImplicitResources() {}

  static Map<String, DeclaredResource> addTo(Map<String, DeclaredResource> declared) {
    Map<String, DeclaredResource> all = new LinkedHashMap<>(declared);
    boolean implicitHttpApi = false;
    for (DeclaredResource resource : declared.values()) {
      if (!resource.type().equals(ResourceTypes.FUNCTION)
          || !(resource.properties() instanceof Map<?, ?> properties)) {
        continue;
      }
      if (!properties.containsKey("Role")) {
        Map<String, Object> role = new LinkedHashMap<>();
        role.put("Type", ResourceTypes.IAM_ROLE);
        resource.condition().ifPresent(condition -> role.put("Condition", condition));
        String roleId = resource.logicalId() + "Role";
        all.putIfAbsent(roleId, new DeclaredResource(roleId, ResourceTypes.IAM_ROLE, role, true));
      }
      implicitHttpApi |= hasHttpApiEventWithoutApiId(properties.get("Events"));
    }
    if (implicitHttpApi) {
      all.putIfAbsent(
          SERVERLESS_HTTP_API,
          new DeclaredResource(
              SERVERLESS_HTTP_API,
              ResourceTypes.HTTP_API,
              Map.of("Type", ResourceTypes.HTTP_API),
              true));
    }
    return all;
  }

  private static boolean hasHttpApiEventWithoutApiId(Object events) {
    if (!(events instanceof Map<?, ?> byName)) {
      return false;
    }
    for (Object event : byName.values()) {
      if (event instanceof Map<?, ?> definition
          && "HttpApi".equals(definition.get("Type"))
          && !(definition.get("Properties") instanceof Map<?, ?> props
              && props.containsKey("ApiId"))) {
        return true;
      }
    }
    return false;
  }
}
