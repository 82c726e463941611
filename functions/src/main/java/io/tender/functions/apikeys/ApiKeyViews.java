package io.tender.functions.apikeys;

import io.tender.core.apikey.ApiKey;
import io.tender.core.apikey.CreatedApiKey;
import java.util.LinkedHashMap;
import java.util.Map;

/** API keys as the merchant API shows them: the secret once, at creation, and never again. */
final class ApiKeyViews {
  private ApiKeyViews() {}

  static Map<String, Object> created(CreatedApiKey created) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", created.key().id());
    view.put("name", created.key().name());
    view.put("prefix", created.key().prefix());
    view.put("secret", created.secret());
    view.put("created_at", created.key().createdAt().toString());
    return view;
  }

  static Map<String, Object> listed(ApiKey key) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", key.id());
    view.put("name", key.name());
    view.put("prefix", key.prefix());
    view.put("last4", key.last4());
    view.put("created_at", key.createdAt().toString());
    view.put("revoked_at", key.revokedAt().map(Object::toString).orElse(null));
    return view;
  }
}
