package org.egovca.ldap;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import org.apache.directory.api.ldap.model.exception.LdapInvalidDnException;
import org.apache.directory.api.ldap.model.name.Ava;
import org.apache.directory.api.ldap.model.name.Dn;
import org.apache.directory.api.ldap.model.name.Rdn;

/**
 * MAPPING: names the directory entry of a certificate's subject (or of a CRL's issuer). The entry
 * DN is the subject's RDNs, most specific first as RFC 4514 prints them, without the country (the
 * base DN already carries it) and without the PKCS #9 e-mail address (not an LDAP naming
 * attribute), followed by the base DN. So {@code CN=Alice,OU=Dev,O=Org,C=CN} is published at {@code
 * cn=Alice,ou=Dev,o=Org,o=iFutureCA,c=CN}, and relying parties find a holder's certificates under
 * the name they already know.
 *
 * <p>A subject that already lies under the base, such as the CA's own {@code
 * CN=iFutureCA-SM2,O=iFutureCA,C=CN} under {@code o=iFutureCA,c=CN}, is not nested a second time:
 * when the subject's naming RDNs begin (from the root) with the base's, those are taken as the
 * base, and the entry is {@code cn=iFutureCA-SM2,o=iFutureCA,c=CN}. RDNs are compared by attribute
 * type and case-insensitive value, after the same country and e-mail rule, since that is how the
 * directory compares the names of the base DN.
 */
public final class EntryDnMapper {

  private final String baseDn;
  private final int baseSize;

  /** The base's naming RDNs (country and e-mail dropped), from the root, as mapped. */
  private final List<String> baseNaming;

  /**
   * @param baseDn the DN under which entries are created, as configured
   * @throws IllegalArgumentException when {@code baseDn} is not a DN
   */
  public EntryDnMapper(String baseDn) {
    this.baseDn = baseDn;
    Dn base = parse(baseDn, "base DN");
    this.baseSize = base.size();
    this.baseNaming = naming(base, baseDn);
  }

  /** The number of RDNs of the base DN. */
  int baseSize() {
    return baseSize;
  }

  /**
   * The entry DN for {@code subjectDn}.
   *
   * @param subjectDn the certificate subject in RFC 4514 form
   * @return the entry DN; the base DN itself for a subject that names exactly the base
   * @throws IllegalArgumentException when the subject cannot be parsed, or no RDN is left once the
   *     country and e-mail RDNs are dropped
   */
  public Dn entryDn(String subjectDn) {
    List<String> kept = naming(parse(subjectDn, "subject DN"), subjectDn);
    if (kept.isEmpty()) {
      throw new IllegalArgumentException(
          "Subject DN '"
              + subjectDn
              + "' has no RDN to name a directory entry once C and E are dropped");
    }
    int underBase = liesUnderBase(kept) ? baseNaming.size() : 0;
    StringJoiner entry = new StringJoiner(",");
    // Most specific first, as an entry DN is written; the base's own RDNs are not repeated.
    for (int i = kept.size() - 1; i >= underBase; i--) {
      entry.add(kept.get(i));
    }
    entry.add(baseDn);
    Dn result = parse(entry.toString(), "entry DN");
    if (result.size() != baseSize + kept.size() - underBase) {
      throw new IllegalStateException("Entry DN " + result + " does not parse back as built");
    }
    return result;
  }

  /** The mapped RDNs of {@code dn} that name an entry, from the root (as the parser iterates). */
  private static List<String> naming(Dn dn, String written) {
    List<String> kept = new ArrayList<>();
    for (Rdn rdn : dn) {
      String mapped = mapRdn(rdn, written);
      if (!mapped.isEmpty()) {
        kept.add(mapped);
      }
    }
    return kept;
  }

  private boolean liesUnderBase(List<String> subjectNaming) {
    if (baseNaming.isEmpty() || subjectNaming.size() < baseNaming.size()) {
      return false;
    }
    for (int i = 0; i < baseNaming.size(); i++) {
      if (!subjectNaming.get(i).equalsIgnoreCase(baseNaming.get(i))) {
        return false;
      }
    }
    return true;
  }

  private static String mapRdn(Rdn rdn, String subjectDn) {
    StringJoiner avas = new StringJoiner("+");
    for (Ava ava : rdn) {
      String type = AttributeNames.canonical(ava.getType());
      if (!AttributeNames.dropped(type)) {
        avas.add(type + '=' + RdnValues.escape(text(ava, subjectDn)));
      }
    }
    return avas.toString();
  }

  private static String text(Ava ava, String subjectDn) {
    if (ava.getValue().isHumanReadable()) {
      return ava.getValue().getString();
    }
    try {
      return RdnValues.decodeDirectoryString(ava.getValue().getBytes());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "Subject DN '"
              + subjectDn
              + "': the value of "
              + ava.getType()
              + " is not a string ("
              + e.getMessage()
              + ")",
          e);
    }
  }

  private static Dn parse(String dn, String what) {
    try {
      return new Dn(dn);
    } catch (LdapInvalidDnException e) {
      throw new IllegalArgumentException("Not a valid " + what + ": '" + dn + "'", e);
    }
  }
}
