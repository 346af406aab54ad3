package org.egovca.custody.application;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.egovca.audit.domain.AuditAction;
import org.egovca.audit.domain.AuditEvent;
import org.egovca.custody.domain.KeyCeremony;
import org.egovca.servicetier.ServiceTier;

/**
 * What the custody service tests share: the demo custodians of the service tier with their PINs
 * from the data directory, and the newest records of ceremonies and audit events.
 */
public final class CustodyFixtures {

  private CustodyFixtures() {}

  /** Demo custodians {@code custodian<n>} present, each with their PIN. */
  public static List<CustodianPresence> demoCustodians(int... numbers) {
    List<String> usernames = new ArrayList<>();
    for (int number : numbers) {
      usernames.add("custodian" + number);
    }
    return present(usernames.toArray(String[]::new));
  }

  /** The demo custodians named {@code usernames} present, each with their PIN. */
  static List<CustodianPresence> present(String... usernames) {
    List<CustodianPresence> present = new ArrayList<>();
    for (String username : usernames) {
      try {
        String pin =
            Files.readString(
                    ServiceTier.dataDirectory().resolve("demo-custodians/" + username + ".pin"),
                    UTF_8)
                .strip();
        present.add(new CustodianPresence(username, pin.toCharArray()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return present;
  }

  /** The newest audit event of {@code action}. */
  public static AuditEvent lastAudit(AuditAction action) {
    return ServiceTier.inTransaction(
        em ->
            em.createQuery(
                    "SELECT e FROM AuditEvent e WHERE e.action = :action ORDER BY e.id DESC",
                    AuditEvent.class)
                .setParameter("action", action.name())
                .setMaxResults(1)
                .getSingleResult());
  }

  /** The newest ceremony of any token. */
  static KeyCeremony lastCeremony() {
    return ServiceTier.inTransaction(
        em ->
            em.createQuery("SELECT k FROM KeyCeremony k ORDER BY k.id DESC", KeyCeremony.class)
                .setMaxResults(1)
                .getSingleResult());
  }
}
