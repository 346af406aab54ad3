package org.egovca.ldap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.directory.api.ldap.model.entry.Attribute;
import org.apache.directory.api.ldap.model.entry.DefaultModification;
import org.apache.directory.api.ldap.model.entry.Entry;
import org.apache.directory.api.ldap.model.entry.ModificationOperation;
import org.apache.directory.api.ldap.model.entry.Value;
import org.apache.directory.api.ldap.model.exception.LdapAttributeInUseException;
import org.apache.directory.api.ldap.model.exception.LdapContextNotEmptyException;
import org.apache.directory.api.ldap.model.exception.LdapException;
import org.apache.directory.api.ldap.model.exception.LdapNoSuchAttributeException;
import org.apache.directory.api.ldap.model.exception.LdapNoSuchObjectException;
import org.apache.directory.api.ldap.model.name.Dn;
import org.apache.directory.ldap.client.api.LdapConnection;

/**
 * The certificates on an entry, as a set of values: publishing adds one value and withdrawing
 * removes exactly one, so that the certificates that share an entry stay (a holder's signing and
 * encryption certificates; a CA's current certificate and the link certificates of its key
 * rollover). A value already there, or already gone, counts as done, so a retry after a lost answer
 * changes nothing.
 */
final class CertificateValues {

  /** What a withdrawal did. */
  enum Removal {
    /** The value was removed; the entry stays, holding something else. */
    REMOVED,
    /** The value was removed (now or by an earlier attempt) and the entry, left empty, deleted. */
    ENTRY_DELETED,
    /** Neither the value nor an empty entry was there. */
    NOT_THERE
  }

  private final EntryWriter entries;

  CertificateValues(EntryWriter entries) {
    this.entries = entries;
  }

  /**
   * Adds {@code certificate} to {@code attribute} of the entry {@code dn}, creating the entry (and
   * its parents) when it does not exist yet.
   *
   * @param caEntry whether the entry is a CA's
   * @return true when the directory changed, false when it already held the certificate
   */
  boolean add(
      LdapConnection connection,
      Dn dn,
      boolean caEntry,
      DirectoryAttribute attribute,
      byte[] certificate)
      throws LdapException {
    List<String> classes = List.of(attribute.objectClass());
    Entry leaf = EntryTemplates.leaf(dn, caEntry, classes, attribute.description(), certificate);
    if (entries.create(connection, leaf)) {
      return true;
    }
    Entry existing = EntryWriter.lookup(connection, dn, attribute);
    entries.addObjectClasses(connection, existing, classes);
    for (byte[] present : EntryWriter.values(existing, attribute)) {
      if (Arrays.equals(present, certificate)) {
        return false;
      }
    }
    try {
      connection.modify(
          dn,
          new DefaultModification(
              ModificationOperation.ADD_ATTRIBUTE, attribute.description(), certificate));
      return true;
    } catch (LdapAttributeInUseException alreadyThere) {
      return false;
    }
  }

  /**
   * Removes {@code certificate} from whichever of {@code attributes} of the entry {@code dn} holds
   * it, then, when {@code deleteEmpty} and the entry holds nothing beyond its name (see {@link
   * EntryTemplates#holdsOnlyItsName}), deletes the entry unless it has children. Parents stay, and
   * the base entry is never deleted.
   */
  Removal remove(
      LdapConnection connection,
      Dn dn,
      List<DirectoryAttribute> attributes,
      byte[] certificate,
      boolean deleteEmpty)
      throws LdapException {
    Entry existing = connection.lookup(dn, "*");
    if (existing == null) {
      return Removal.NOT_THERE;
    }
    boolean removed = false;
    for (String description : descriptionsHolding(existing, attributes, certificate)) {
      try {
        connection.modify(
            dn,
            new DefaultModification(
                ModificationOperation.REMOVE_ATTRIBUTE, description, certificate));
        removed = true;
      } catch (LdapNoSuchAttributeException removedMeanwhile) {
        // another withdrawal removed it since the look-up
      }
      existing.remove(description, certificate);
    }
    if (deleteEmpty && entries.belowBase(dn) && EntryTemplates.holdsOnlyItsName(existing)) {
      try {
        connection.delete(dn);
        return Removal.ENTRY_DELETED;
      } catch (LdapContextNotEmptyException hasChildren) {
        // entries below it still name it: it stays
      } catch (LdapNoSuchObjectException deletedMeanwhile) {
        return Removal.ENTRY_DELETED;
      }
    }
    return removed ? Removal.REMOVED : Removal.NOT_THERE;
  }

  /** The descriptions, as the directory returned them, of the attributes holding the value. */
  private static List<String> descriptionsHolding(
      Entry entry, List<DirectoryAttribute> attributes, byte[] certificate) {
    List<String> holding = new ArrayList<>();
    for (Attribute present : entry) {
      if (attributes.stream().anyMatch(a -> a.isTypeOf(present.getUpId()))) {
        for (Value value : present) {
          if (!value.isHumanReadable() && Arrays.equals(value.getBytes(), certificate)) {
            holding.add(present.getUpId());
          }
        }
      }
    }
    return holding;
  }
}
