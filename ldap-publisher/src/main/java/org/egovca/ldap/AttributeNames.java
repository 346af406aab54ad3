package org.egovca.ldap;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Translates the attribute types that certificate DNs use into LDAP attribute names. Certificate
 * tooling spells them in several ways (BouncyCastle writes {@code E} and {@code T}, the JDK writes
 * dotted OIDs for types outside RFC 4514's short list), but an entry in the directory must be named
 * with types its schema knows.
 */
final class AttributeNames {

  /** Canonical name of each known spelling, keyed in lower case. */
  private static final Map<String, String> CANONICAL =
      Map.ofEntries(
          Map.entry("cn", "cn"),
          Map.entry("commonname", "cn"),
          Map.entry("2.5.4.3", "cn"),
          Map.entry("sn", "sn"),
          Map.entry("surname", "sn"),
          Map.entry("2.5.4.4", "sn"),
          Map.entry("serialnumber", "serialNumber"),
          Map.entry("2.5.4.5", "serialNumber"),
          Map.entry("c", "c"),
          Map.entry("countryname", "c"),
          Map.entry("2.5.4.6", "c"),
          Map.entry("l", "l"),
          Map.entry("localityname", "l"),
          Map.entry("2.5.4.7", "l"),
          Map.entry("st", "st"),
          Map.entry("stateorprovincename", "st"),
          Map.entry("2.5.4.8", "st"),
          Map.entry("street", "street"),
          Map.entry("streetaddress", "street"),
          Map.entry("2.5.4.9", "street"),
          Map.entry("o", "o"),
          Map.entry("organizationname", "o"),
          Map.entry("2.5.4.10", "o"),
          Map.entry("ou", "ou"),
          Map.entry("organizationalunitname", "ou"),
          Map.entry("2.5.4.11", "ou"),
          Map.entry("t", "title"),
          Map.entry("title", "title"),
          Map.entry("2.5.4.12", "title"),
          Map.entry("givenname", "givenName"),
          Map.entry("2.5.4.42", "givenName"),
          Map.entry("initials", "initials"),
          Map.entry("2.5.4.43", "initials"),
          Map.entry("uid", "uid"),
          Map.entry("userid", "uid"),
          Map.entry("0.9.2342.19200300.100.1.1", "uid"),
          Map.entry("dc", "dc"),
          Map.entry("domaincomponent", "dc"),
          Map.entry("0.9.2342.19200300.100.1.25", "dc"),
          Map.entry("e", "emailAddress"),
          Map.entry("email", "emailAddress"),
          Map.entry("emailaddress", "emailAddress"),
          Map.entry("1.2.840.113549.1.9.1", "emailAddress"));

  /**
   * Types that do not name the holder's entry: the country is implied by the base DN, and the PKCS
   * #9 e-mail address is not an LDAP attribute type.
   */
  private static final Set<String> NOT_NAMING = Set.of("c", "emailAddress");

  private AttributeNames() {}

  /** The LDAP name of {@code type}; an unknown type is kept as written. */
  static String canonical(String type) {
    return CANONICAL.getOrDefault(type.toLowerCase(Locale.ROOT), type);
  }

  /** Whether an RDN of this (canonical) type is dropped when naming the entry. */
  static boolean dropped(String canonicalType) {
    return NOT_NAMING.contains(canonicalType);
  }
}
