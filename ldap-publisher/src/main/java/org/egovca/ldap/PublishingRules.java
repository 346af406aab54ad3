package org.egovca.ldap;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.egovca.ca.application.port.CertificatePublisher.Withdrawal;

/**
 * RULES: what the publisher puts in the directory and what it takes out again. By default every
 * item of every CA is published, and a certificate's value is removed when it is revoked, expires
 * or its holder withdraws consent (CPS §6.1.4.4.2); an entry left holding nothing but its name is
 * deleted. A deployment narrows this with:
 *
 * <ul>
 *   <li>{@value #CA_NAMES}: the CAs whose certificates and CRLs go to this directory (for example
 *       the SM2 hierarchy only, while the RSA CA publishes elsewhere);
 *   <li>{@value #ITEMS}: which items are published at all (say, no delta CRLs);
 *   <li>{@value #ON_REVOKED} and {@value #ON_EXPIRED}: {@code remove} or {@code keep} the value
 *       (some relying parties want a revoked certificate to stay findable, with the CRL saying it
 *       is revoked); a holder's refusal of publication always removes it;
 *   <li>{@value #DELETE_EMPTY_ENTRIES}: whether an entry that no longer holds anything beyond its
 *       name is deleted.
 * </ul>
 *
 * A call that a rule excludes succeeds without touching the directory, so the delivery queue does
 * not retry it.
 */
final class PublishingRules {

  /** Comma-separated CA names whose certificates and CRLs are published; unset: every CA. */
  static final String CA_NAMES = "egovca.ldap.rules.caNames";

  /** Comma-separated items that are published; unset: all of them. */
  static final String ITEMS = "egovca.ldap.rules.items";

  /** What a revocation does to the certificate's value: remove (default) or keep. */
  static final String ON_REVOKED = "egovca.ldap.rules.onRevoked";

  /** What expiry does to the certificate's value: remove (default) or keep. */
  static final String ON_EXPIRED = "egovca.ldap.rules.onExpired";

  /** Whether an entry left with nothing but its name is deleted (default true). */
  static final String DELETE_EMPTY_ENTRIES = "egovca.ldap.rules.deleteEmptyEntries";

  /** What becomes of a withdrawn certificate's value. */
  enum OnWithdrawal {
    REMOVE,
    KEEP;

    String configurationName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final Set<String> caNames;
  private final Set<PublishedItem> items;
  private final OnWithdrawal onRevoked;
  private final OnWithdrawal onExpired;
  private final boolean deleteEmptyEntries;

  private PublishingRules(ConfigurationValues values) {
    caNames = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    caNames.addAll(values.list(CA_NAMES));
    items = parseItems(values);
    onRevoked =
        values.choice(
            ON_REVOKED,
            OnWithdrawal.REMOVE,
            OnWithdrawal.values(),
            OnWithdrawal::configurationName);
    onExpired =
        values.choice(
            ON_EXPIRED,
            OnWithdrawal.REMOVE,
            OnWithdrawal.values(),
            OnWithdrawal::configurationName);
    deleteEmptyEntries = values.bool(DELETE_EMPTY_ENTRIES, true);
  }

  static PublishingRules from(ConfigurationValues values) {
    return new PublishingRules(values);
  }

  /** Whether {@code item} of the CA named {@code caName} is published. */
  boolean publishes(String caName, PublishedItem item) {
    return covers(caName) && items.contains(item);
  }

  /** Whether the certificates and CRLs of the CA named {@code caName} belong in this directory. */
  boolean covers(String caName) {
    return caNames.isEmpty() || caNames.contains(caName);
  }

  /** What a withdrawal for {@code why} does to the certificate's value. */
  OnWithdrawal onWithdrawal(Withdrawal why) {
    return switch (why) {
      case REVOKED -> onRevoked;
      case EXPIRED -> onExpired;
      case NOT_CONSENTED -> OnWithdrawal.REMOVE;
    };
  }

  boolean deleteEmptyEntries() {
    return deleteEmptyEntries;
  }

  @Override
  public String toString() {
    List<String> itemNames = new ArrayList<>();
    items.forEach(item -> itemNames.add(item.configurationName()));
    return "PublishingRules[caNames="
        + (caNames.isEmpty() ? "all" : caNames)
        + ", items="
        + itemNames
        + ", onRevoked="
        + onRevoked.configurationName()
        + ", onExpired="
        + onExpired.configurationName()
        + ", deleteEmptyEntries="
        + deleteEmptyEntries
        + ']';
  }

  private static Set<PublishedItem> parseItems(ConfigurationValues values) {
    List<String> names = values.list(ITEMS);
    if (names.isEmpty()) {
      return EnumSet.allOf(PublishedItem.class);
    }
    Set<PublishedItem> parsed = EnumSet.noneOf(PublishedItem.class);
    for (String name : names) {
      parsed.add(item(name));
    }
    return parsed;
  }

  private static PublishedItem item(String name) {
    List<String> known = new ArrayList<>();
    for (PublishedItem item : PublishedItem.values()) {
      if (item.configurationName().equalsIgnoreCase(name)) {
        return item;
      }
      known.add(item.configurationName());
    }
    throw new IllegalArgumentException(
        ITEMS + " lists an unknown item " + name + "; known: " + known);
  }
}
