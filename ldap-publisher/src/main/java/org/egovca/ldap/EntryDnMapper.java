package org.egovca.ldap;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import org.apache.directory.api.ldap.model.exception.LdapInvalidDnException;
import org.apache.directory.api.ldap.model.name.Ava;
import org.apache.directory.api.ldap.model.name.Dn;
import org.apache.directory.api.ldap.model.name.Rdn;

/**
 * Names the directory entry of a certificate's subject: the subject's RDNs, most specific first as
 * RFC 4514 prints them, without the country (the base DN already carries it) and without the PKCS
 * #9 e-mail address (not an LDAP naming attribute), followed by the base DN. So {@code
 * CN=Alice,OU=Dev,O=Org,C=CN} is published at {@code cn=Alice,ou=Dev,o=Org,o=iFutureCA,c=CN}, and
 * relying parties find a holder's certificates under the name they already know.
 */
public final class EntryDnMapper {

  private final String baseDn;
  private final int baseSize;

  /**
   * @param baseDn the DN under which entries are created, as configured
   * @throws IllegalArgumentException when {@code baseDn} is not a DN
   */
  public EntryDnMapper(String baseDn) {
    this.baseDn = baseDn;
    this.baseSize = parse(baseDn, "base DN").size();
  }

  /** The number of RDNs of the base DN. */
  int baseSize() {
    return baseSize;
  }

  /**
   * The entry DN for {@code subjectDn}.
   *
   * @param subjectDn the certificate subject in RFC 4514 form
   * @throws IllegalArgumentException when the subject cannot be parsed, or no RDN is left once the
   *     country and e-mail RDNs are dropped
   */
  public Dn entryDn(String subjectDn) {
    Dn subject = parse(subjectDn, "subject DN");
    List<String> kept = new ArrayList<>();
    for (Rdn rdn : subject) {
      String mapped = mapRdn(rdn, subjectDn);
      if (!mapped.isEmpty()) {
        kept.add(mapped);
      }
    }
    if (kept.isEmpty()) {
      throw new IllegalArgumentException(
          "Subject DN '"
              + subjectDn
              + "' has no RDN to name a directory entry once C and E are dropped");
    }
    StringJoiner entry = new StringJoiner(",");
    // The parser iterates from the root; an entry DN is written most specific first.
    for (int i = kept.size() - 1; i >= 0; i--) {
      entry.add(kept.get(i));
    }
    entry.add(baseDn);
    Dn result = parse(entry.toString(), "entry DN");
    if (result.size() != baseSize + kept.size()) {
      throw new IllegalStateException("Entry DN " + result + " does not parse back as built");
    }
    return result;
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
