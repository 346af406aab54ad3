package org.egovca.custody.application;

import static java.nio.charset.StandardCharsets.UTF_8;

import jakarta.enterprise.inject.spi.CDI;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.egovca.audit.domain.AuditAction;
import org.egovca.audit.domain.AuditEvent;
import org.egovca.ca.domain.IssuedCertificate;
import org.egovca.ca.testing.TestKeys;
import org.egovca.custody.domain.KeyCeremony;
import org.egovca.ra.application.OperatorCertificates;
import org.egovca.ra.application.OperatorSessions;
import org.egovca.ra.domain.Operator;
import org.egovca.ra.domain.OperatorRole;
import org.egovca.ra.domain.PasswordHash;
import org.egovca.servicetier.ServiceTier;

/**
 * What the custody service tests share: the demo custodians of the service tier with their PINs
 * from the data directory, operators logged in at the console, and the newest records of ceremonies
 * and audit events.
 */
public final class CustodyFixtures {

  private static final String PASSWORD = "Custody-fixture-9";

  private CustodyFixtures() {}

  /** An operator's username and their open console session. */
  record Login(String username, String token) {}

  /**
   * A new operator of {@code role} with a login certificate and their own password, logged in at
   * the console (made directly, as no custody service makes operators).
   */
  static Login consoleLogin(OperatorRole role) {
    String username =
        "cer-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
    KeyPair key = TestKeys.rsaKeyPair(2048);
    byte[] certificate =
        ServiceTier.inTransaction(
            em -> {
              IssuedCertificate issued =
                  CDI.current()
                      .select(OperatorCertificates.class)
                      .get()
                      .issue(username, TestKeys.spki(key.getPublic()), "test");
              String hash = PasswordHash.of(PASSWORD.toCharArray());
              Operator operator =
                  new Operator(
                      username,
                      "Custody " + role,
                      null,
                      EnumSet.of(role),
                      null,
                      hash,
                      "test",
                      ServiceTier.clock().instant());
              operator.changePassword(hash, ServiceTier.clock().instant());
              operator.bindCertificate(issued);
              em.persist(operator);
              return issued.getEncoded();
            });
    String token =
        CDI.current()
            .select(OperatorSessions.class)
            .get()
            .login(certificate, username, PASSWORD.toCharArray(), "127.0.0.1")
            .sessionToken();
    return new Login(username, token);
  }

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
