package io.tender.core.audit;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What is being recorded, before it has a place in the chain.
 *
 * <p>{@code action} is a dotted lower-case name such as {@code api_key.created},
 * {@code refund.created} or {@code user.mfa.enabled}. {@code ip} and {@code requestId} are null
 * when there is none (a scheduled job has neither); blank counts as none. {@code details} is a
 * small map of ids and amounts, held sorted by key; it must never carry a secret, since entries
 * are kept for good and shown to the tenant.
 */
public record AuditEvent(String action, Actor actor, String ip, String requestId,
    Map<String, String> details) {
  public static final int MAX_DETAILS = 32;
  public static final int MAX_DETAIL_VALUE_LENGTH = 512;
  private static final Pattern ACTION = Pattern.compile("[a-z0-9_]+(\\.[a-z0-9_]+)*");
  private static final int MAX_ACTION_LENGTH = 64;
  private static final Pattern DETAIL_KEY = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
  private static final int MAX_IP_LENGTH = 64;
  private static final int MAX_REQUEST_ID_LENGTH = 128;

  public AuditEvent {
    if (action == null || action.length() > MAX_ACTION_LENGTH || !ACTION.matcher(action).matches()) {
      throw new IllegalArgumentException("an audit action is a dotted lower-case name: " + action);
    }
    if (actor == null) {
      throw new IllegalArgumentException("an audit event needs an actor");
    }
    ip = noneIfBlank(ip, "ip", MAX_IP_LENGTH);
    requestId = noneIfBlank(requestId, "requestId", MAX_REQUEST_ID_LENGTH);
    details = checkedDetails(details);
  }

  /** An event with no details. */
  public AuditEvent(String action, Actor actor, String ip, String requestId) {
    this(action, actor, ip, requestId, Map.of());
  }

  private static String noneIfBlank(String value, String name, int maxLength) {
    if (value == null || value.isBlank()) {
      return null;
    }
    if (value.length() > maxLength) {
      throw new IllegalArgumentException(name + " is longer than " + maxLength + " characters");
    }
    return value;
  }

  private static Map<String, String> checkedDetails(Map<String, String> details) {
    if (details == null) {
      return Map.of();
    }
    if (details.size() > MAX_DETAILS) {
      throw new IllegalArgumentException("an audit event holds at most " + MAX_DETAILS + " details");
    }
    TreeMap<String, String> sorted = new TreeMap<>();
    details.forEach((key, value) -> {
      if (key == null || !DETAIL_KEY.matcher(key).matches()) {
        throw new IllegalArgumentException("a detail key is 1 to 64 of [A-Za-z0-9_.-]: " + key);
      }
      if (value == null || value.length() > MAX_DETAIL_VALUE_LENGTH) {
        throw new IllegalArgumentException(
            "detail " + key + " needs a value of at most " + MAX_DETAIL_VALUE_LENGTH + " characters");
      }
      sorted.put(key, value);
    });
    return Collections.unmodifiableMap(sorted);
  }
}
