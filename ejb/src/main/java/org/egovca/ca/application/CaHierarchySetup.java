package org.egovca.ca.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.egovca.audit.application.AuditLog;
import org.egovca.audit.domain.AuditAction;
import org.egovca.ca.application.port.CaToken;
import org.egovca.ca.domain.CertificateAuthority;
import org.egovca.ca.domain.CertificateProfiles;
import org.egovca.ca.x509.CertificateAssembler;
import org.egovca.ca.x509.SubjectNames;
import org.egovca.hsm.CryptoToken;
import org.egovca.hsm.KeyAlgorithm;

/**
 * The first start's CA ceremony, in one transaction: the SM2 root CA, the SM2 issuing CA and the
 * RSA TLS CA under the root (keys generated inside the crypto token), each recorded and audited,
 * and their certificates written for relying parties; then {@link FirstServiceCredentials} issues
 * the server's TLS certificate and the demo remote RA's credential from the TLS CA. (The security
 * administrators are operators, created when the RA observes {@link CaStarted}.)
 */
@Stateless
public class CaHierarchySetup {

  public static final String SYSTEM_ACTOR = "system:bootstrap";

  @PersistenceContext(unitName = "egovca")
  private EntityManager entityManager;

  @Inject private CaConfiguration configuration;
  @Inject private CaToken cryptoToken;
  @Inject private CertificateAuthorities certificateAuthorities;
  @Inject private AuditLog auditLog;
  @Inject private ServiceCredentials credentials;
  @Inject private FirstServiceCredentials serviceCredentials;
  @Inject private CertificateAssemblers assemblers;
  @Inject private CertificateProfileCatalogue profiles;

  @Inject private Clock clock;

  /** True when the issuing CA already exists (every start after the first). */
  public boolean isSetUp() {
    return certificateAuthorities.byName(configuration.issuingCaName()).isPresent();
  }

  /**
   * Creates the hierarchy, then the service credentials issued from its TLS CA, in one transaction;
   * the caller checked {@link #isSetUp()}.
   */
  public void setUp() {
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    CertificateAssembler assembler = assemblers.assembler();
    CertificateAuthority root =
        createCa(
            configuration.rootCaName(),
            configuration.rootCaSubject(),
            KeyAlgorithm.SM2_256,
            null,
            now,
            now.plus(configuration.rootCaValidity()),
            assembler);
    CertificateAuthority issuing =
        createCa(
            configuration.issuingCaName(),
            configuration.issuingCaSubject(),
            KeyAlgorithm.SM2_256,
            root,
            now,
            now.plus(configuration.issuingCaValidity()),
            assembler);
    CertificateAuthority rsaCa =
        createCa(
            configuration.rsaCaName(),
            configuration.rsaCaSubject(),
            KeyAlgorithm.RSA_2048,
            root,
            now,
            now.plus(configuration.issuingCaValidity()),
            assembler);
    try {
      credentials.writeCaChain(List.of(issuing.getEncoded(), root.getEncoded()));
      credentials.writeTlsCa(rsaCa.getEncoded());
    } catch (IOException e) {
      throw new IllegalStateException("cannot write the CA certificates", e);
    }
    serviceCredentials.issue(rsaCa);
  }

  private CertificateAuthority createCa(
      String name,
      String subjectDn,
      KeyAlgorithm keyAlgorithm,
      CertificateAuthority parent,
      Instant notBefore,
      Instant notAfter,
      CertificateAssembler assembler) {
    CryptoToken token = cryptoToken.token();
    String alias = name + "-" + notBefore.getEpochSecond();
    PublicKey publicKey = token.generateKeyPair(alias, keyAlgorithm);
    SubjectPublicKeyInfo key = SubjectPublicKeyInfo.getInstance(publicKey.getEncoded());
    X500Name subject = SubjectNames.parse(subjectDn, profiles.require(CertificateProfiles.CA));
    X509CertificateHolder certificate =
        parent == null
            ? assembler.rootCa(subject, alias, keyAlgorithm, key, notBefore, notAfter)
            : assembler.subordinateCa(
                CertificateAuthorities.asIssuer(parent), subject, key, notBefore, notAfter);
    CertificateAuthority ca =
        new CertificateAuthority(
            name,
            SubjectNames.toDisplayString(subject),
            parent,
            alias,
            keyAlgorithm.name(),
            certificate.getSerialNumber(),
            notBefore,
            notAfter,
            CertificateAssembler.encode(certificate),
            clock.instant());
    entityManager.persist(ca);
    auditLog.success(
        SYSTEM_ACTOR,
        AuditAction.CA_CREATED,
        ca.getSubjectDn(),
        "ca="
            + name
            + " key="
            + keyAlgorithm.name()
            + " alias="
            + alias
            + " serial="
            + ca.getSerialNumber().toString(16));
    return ca;
  }
}
