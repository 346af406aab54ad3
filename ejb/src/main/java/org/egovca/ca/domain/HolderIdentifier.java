package org.egovca.ca.domain;

import java.util.Objects;

/**
 * One identifier of a certificate holder from the application data (an ID card number, an
 * organisation code, …), written into the GM/T 0015 identity extensions.
 */
public record HolderIdentifier(IdentifierKind kind, String value) {

  public HolderIdentifier {
    Objects.requireNonNull(kind, "kind");
    value = value == null ? null : value.strip().toUpperCase(java.util.Locale.ROOT);
    String problem = kind.problemWith(value);
    if (problem != null) {
      throw new IllegalArgumentException("'" + value + "' " + problem);
    }
  }
}
