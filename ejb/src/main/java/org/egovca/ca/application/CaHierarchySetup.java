package org.egovca.ca.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.egovca.ca.domain.CertificateAuthority;
import org.egovca.ca.domain.CertificateProfile;
import org.egovca.ca.domain.CertificateProfiles;
import org.egovca.ca.domain.IssuanceTerms;
import org.egovca.ca.domain.IssuedCertificate;
import org.egovca.ca.domain.RaClient;
import org.egovca.ca.infrastructure.CaConfiguration;
import org.egovca.ca.infrastructure.CaCryptoToken;
import org.egovca.ca.x509.BouncyCastle;
import org.egovca.ca.x509.CertificateAssembler;
import org.egovca.ca.x509.EndEntityContent;
import org.egovca.ca.x509.SubjectNames;
import org.egovca.hsm.CryptoToken;
import org.egovca.hsm.KeyAlgorithm;

/**
 * First-start setup of the CA hierarchy, in one transaction: the SM2 root CA, the SM2 issuing CA
 * and the RSA TLS CA under the root (keys generated inside the crypto token), then the server's TLS
 * certificate and the demo RA client's credential from the TLS CA, each recorded and audited. The
 * key pairs of the two service certificates are made here, handed to the {@link ServiceCredentials}
 * writer and not kept. (The security administrators are operators: see OperatorBootstrap.)
 */
@Stateless
public class CaHierarchySetup {

  public static final String SYSTEM_ACTOR = "system:bootstrap";
  static final String DEMO_RA_CLIENT = "demo-ra";
  static final String DEMO_RA_CLIENT_SUBJECT = "CN=Demo RA Client,OU=RA,O=iFutureCA,C=CN";

  @PersistenceContext(unitName = "egovca")
  private EntityManager entityManager;

  @Inject private CaConfiguration configuration;
  @Inject private CaCryptoToken cryptoToken;
  @Inject private CertificateAuthorities certificateAuthorities;
  @Inject private CertificateIssuer issuer;
  @Inject private AuditLog auditLog;
  @Inject private ServiceCredentials credentials;
  @Inject private CertificateAssemblers assemblers;
  @Inject private CertificateProfileCatalogue profiles;

  private final Clock clock = Clock.systemUTC();

  /** True when the issuing CA already exists (every start after the first). */
  public boolean isSetUp() {
    return certificateAuthorities.byName(configuration.issuingCaName()).isPresent();
  }

  /** Creates the hierarchy and service credentials; the caller checked {@link #isSetUp()}. */
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

    KeyPair tlsKey = rsaKeyPair();
    IssuedCertificate tls =
        issueService(
            rsaCa,
            CertificateProfiles.TLS_SERVER,
            "CN=" + configuration.hostName() + ",OU=Service,O=iFutureCA,C=CN",
            tlsKey.getPublic(),
            hostNames());
    KeyPair raKey = rsaKeyPair();
    IssuedCertificate raCertificate =
        issueService(
            rsaCa,
            CertificateProfiles.TLS_CLIENT,
            DEMO_RA_CLIENT_SUBJECT,
            raKey.getPublic(),
            List.of());
    entityManager.persist(new RaClient(DEMO_RA_CLIENT, raCertificate, clock.instant()));
    auditLog.success(
        SYSTEM_ACTOR,
        AuditActions.RA_CLIENT_CREATED,
        DEMO_RA_CLIENT,
        "bound to certificate serial=" + raCertificate.getSerialNumberHex());

    try {
      credentials.writeCaChain(List.of(issuing.getEncoded(), root.getEncoded()));
      credentials.writeTlsCa(rsaCa.getEncoded());
      credentials.writeServerTls(tlsKey.getPrivate(), tls.getEncoded(), rsaCa.getEncoded());
      credentials.writeRaClient(raKey.getPrivate(), raCertificate.getEncoded(), rsaCa.getEncoded());
    } catch (IOException e) {
      throw new IllegalStateException("cannot write the service credentials", e);
    }
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
        AuditActions.CA_CREATED,
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
        SYSTEM_ACTOR,
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
