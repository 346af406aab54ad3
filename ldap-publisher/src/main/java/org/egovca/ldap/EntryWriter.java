package org.egovca.ldap;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Locale;
import org.apache.directory.api.ldap.model.entry.Attribute;
import org.apache.directory.api.ldap.model.entry.DefaultModification;
import org.apache.directory.api.ldap.model.entry.Entry;
import org.apache.directory.api.ldap.model.entry.Modification;
import org.apache.directory.api.ldap.model.entry.ModificationOperation;
import org.apache.directory.api.ldap.model.entry.Value;
import org.apache.directory.api.ldap.model.exception.LdapAttributeInUseException;
import org.apache.directory.api.ldap.model.exception.LdapEntryAlreadyExistsException;
import org.apache.directory.api.ldap.model.exception.LdapException;
import org.apache.directory.api.ldap.model.exception.LdapNoSuchObjectException;
import org.apache.directory.api.ldap.model.name.Dn;
import org.apache.directory.ldap.client.api.LdapConnection;

/**
 * Puts one certificate on its entry: creates the missing parents top-down, creates the entry or
 * adds the certificate as one more value of its attribute. Adding rather than replacing keeps the
 * holder's other certificates (a signing and an encryption certificate share one subject), and a
 * value that is already there counts as published, so a retry after a lost answer is harmless.
 * Entries created concurrently by another publisher are taken as they are.
 */
final class EntryWriter {

  private final int baseSize;

  /**
   * @param baseSize the number of RDNs of the base DN, which must exist in the directory
   */
  EntryWriter(int baseSize) {
    this.baseSize = baseSize;
  }

  /**
   * Publishes {@code certificate} on {@code entryDn}.
   *
   * @return true when the directory changed, false when it already held the certificate
   */
  boolean publish(LdapConnection connection, Dn entryDn, EntryKind kind, byte[] certificate)
      throws LdapException {
    createMissingParents(connection, entryDn.getParent());
    if (!connection.exists(entryDn)) {
      try {
        connection.add(EntryTemplates.leaf(entryDn, kind, certificate));
        return true;
      } catch (LdapEntryAlreadyExistsException createdMeanwhile) {
        // another publication created it since the check: add the value to that entry
      }
    }
    return addCertificate(connection, entryDn, kind, certificate);
  }

  private void createMissingParents(LdapConnection connection, Dn parent) throws LdapException {
    Deque<Dn> missing = new ArrayDeque<>();
    for (Dn dn = parent; dn.size() > baseSize && !connection.exists(dn); dn = dn.getParent()) {
      missing.push(dn);
    }
    while (!missing.isEmpty()) {
      try {
        connection.add(EntryTemplates.parent(missing.pop()));
      } catch (LdapEntryAlreadyExistsException createdMeanwhile) {
        // another publication created it since the check
      }
    }
  }

  private static boolean addCertificate(
      LdapConnection connection, Dn entryDn, EntryKind kind, byte[] certificate)
      throws LdapException {
    Entry existing = connection.lookup(entryDn, "objectClass", kind.binaryCertificateAttribute());
    if (existing == null) {
      throw new LdapNoSuchObjectException("Entry " + entryDn + " disappeared while publishing");
    }
    if (!existing.hasObjectClass(kind.auxiliaryClass())) {
      addValue(
          connection,
          entryDn,
          new DefaultModification(
              ModificationOperation.ADD_ATTRIBUTE, "objectClass", kind.auxiliaryClass()));
    }
    if (holds(existing, kind, certificate)) {
      return false;
    }
    return addValue(
        connection,
        entryDn,
        new DefaultModification(
            ModificationOperation.ADD_ATTRIBUTE, kind.binaryCertificateAttribute(), certificate));
  }

  /** Applies {@code addition}; false when the directory says the value is already there. */
  private static boolean addValue(LdapConnection connection, Dn entryDn, Modification addition)
      throws LdapException {
    try {
      connection.modify(entryDn, addition);
      return true;
    } catch (LdapAttributeInUseException alreadyThere) {
      return false;
    }
  }

  /** Whether any option of the certificate attribute already holds exactly these bytes. */
  private static boolean holds(Entry entry, EntryKind kind, byte[] certificate) {
    String type = kind.certificateAttribute().toLowerCase(Locale.ROOT);
    for (Attribute attribute : entry) {
      String id = attribute.getUpId().toLowerCase(Locale.ROOT);
      if (id.equals(type) || id.startsWith(type + ';')) {
        for (Value value : attribute) {
          if (!value.isHumanReadable() && Arrays.equals(value.getBytes(), certificate)) {
            return true;
          }
        }
      }
    }
    return false;
  }
}
