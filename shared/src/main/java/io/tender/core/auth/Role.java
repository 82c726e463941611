package io.tender.core.auth;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** A dashboard user's role and what it grants. */
public enum Role {
  OWNER(EnumSet.allOf(Permission.class)),
  ADMIN(EnumSet.complementOf(EnumSet.of(Permission.USERS_MANAGE))),
  DEVELOPER(EnumSet.of(Permission.CHECKOUT_CREATE, Permission.CHECKOUT_READ, Permission.LINKS_MANAGE,
      Permission.API_KEYS_MANAGE, Permission.WEBHOOKS_MANAGE, Permission.AUDIT_READ)),
  VIEWER(EnumSet.of(Permission.CHECKOUT_READ, Permission.AUDIT_READ));

  /**
   * What a server-to-server API key may do: move money and manage payment objects, but not
   * manage keys or users, so that a leaked key cannot mint another or lock the owner out.
   */
  public static final Set<Permission> API_KEY_PERMISSIONS = EnumSet.of(Permission.CHECKOUT_CREATE,
      Permission.CHECKOUT_READ, Permission.REFUNDS_CREATE, Permission.LINKS_MANAGE,
      Permission.WEBHOOKS_MANAGE);

  private final Set<Permission> permissions;

  Role(Set<Permission> permissions) {
    this.permissions = Set.copyOf(permissions);
  }

  public boolean grants(Permission permission) {
    return permissions.contains(permission);
  }

  public String wire() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public static Optional<Role> fromWire(String value) {
    for (Role role : values()) {
      if (role.wire().equals(value)) {
        return Optional.of(role);
      }
    }
    return Optional.empty();
  }
}
