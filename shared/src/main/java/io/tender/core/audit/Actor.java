package io.tender.core.audit;

import java.util.Set;

/**
 * Who acted: {@code type} is {@code api_key}, {@code user}, {@code operator} or {@code system},
 * and {@code id} names the key (its id, never the secret), the user, or the system job.
 */
public record Actor(String type, String id) {
  public static final String API_KEY = "api_key";
  public static final String USER = "user";
  public static final String OPERATOR = "operator";
  public static final String SYSTEM = "system";
  private static final Set<String> TYPES = Set.of(API_KEY, USER, OPERATOR, SYSTEM);
  private static final int MAX_ID_LENGTH = 128;

  public Actor {
    if (type == null || !TYPES.contains(type)) {
      throw new IllegalArgumentException("an actor type is one of " + TYPES + ": " + type);
    }
    if (id == null || id.isBlank() || id.length() > MAX_ID_LENGTH) {
      throw new IllegalArgumentException("an actor id is 1 to " + MAX_ID_LENGTH + " characters");
    }
  }

  public static Actor apiKey(String keyId) {
    return new Actor(API_KEY, keyId);
  }

  public static Actor user(String userId) {
    return new Actor(USER, userId);
  }

  public static Actor operator(String operatorId) {
    return new Actor(OPERATOR, operatorId);
  }

  /** A scheduled job or other work no person started, named by {@code jobName}. */
  public static Actor system(String jobName) {
    return new Actor(SYSTEM, jobName);
  }
}
