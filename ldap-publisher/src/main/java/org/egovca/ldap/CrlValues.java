package org.egovca.ldap;

import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.directory.api.ldap.model.entry.DefaultModification;
import org.apache.directory.api.ldap.model.entry.Entry;
import org.apache.directory.api.ldap.model.entry.ModificationOperation;
import org.apache.directory.api.ldap.model.exception.LdapException;
import org.apache.directory.api.ldap.model.name.Dn;
import org.apache.directory.ldap.client.api.LdapConnection;

/**
 * The CRL on a CA's entry: one value per kind, which a new CRL replaces, but never with an older
 * one. Relying parties fetch the attribute and use what they get, so it must hold the CA's latest
 * CRL; the delivery queue may repeat a publication, or deliver an old one after a newer one took a
 * faster path, and neither may win over what the directory already holds.
 *
 * <p>The check and the replacement are two operations (CRL attributes have no equality rule, so a
 * modification cannot name the value it replaces and fail if it changed); this relies on the
 * directory's delivery queue, which publishes in order, being the only writer of a CA's CRLs.
 */
final class CrlValues {

  private static final Logger LOG = Logger.getLogger(CrlValues.class.getName());

  /** What a publication did. */
  enum Outcome {
    /** The CRL is now the attribute's only value. */
    PUBLISHED,
    /** The attribute already held exactly this CRL. */
    ALREADY_THERE,
    /** The attribute holds a newer CRL, which stays. */
    NEWER_THERE
  }

  private final EntryWriter entries;

  CrlValues(EntryWriter entries) {
    this.entries = entries;
  }

  /**
   * Puts {@code crl} on the CA entry {@code dn}, creating the entry (and its parents) when it does
   * not exist yet.
   *
   * @param objectClasses the auxiliary classes the CA entry needs for the attribute
   * @param version the version of {@code crl}
   */
  Outcome replace(
      LdapConnection connection,
      Dn dn,
      DirectoryAttribute attribute,
      Collection<String> objectClasses,
      byte[] crl,
      CrlVersion version)
      throws LdapException {
    Entry leaf = EntryTemplates.leaf(dn, true, objectClasses, attribute.description(), crl);
    if (entries.create(connection, leaf)) {
      return Outcome.PUBLISHED;
    }
    Entry existing = EntryWriter.lookup(connection, dn, attribute);
    entries.addObjectClasses(connection, existing, objectClasses);
    List<byte[]> present = EntryWriter.values(existing, attribute);
    if (present.size() == 1 && Arrays.equals(present.get(0), crl)) {
      return Outcome.ALREADY_THERE;
    }
    Optional<CrlVersion> newest =
        present.stream()
            .map(value -> readable(value, dn))
            .flatMap(Optional::stream)
            .max(Comparator.naturalOrder());
    if (newest.isPresent() && newest.get().compareTo(version) > 0) {
      return Outcome.NEWER_THERE;
    }
    connection.modify(
        dn,
        new DefaultModification(
            ModificationOperation.REPLACE_ATTRIBUTE, attribute.description(), crl));
    return Outcome.PUBLISHED;
  }

  /** The version of a value found in the directory; empty, and replaced, when it is no CRL. */
  private static Optional<CrlVersion> readable(byte[] value, Dn dn) {
    try {
      return Optional.of(CrlVersion.of(value));
    } catch (IllegalArgumentException e) {
      LOG.log(
          Level.WARNING,
          "The CRL attribute of {0} holds a value that is not a CRL; it is replaced ({1})",
          new Object[] {dn, e.getMessage()});
      return Optional.empty();
    }
  }
}
