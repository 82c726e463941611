package io.tender.adapter.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tender.adapter.json.Json;
import io.tender.core.audit.Actor;
import io.tender.core.audit.AuditEvent;
import io.tender.core.audit.AuditLog;
import io.tender.core.auth.Principal;
import io.tender.core.error.ApiException;
import io.tender.core.tenant.Mode;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** One admitted request, as a handler's action sees it: who, what was sent, and how to audit. */
public final class Call {
  private final ApiRequest request;
  private final Optional<Principal> principal;
  private final String requestId;
  private final Instant now;
  private final AuditLog audit;

  Call(ApiRequest request, Optional<Principal> principal, String requestId, Instant now, AuditLog audit) {
    this.request = request;
    this.principal = principal;
    this.requestId = requestId;
    this.now = now;
    this.audit = audit;
  }

  public ApiRequest request() {
    return request;
  }

  /** The authenticated caller; only public routes have none. */
  public Principal principal() {
    return principal.orElseThrow(() -> new IllegalStateException("a public route has no principal"));
  }

  public String tenantId() {
    return principal().tenantId();
  }

  public Mode mode() {
    return principal().mode();
  }

  public String requestId() {
    return requestId;
  }

  public Instant now() {
    return now;
  }

  /**
   * The JSON body as {@code type}, read by the route's own {@code fromJson} when the body is a JSON
   * object it takes as it is (empty when anything is unusual: an unknown field, a wrong or
   * coercible type); every other body is bound by {@link #body(Class)}, whose refusals say which
   * field. A request record that validates itself reports its own field errors either way. The
   * cold start of a hot route so skips Jackson's bean binding, hundreds of classes.
   */
  public <T> T body(Class<T> type, Function<ObjectNode, Optional<T>> fromJson) {
    byte[] body = request.body();
    JsonNode tree;
    try {
      tree = body.length == 0 ? null : Json.readTree(body);
    } catch (IOException unusual) {
      tree = null;
    }
    if (tree instanceof ObjectNode object) {
      Optional<T> value;
      try {
        value = fromJson.apply(object);
      } catch (ApiException refused) {
        throw refused;
      } catch (RuntimeException invalid) {
        throw ApiException.invalidRequest("The request body is not valid for this route");
      }
      if (value.isPresent()) {
        return value.get();
      }
    }
    return body(type);
  }

  /**
   * The JSON body as {@code type}. Malformed JSON, a wrong type or an unknown field is the
   * caller's mistake (400), never ours.
   */
  public <T> T body(Class<T> type) {
    byte[] body = request.body();
    if (body.length == 0) {
      throw ApiException.invalidRequest("A JSON request body is required");
    }
    try {
      T value = Json.strictReader().readValue(body, type);
      if (value == null) {
        throw ApiException.invalidRequest("A JSON object is required");
      }
      return value;
    } catch (com.fasterxml.jackson.databind.exc.ValueInstantiationException e) {
      // A request record that validates itself reports its own field errors.
      if (e.getCause() instanceof ApiException refused) {
        throw refused;
      }
      throw ApiException.invalidRequest("The request body is not valid for this route");
    } catch (UnrecognizedPropertyException e) {
      throw ApiException.invalidRequest("Unknown field: " + e.getPropertyName());
    } catch (MismatchedInputException e) {
      // Jackson's own message names Java types and tokens: the caller is told which field instead.
      String field = fieldPath(e);
      throw ApiException.invalidRequest(field.isEmpty() ? "The request body is not the JSON object this route takes"
          : "The field " + field + " has the wrong type for this route");
    } catch (JsonProcessingException e) {
      throw ApiException.invalidRequest("The request body is not valid JSON" + Optional.ofNullable(e.getLocation())
          .map(at -> " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")").orElse(""));
    } catch (IOException e) {
      throw ApiException.invalidRequest("The request body could not be read");
    }
  }

  /** Where in the body a value did not fit, such as {@code amount} or {@code methodTypes[0]}; at most 64 characters. */
  private static String fieldPath(MismatchedInputException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference reference : e.getPath()) {
      if (reference.getFieldName() != null) {
        path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.length() > 64 ? path.substring(0, 64) : path.toString();
  }

  /** Appends to the tenant's audit log: the action, this caller, IP and request id, and ids only. */
  public void audit(String action, Map<String, String> details) {
    Principal caller = principal();
    audit.append(caller.tenantId(), new AuditEvent(action, new Actor(caller.actorType(), caller.actorId()),
        ClientAddresses.truncated(request.sourceIp()), requestId, Map.copyOf(details)), now);
  }

  /** The signed-in dashboard user; an API key on a user-only route is refused. */
  public Principal.UserCaller user() {
    if (principal() instanceof Principal.UserCaller user) {
      return user;
    }
    throw ApiException.invalidRequest("This route is for signed-in dashboard users, not API keys");
  }
}
