package org.egovca.ca.application;

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
import java.security.PublicKey;
import java.time.Clock;
import java.util.List;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.egovca.audit.application.AuditLog;
import org.egovca.audit.domain.AuditAction;
import org.egovca.ca.domain.CertificateAuthority;
import org.egovca.ca.domain.CertificateProfile;
import org.egovca.ca.domain.CertificateProfiles;
import org.egovca.ca.domain.ClientAccount;
import org.egovca.ca.domain.IssuanceTerms;
import org.egovca.ca.domain.IssuedCertificate;
import org.egovca.ca.x509.BouncyCastle;
import org.egovca.ca.x509.EndEntityContent;
import org.egovca.ca.x509.SubjectNames;

/**
 * The credentials the system itself needs on its first start, issued from the TLS CA in the CA
 * ceremony's transaction: the server's TLS certificate, and the demo remote RA's credential (demo
 * material, like EJBCA's {@code superadmin.p12}: an installation registers its real RA systems
 * under dual control). The key pairs are made here, handed to the {@link ServiceCredentials} writer
 * and not kept.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class FirstServiceCredentials {

  static final String DEMO_REMOTE_RA = "demo-ra";
  static final String DEMO_REMOTE_RA_SUBJECT = "CN=Demo Remote RA,OU=RA,O=iFutureCA,C=CN";

  @PersistenceContext(unitName = "egovca")
  private EntityManager entityManager;

  @Inject private CaConfiguration configuration;
  @Inject private CertificateIssuer issuer;
  @Inject private AuditLog auditLog;
  @Inject private ServiceCredentials credentials;
  @Inject private CertificateProfileCatalogue profiles;

  @Inject private Clock clock;

  /** Issues and writes the server's TLS credential and the demo remote RA's, from {@code tlsCa}. */
  public void issue(CertificateAuthority tlsCa) {
    KeyPair tlsKey = rsaKeyPair();
    IssuedCertificate tls =
        issueService(
            tlsCa,
            CertificateProfiles.TLS_SERVER,
            "CN=" + configuration.hostName() + ",OU=Service,O=iFutureCA,C=CN",
            tlsKey.getPublic(),
            hostNames());
    KeyPair raKey = rsaKeyPair();
    IssuedCertificate raCertificate =
        issueService(
            tlsCa,
            CertificateProfiles.TLS_CLIENT,
            DEMO_REMOTE_RA_SUBJECT,
            raKey.getPublic(),
            List.of());
    entityManager.persist(new ClientAccount(DEMO_REMOTE_RA, raCertificate, clock.instant()));
    auditLog.success(
        CaHierarchySetup.SYSTEM_ACTOR,
        AuditAction.REMOTE_RA_REGISTERED,
        DEMO_REMOTE_RA,
        "bound to certificate serial=" + raCertificate.getSerialNumberHex());
    try {
      credentials.writeServerTls(tlsKey.getPrivate(), tls.getEncoded(), tlsCa.getEncoded());
      credentials.writeDemoRemoteRa(
          raKey.getPrivate(), raCertificate.getEncoded(), tlsCa.getEncoded());
    } catch (IOException e) {
      throw new IllegalStateException("cannot write the service credentials", e);
    }
  }

  private IssuedCertificate issueService(
      CertificateAuthority ca,
      String profileName,
      String subjectDn,
      PublicKey key,
      List<GeneralName> altNames) {
    CertificateProfile profile = profiles.require(profileName);
    return issuer.issue(
        ca,
        profile,
        new EndEntityContent(
            SubjectNames.parse(subjectDn, profile),
            SubjectPublicKeyInfo.getInstance(key.getEncoded()),
            altNames,
            List.of()),
        CaHierarchySetup.SYSTEM_ACTOR,
        // the server's TLS and the service clients' login certificates serve this system only
        IssuanceTerms.unpublished());
  }

  private List<GeneralName> hostNames() {
    String host = configuration.hostName();
    return host.equals("localhost")
        ? List.of(
            new GeneralName(GeneralName.dNSName, "localhost"),
            new GeneralName(GeneralName.iPAddress, "127.0.0.1"))
        : List.of(
            new GeneralName(GeneralName.dNSName, host),
            new GeneralName(GeneralName.dNSName, "localhost"),
            new GeneralName(GeneralName.iPAddress, "127.0.0.1"));
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
