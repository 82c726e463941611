package io.tender.core.audit;

/** A listing cursor that this tenant's listing did not issue: malformed, or another tenant's. */
public final class InvalidAuditCursorException extends IllegalArgumentException {
  public InvalidAuditCursorException(String reason) {
    super("invalid audit cursor: " + reason);
  }
}
