package org.egovca.ra.application;

import java.io.Serializable;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.egovca.ra.domain.Operator;
import org.egovca.ra.domain.OperatorRole;
import org.egovca.ra.domain.Permission;

/** An operator as the console shows them, with the permissions their roles grant. */
public record OperatorView(
    String username,
    String displayName,
    String email,
    Set<OperatorRole> roles,
    Set<Permission> permissions,
    String applicationUnit,
    String certificateSerial,
    String certificateSubject,
    boolean active,
    boolean locked,
    boolean mustChangePassword,
    Instant createdAt)
    implements Serializable {

  public OperatorView {
    roles = roles.isEmpty() ? Set.of() : Set.copyOf(roles);
    permissions = permissions.isEmpty() ? Set.of() : Set.copyOf(permissions);
  }

  static OperatorView of(Operator operator, Instant now) {
    Set<Permission> permissions = EnumSet.noneOf(Permission.class);
    for (Permission permission : Permission.values()) {
      if (operator.has(permission)) {
        permissions.add(permission);
      }
    }
    return new OperatorView(
        operator.getUsername(),
        operator.getDisplayName(),
        operator.getEmail(),
        operator.getRoles(),
        permissions,
        operator.getApplicationUnit() == null ? null : operator.getApplicationUnit().getCode(),
        operator.getCertificate() == null ? null : operator.getCertificate().getSerialNumberHex(),
        operator.getCertificate() == null ? null : operator.getCertificate().getSubjectDn(),
        operator.isActive(),
        operator.isLockedAt(now),
        operator.isMustChangePassword(),
        operator.getCreatedAt());
  }

  public boolean can(String permission) {
    return permissions.contains(Permission.valueOf(permission));
  }
}
