package org.egovca.ldap;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.apache.directory.api.ldap.model.entry.Attribute;
import org.apache.directory.api.ldap.model.entry.DefaultEntry;
import org.apache.directory.api.ldap.model.entry.Entry;
import org.apache.directory.api.ldap.model.exception.LdapException;
import org.apache.directory.api.ldap.model.name.Ava;
import org.apache.directory.api.ldap.model.name.Dn;
import org.apache.directory.api.ldap.model.name.Rdn;

/**
 * The entries the publisher creates when a name is not in the directory yet, with standard object
 * classes (RFC 4519, RFC 2798, RFC 4523) that any LDAP v3 server ships: parents after their RDN
 * type ({@code o}: organization, {@code ou}: organizationalUnit, {@code l}/{@code st}: locality,
 * {@code dc}: domain, {@code cn}: organizationalRole), a holder as an inetOrgPerson with {@code
 * pkiUser}, a CA as an applicationProcess with {@code pkiCA} (and {@code deltaCRL} for a delta
 * CRL), the auxiliary classes being those {@link PublishingAttributes} name. An RDN attribute that
 * the structural class does not allow (say, {@code serialNumber} next to {@code cn}) brings in
 * {@code extensibleObject}, since an entry must hold the attributes of its own name.
 */
final class EntryTemplates {

  private static final Structural ORGANIZATION =
      new Structural(
          List.of("organization"),
          "o l st street postalcode description businesscategory telephonenumber");
  private static final Structural ORGANIZATIONAL_UNIT =
      new Structural(
          List.of("organizationalUnit"),
          "ou l st street postalcode description businesscategory telephonenumber");
  private static final Structural LOCALITY =
      new Structural(List.of("locality"), "l st street description");
  private static final Structural DOMAIN =
      new Structural(
          List.of("domain"),
          "dc o l st street postalcode description businesscategory telephonenumber");
  private static final Structural ORGANIZATIONAL_ROLE =
      new Structural(
          List.of("organizationalRole"),
          "cn ou l st street postalcode description telephonenumber");
  private static final Structural INET_ORG_PERSON =
      new Structural(
          List.of("person", "organizationalPerson", "inetOrgPerson"),
          "cn sn ou o l st street postalcode description telephonenumber title uid givenname"
              + " initials mail displayname employeenumber businesscategory");
  private static final Structural APPLICATION_PROCESS =
      new Structural(List.of("applicationProcess"), "cn ou l description");

  private EntryTemplates() {}

  /**
   * A parent entry for {@code dn}, named by {@code o}, {@code ou}, {@code l}, {@code st}, {@code
   * dc} or {@code cn}.
   *
   * @throws IllegalArgumentException for another RDN type: such a parent has to be created in the
   *     directory by its administrator
   */
  static Entry parent(Dn dn) throws LdapException {
    Structural structural = placeClass(dn.getRdn());
    if (structural == null) {
      if (!typeOf(dn.getRdn().getAva()).equals("cn")) {
        throw new IllegalArgumentException(
            "Cannot create the parent entry " + dn + ": create it in the directory first");
      }
      structural = ORGANIZATIONAL_ROLE;
    }
    return build(dn, structural, List.of());
  }

  /**
   * The entry of a holder or a CA, created with the first value published on it.
   *
   * @param caEntry whether it is a CA's entry (an applicationProcess) rather than a holder's (an
   *     inetOrgPerson); an RDN of a place type ({@code o}, {@code ou}, ...) overrides either
   * @param auxiliaryClasses the classes that allow the attributes the entry is to hold
   * @param attribute the attribute description of the first value
   * @param value the first value: a certificate or a CRL
   */
  static Entry leaf(
      Dn dn, boolean caEntry, Collection<String> auxiliaryClasses, String attribute, byte[] value)
      throws LdapException {
    Structural structural = placeClass(dn.getRdn());
    if (structural == null) {
      structural = caEntry ? APPLICATION_PROCESS : INET_ORG_PERSON;
    }
    Entry entry = build(dn, structural, auxiliaryClasses);
    entry.add(attribute, value);
    return entry;
  }

  /**
   * Whether {@code entry} holds nothing beyond what these templates give an entry for its name:
   * object classes, the RDN's attributes and the {@code cn} and {@code sn} that structural classes
   * require. Such an entry carries no information once its certificates are gone; an entry with
   * anything else (a CRL, a mail address an administrator added) is not.
   */
  static boolean holdsOnlyItsName(Entry entry) {
    Set<String> naming = new HashSet<>(Set.of("objectclass", "cn", "sn"));
    for (Ava ava : entry.getDn().getRdn()) {
      naming.add(typeOf(ava));
    }
    for (Attribute attribute : entry) {
      String type = AttributeNames.canonical(DirectoryAttribute.typeOf(attribute.getUpId()));
      if (!naming.contains(type.toLowerCase(Locale.ROOT))) {
        return false;
      }
    }
    return true;
  }

  private static Structural placeClass(Rdn rdn) {
    return switch (typeOf(rdn.getAva())) {
      case "o" -> ORGANIZATION;
      case "ou" -> ORGANIZATIONAL_UNIT;
      case "l", "st" -> LOCALITY;
      case "dc" -> DOMAIN;
      default -> null;
    };
  }

  private static Entry build(Dn dn, Structural structural, Collection<String> auxiliaryClasses)
      throws LdapException {
    Entry entry = new DefaultEntry(dn);
    Set<String> classes = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    classes.add("top");
    classes.addAll(structural.classes());
    classes.addAll(auxiliaryClasses);
    for (String objectClass : classes) {
      entry.add("objectClass", objectClass);
    }
    boolean extensible = false;
    for (Ava ava : dn.getRdn()) {
      entry.add(ava.getType(), ava.getValue().getString());
      extensible |= !structural.allowed().contains(typeOf(ava));
    }
    if (extensible) {
      entry.add("objectClass", "extensibleObject");
    }
    String naming = dn.getRdn().getAva().getValue().getString();
    if (structural.allowed().contains("cn") && !entry.containsAttribute("cn")) {
      // the RDN is of another type, say uid: the required cn takes the naming value
      entry.add("cn", naming);
    }
    if (structural == INET_ORG_PERSON && !entry.containsAttribute("sn")) {
      entry.add("sn", entry.get("cn").getString());
    }
    return entry;
  }

  private static String typeOf(Ava ava) {
    return AttributeNames.canonical(ava.getType()).toLowerCase(Locale.ROOT);
  }

  /**
   * A structural object class chain and the attributes (lower case) that its entries may hold, as
   * far as entry names use them. Each class that allows {@code cn} also requires it.
   */
  private record Structural(List<String> classes, Set<String> allowed) {

    Structural(List<String> classes, String allowed) {
      this(classes, Set.of(allowed.split(" ")));
    }
  }
}
