package org.egovca.ra.application;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
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
import java.util.logging.Logger;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.egovca.ca.application.AuditActions;
import org.egovca.ca.application.AuditLog;
import org.egovca.ca.application.ServiceCredentials;
import org.egovca.ca.domain.IssuedCertificate;
import org.egovca.ca.x509.BouncyCastle;
import org.egovca.ra.domain.Operator;
import org.egovca.ra.domain.OperatorRole;
import org.egovca.ra.domain.PasswordHash;

/**
 * At the first start, when no operator exists, creates the first security administrator, who then
 * creates everyone else: a login certificate and key in a PKCS#12 file of the data directory, and a
 * one-time password in an owner-only file that the start script prints once and deletes.
 */
@Stateless
public class OperatorBootstrap {

  public static final String FIRST_ADMIN = "admin";

  private static final Logger LOG = Logger.getLogger(OperatorBootstrap.class.getName());

  @PersistenceContext(unitName = "egovca")
  private EntityManager entityManager;

  @Inject private OperatorCertificates certificates;
  @Inject private ServiceCredentials credentials;
  @Inject private AuditLog auditLog;

  private final Clock clock = Clock.systemUTC();

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void createFirstSecurityAdmin() {
    long operators = entityManager.createNamedQuery(Operator.COUNT, Long.class).getSingleResult();
    if (operators > 0) {
      return;
    }
    KeyPair key = rsaKeyPair();
    IssuedCertificate certificate =
        certificates.issue(
            FIRST_ADMIN, SubjectPublicKeyInfo.getInstance(key.getPublic().getEncoded()), "system");
    char[] oneTimePassword = OneTimePasswords.create(FIRST_ADMIN, "Security Administrator");
    try {
      Operator admin =
          new Operator(
              FIRST_ADMIN,
              "Security Administrator",
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
          AuditActions.OPERATOR_CREATED,
          "operator:" + FIRST_ADMIN,
          "first security administrator, serial=" + certificate.getSerialNumberHex());
      credentials.writeFirstOperator(
          FIRST_ADMIN,
          key.getPrivate(),
          certificate.getEncoded(),
          certificates.tlsCaCertificate(),
          oneTimePassword);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write the first security administrator's files", e);
    } finally {
      Arrays.fill(oneTimePassword, '\0');
    }
    LOG.info(
        "Created the first security administrator '"
            + FIRST_ADMIN
            + "'; the start script prints the one-time password once");
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
