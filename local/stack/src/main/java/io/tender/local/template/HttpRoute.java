package io.tender.local.template;

/**
 * An {@code HttpApi} event. {@code method} is upper case or {@code ANY}; {@code path} is as
 * declared ({@code /api/items/{id}}, {@code /files/{proxy+}}) or {@code $default} when the event
 * has no path.
 */
public record HttpRoute(String eventName, String method, String path) {
  public String routeKey() {
    return "$default".equals(path) ? "$default" : method + " " + path;
  }
}
