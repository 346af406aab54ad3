package org.egovca.ca.application;

import static org.egovca.ca.application.CaServiceFixtures.ACTOR;
import static org.egovca.ca.application.CaServiceFixtures.bean;
import static org.egovca.ca.application.CaServiceFixtures.demoRa;
import static org.egovca.ca.application.CaServiceFixtures.newRemoteRa;
import static org.egovca.ca.application.CaServiceFixtures.refused;
import static org.egovca.ca.application.CaServiceFixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.inject.Inject;
import java.math.BigInteger;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.egovca.audit.domain.AuditAction;
import org.egovca.audit.domain.AuditOutcome;
import org.egovca.ca.domain.CertificateProfile;
import org.egovca.ca.domain.CertificateProfiles;
import org.egovca.ca.domain.ClientAccount;
import org.egovca.ca.domain.ClientRole;
import org.egovca.ca.domain.IssuanceTerms;
import org.egovca.ca.domain.IssuedCertificate;
import org.egovca.ca.domain.RefusalCode;
import org.egovca.ca.domain.RevocationInitiator;
import org.egovca.ca.domain.RevocationReason;
import org.egovca.ca.testing.TestKeys;
import org.egovca.ca.x509.EndEntityContent;
import org.egovca.ca.x509.SubjectNames;
import org.egovca.servicetier.ServiceTier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Who may call the remote RA service: a client certificate this CA issued, valid now, bound to an
 * active account with the role REMOTE_RA. Every refusal is NOT_AUTHORIZED and audited as a denied
 * authentication.
 */
@ExtendWith(ServiceTier.class)
class ClientAuthenticatorServiceTest {

  @Inject RemoteRaService service;

  @Test
  void aCallWithoutClientCertificateIsDenied() {
    long before = deniedAuthentications();

    refused(
        RefusalCode.NOT_AUTHORIZED, "no TLS client certificate", () -> service.listProfiles(null));

    assertEquals(before + 1, deniedAuthentications());
  }

  @Test
  void aClientCertificateThatCannotBeParsedIsDenied() {
    long before = deniedAuthentications();

    refused(
        RefusalCode.NOT_AUTHORIZED,
        "the client certificate cannot be parsed",
        () -> service.listProfiles(new byte[] {0x30, 0x03, 0x02, 0x01}));

    assertEquals(before + 1, deniedAuthentications());
  }

  @Test
  void aCertificateOfAnotherIssuerIsDenied() throws Exception {
    KeyPair key = TestKeys.sm2KeyPair();
    X500Name name = new X500Name("CN=" + unique("Self signed ") + ",OU=RA,O=iFutureCA,C=CN");
    Instant now = Instant.now();
    X509CertificateHolder selfSigned =
        new JcaX509v3CertificateBuilder(
                name,
                BigInteger.TEN,
                Date.from(now.minusSeconds(60)),
                Date.from(now.plusSeconds(3600)),
                name,
                key.getPublic())
            .build(TestKeys.signer("SM3withSM2", key.getPrivate()));

    refused(
        RefusalCode.NOT_AUTHORIZED,
        "the client certificate was not issued by this CA",
        () -> service.listProfiles(selfSigned.getEncoded()));
  }

  @Test
  void aCertificateSignedByTheCaButNeverRecordedIsDenied() {
    byte[] unrecorded = rolledBackClientCertificate();

    refused(
        RefusalCode.NOT_AUTHORIZED,
        "the client certificate is not one this CA issued",
        () -> service.listProfiles(unrecorded));
  }

  @Test
  void aRevokedClientCertificateIsDenied() throws Exception {
    CaServiceFixtures.RemoteRa ra = newRemoteRa();
    BigInteger serial = new X509CertificateHolder(ra.certificate()).getSerialNumber();
    ServiceTier.inTransaction(
        em ->
            bean(CertificateRevoker.class)
                .revoke(serial, RevocationReason.E_KEY_COMPROMISE, RevocationInitiator.RA, ACTOR));

    refused(
        RefusalCode.NOT_AUTHORIZED,
        "the client certificate is revoked",
        () -> service.listProfiles(ra.certificate()));
  }

  @Test
  void anExpiredClientCertificateIsDenied() {
    ServiceTier.clock().advance(Duration.ofDays(3 * 365));

    refused(
        RefusalCode.NOT_AUTHORIZED,
        "the client certificate is expired",
        () -> service.listProfiles(demoRa()));
  }

  @Test
  void aClientCertificateNotYetValidIsDenied() {
    ServiceTier.clock().advance(Duration.ofDays(-2));

    refused(
        RefusalCode.NOT_AUTHORIZED,
        "the client certificate is not yet valid",
        () -> service.listProfiles(demoRa()));
  }

  @Test
  void theCertificateOfADeactivatedAccountIsDenied() {
    CaServiceFixtures.RemoteRa ra = newRemoteRa();
    ServiceTier.inTransaction(
        em ->
            em.createQuery("UPDATE ClientAccount a SET a.active = false WHERE a.name = :name")
                .setParameter("name", ra.name())
                .executeUpdate());

    refused(
        RefusalCode.NOT_AUTHORIZED,
        "the client certificate is not bound to an active client account",
        () -> service.listProfiles(ra.certificate()));
  }

  @Test
  void anAccountOfAnotherRoleIsDeniedNamingTheRoleItNeeds() {
    String name = unique("egov-");
    byte[] certificate =
        ServiceTier.inTransaction(
            em -> {
              IssuedCertificate issued = issueClientCertificate(name);
              em.persist(new ClientAccount(name, issued, ClientRole.EGOV_SYSTEM, Instant.now()));
              return issued.getEncoded();
            });

    refused(
        RefusalCode.NOT_AUTHORIZED,
        "account " + name + " has the role EGOV_SYSTEM; listProfiles needs REMOTE_RA",
        () -> service.listProfiles(certificate));
  }

  /** A client certificate the RSA CA signed in a transaction that was then rolled back. */
  private static byte[] rolledBackClientCertificate() {
    RolledBack rolledBack =
        assertThrows(
            RolledBack.class,
            () ->
                ServiceTier.inTransaction(
                    em -> {
                      throw new RolledBack(issueClientCertificate(unique("gone-")).getEncoded());
                    }));
    return rolledBack.certificate;
  }

  private static IssuedCertificate issueClientCertificate(String name) {
    CertificateProfile profile =
        bean(CertificateProfileCatalogue.class).require(CertificateProfiles.TLS_CLIENT);
    return bean(CertificateIssuer.class)
        .issue(
            bean(CertificateAuthorities.class).byName("iFutureCA-RSA").orElseThrow(),
            profile,
            new EndEntityContent(
                SubjectNames.parse("CN=" + name + ",OU=RA,O=iFutureCA,C=CN", profile),
                TestKeys.spki(TestKeys.rsaKeyPair(2048).getPublic()),
                List.of(),
                List.of()),
            ACTOR,
            IssuanceTerms.unpublished());
  }

  private static long deniedAuthentications() {
    return ServiceTier.inTransaction(
        em ->
            em.createQuery(
                    "SELECT COUNT(e) FROM AuditEvent e WHERE e.action = :action AND e.outcome ="
                        + " :outcome",
                    Long.class)
                .setParameter("action", AuditAction.CLIENT_AUTHENTICATION.name())
                .setParameter("outcome", AuditOutcome.DENIED)
                .getSingleResult());
  }

  /** Carries a certificate out of a transaction it rolls back. */
  private static final class RolledBack extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient byte[] certificate;

    RolledBack(byte[] certificate) {
      super("rolled back on purpose");
      this.certificate = certificate;
    }
  }
}
