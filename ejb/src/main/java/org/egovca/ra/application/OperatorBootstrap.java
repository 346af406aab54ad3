package org.egovca.ra.application;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.egovca.audit.application.AuditLog;
import org.egovca.audit.domain.AuditAction;
import org.egovca.ca.application.CaStarted;
import org.egovca.ca.application.ServiceCredentials;
import org.egovca.ca.domain.IssuedCertificate;
import org.egovca.ca.x509.BouncyCastle;
import org.egovca.ra.domain.Operator;
import org.egovca.ra.domain.OperatorRole;
import org.egovca.ra.domain.PasswordHash;

/**
 * At the first start, when no operator exists, creates the first two security administrators, who
 * then create everyone else under dual control: for each, a login certificate and key in a PKCS#12
 * file of the data directory, and a one-time password in an owner-only file that the start script
 * prints once and deletes.
 */
@Stateless
public class OperatorBootstrap {

  /**
   * Two, because every action that could take over an account or touch a CA key needs a second
   * security administrator's approval (dual control): with one, nobody could ever add another.
   */
  public static final List<String> FIRST_ADMINS = List.of("admin", "admin2");

  private static final Logger LOG = Logger.getLogger(OperatorBootstrap.class.getName());

  @PersistenceContext(unitName = "egovca")
  private EntityManager entityManager;

  @Inject private OperatorCertificates certificates;
  @Inject private ServiceCredentials credentials;
  @Inject private AuditLog auditLog;

  @Inject private Clock clock;

  /** Creates the first two security administrators, on the first start only. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void createFirstSecurityAdmins(@Observes CaStarted event) {
    long operators = entityManager.createNamedQuery(Operator.COUNT, Long.class).getSingleResult();
    if (operators > 0) {
      // never again: an installation that lost an administrator gets one through dual control,
      // not by a restart
      return;
    }
    Map<String, char[]> oneTimePasswords = new LinkedHashMap<>();
    try {
      for (String username : FIRST_ADMINS) {
        oneTimePasswords.put(username, create(username));
      }
      credentials.writeFirstAdministratorsNote(oneTimePasswords);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write the first security administrators' files", e);
    } finally {
      oneTimePasswords.values().forEach(password -> Arrays.fill(password, '\0'));
    }
    LOG.info(
        "Created the first security administrators "
            + FIRST_ADMINS
            + "; the start script prints their one-time passwords once");
  }

  private char[] create(String username) throws IOException {
    KeyPair key = rsaKeyPair();
    IssuedCertificate certificate =
        certificates.issue(
            username, SubjectPublicKeyInfo.getInstance(key.getPublic().getEncoded()), "system");
    String displayName = "Security Administrator " + (FIRST_ADMINS.indexOf(username) + 1);
    char[] oneTimePassword = OneTimePasswords.create(username, displayName);
    Operator admin =
        new Operator(
            username,
            displayName,
            null,
            EnumSet.of(OperatorRole.SECURITY_ADMIN),
            null,
            PasswordHash.of(oneTimePassword),
            "system",
            clock.instant());
    admin.bindCertificate(certificate);
    entityManager.persist(admin);
    auditLog.success(
        "system",
        AuditAction.OPERATOR_CREATED,
        "operator:" + username,
        "first security administrator, serial=" + certificate.getSerialNumberHex());
    credentials.writeOperatorCredential(
        username,
        key.getPrivate(),
        certificate.getEncoded(),
        certificates.tlsCaCertificate(),
        oneTimePassword);
    return oneTimePassword;
  }

  private static KeyPair rsaKeyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA", BouncyCastle.provider());
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("RSA key generation is unavailable", e);
    }
  }
}
