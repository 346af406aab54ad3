package org.egovca.ca.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * The X.500 name attributes the CPS allows in a subject DN (§6.1.3.1: E, CN, L, S/ST, OU, O, C), in
 * the order they are encoded in every certificate we issue (GM/T 0015 table B.1: country first,
 * common name last, then e-mail), so that names compare byte for byte.
 */
public enum DnAttribute {
  C("2.5.4.6", 2),
  ST("2.5.4.8", 128),
  L("2.5.4.7", 128),
  O("2.5.4.10", 64),
  OU("2.5.4.11", 64),
  CN("2.5.4.3", 64),
  E("1.2.840.113549.1.9.1", 128);

  private final String oid;
  private final int maxLength;

  DnAttribute(String oid, int maxLength) {
    this.oid = oid;
    this.maxLength = maxLength;
  }

  public String oid() {
    return oid;
  }

  /** Upper bound from RFC 5280 Appendix A (ub-common-name etc.). */
  public int maxLength() {
    return maxLength;
  }

  /** Whether one name may carry this attribute more than once (only OU, for nested units). */
  public boolean repeatable() {
    return this == OU;
  }

  public static Optional<DnAttribute> byOid(String oid) {
    for (DnAttribute attribute : values()) {
      if (attribute.oid.equals(oid)) {
        return Optional.of(attribute);
      }
    }
    return Optional.empty();
  }

  /** Accepts the CPS spelling "S" for state or province, and "EMAILADDRESS" for E. */
  public static Optional<DnAttribute> byName(String name) {
    String upper = name.trim().toUpperCase(Locale.ROOT);
    switch (upper) {
      case "S":
        return Optional.of(ST);
      case "EMAILADDRESS":
        return Optional.of(E);
      default:
        for (DnAttribute attribute : values()) {
          if (attribute.name().equals(upper)) {
            return Optional.of(attribute);
          }
        }
        return Optional.empty();
    }
  }
}
