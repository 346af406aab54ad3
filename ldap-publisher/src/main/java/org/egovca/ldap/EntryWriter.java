package org.egovca.ldap;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import org.apache.directory.api.ldap.model.entry.Attribute;
import org.apache.directory.api.ldap.model.entry.DefaultModification;
import org.apache.directory.api.ldap.model.entry.Entry;
import org.apache.directory.api.ldap.model.entry.ModificationOperation;
import org.apache.directory.api.ldap.model.entry.Value;
import org.apache.directory.api.ldap.model.exception.LdapAttributeInUseException;
import org.apache.directory.api.ldap.model.exception.LdapEntryAlreadyExistsException;
import org.apache.directory.api.ldap.model.exception.LdapException;
import org.apache.directory.api.ldap.model.exception.LdapNoSuchObjectException;
import org.apache.directory.api.ldap.model.name.Dn;
import org.apache.directory.ldap.client.api.LdapConnection;

/**
 * What every kind of publication does to entries: create an entry with its missing parents, give an
 * existing entry the auxiliary classes its new attribute needs, and read an attribute's values.
 *
 * <p>Creation is optimistic: the entry is added straight away, one round trip for the common case
 * of a new holder under parents that exist. Only when the directory answers that the parent is
 * missing are the parents created, top-down, and the add repeated. Entries created concurrently by
 * another publisher are taken as they are.
 */
final class EntryWriter {

  private final int baseSize;

  /**
   * @param baseSize the number of RDNs of the base DN, which must exist in the directory
   */
  EntryWriter(int baseSize) {
    this.baseSize = baseSize;
  }

  /** Whether {@code dn} is below the base, so that the publisher may delete it. */
  boolean belowBase(Dn dn) {
    return dn.size() > baseSize;
  }

  /**
   * Adds {@code entry}, creating its missing parents.
   *
   * @return true when the entry was created, false when an entry of that name already exists
   */
  boolean create(LdapConnection connection, Entry entry) throws LdapException {
    try {
      connection.add(entry);
      return true;
    } catch (LdapEntryAlreadyExistsException exists) {
      return false;
    } catch (LdapNoSuchObjectException parentMissing) {
      createMissingParents(connection, entry.getDn().getParent());
    }
    try {
      connection.add(entry);
      return true;
    } catch (LdapEntryAlreadyExistsException createdMeanwhile) {
      return false;
    }
  }

  /**
   * Adds to {@code existing} whichever of {@code objectClasses} it lacks.
   *
   * @param existing the entry as looked up, with its {@code objectClass} attribute
   */
  void addObjectClasses(LdapConnection connection, Entry existing, Collection<String> objectClasses)
      throws LdapException {
    for (String objectClass : objectClasses) {
      if (!existing.hasObjectClass(objectClass)) {
        try {
          connection.modify(
              existing.getDn(),
              new DefaultModification(
                  ModificationOperation.ADD_ATTRIBUTE, "objectClass", objectClass));
        } catch (LdapAttributeInUseException addedMeanwhile) {
          // another publication gave it the class since the look-up
        }
      }
    }
  }

  /**
   * Looks up {@code dn} with its object classes and {@code attribute}.
   *
   * @throws LdapNoSuchObjectException when there is no such entry (it was deleted since it was
   *     found to exist)
   */
  static Entry lookup(LdapConnection connection, Dn dn, DirectoryAttribute attribute)
      throws LdapException {
    Entry entry = connection.lookup(dn, "objectClass", attribute.description());
    if (entry == null) {
      throw new LdapNoSuchObjectException("Entry " + dn + " disappeared while publishing");
    }
    return entry;
  }

  /** The binary values of {@code attribute} on {@code entry}, under any of its options. */
  static List<byte[]> values(Entry entry, DirectoryAttribute attribute) {
    List<byte[]> values = new ArrayList<>();
    for (Attribute present : entry) {
      if (attribute.isTypeOf(present.getUpId())) {
        for (Value value : present) {
          if (!value.isHumanReadable()) {
            values.add(value.getBytes());
          }
        }
      }
    }
    return values;
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
}
