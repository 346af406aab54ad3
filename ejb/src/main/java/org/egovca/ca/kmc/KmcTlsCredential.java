package org.egovca.ca.kmc;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.egovca.ca.application.CaConfiguration;
import org.egovca.ca.application.CaHierarchySetup;
import org.egovca.ca.application.CertificateAuthorities;
import org.egovca.ca.application.CertificateIssuer;
import org.egovca.ca.application.CertificateProfileCatalogue;
import org.egovca.ca.application.ServiceCredentials;
import org.egovca.ca.domain.CertificateAuthority;
import org.egovca.ca.domain.CertificateProfile;
import org.egovca.ca.domain.CertificateProfiles;
import org.egovca.ca.domain.IssuanceTerms;
import org.egovca.ca.domain.IssuedCertificate;
import org.egovca.ca.x509.BouncyCastle;
import org.egovca.ca.x509.EndEntityContent;
import org.egovca.ca.x509.SubjectNames;

/**
 * The CA's TLS client credential towards the KMC: the HTTPS listener the KMC is served on demands a
 * client certificate of the CA's TLS CA. Issued from the TLS CA on the first call to the KMC (also
 * for an installation older than the KMC), in a transaction of its own, and written owner-only to
 * {@code kmc-client/tls-client.p12}; the key pair is made here and not kept elsewhere. It carries
 * no authority at the KMC: the signatures of GM/T 0014 do.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class KmcTlsCredential {

  static final String SUBJECT = "CN=CA client of the KMC,OU=Service,O=iFutureCA,C=CN";

  @Inject private CaConfiguration configuration;
  @Inject private CertificateAuthorities certificateAuthorities;
  @Inject private CertificateIssuer issuer;
  @Inject private CertificateProfileCatalogue profiles;
  @Inject private ServiceCredentials credentials;

  /** Issues and writes the credential unless it exists. */
  public void ensure() {
    KmcClientFiles files = new KmcClientFiles(configuration.dataDirectory());
    if (Files.exists(files.tlsCredential()) && Files.exists(files.tlsCredentialPassword())) {
      return;
    }
    CertificateAuthority tlsCa =
        certificateAuthorities
            .byName(configuration.rsaCaName())
            .orElseThrow(() -> new IllegalStateException("the TLS CA is not set up yet"));
    CertificateProfile profile = profiles.require(CertificateProfiles.TLS_CLIENT);
    KeyPair key = rsaKeyPair();
    IssuedCertificate certificate =
        issuer.issue(
            tlsCa,
            profile,
            new EndEntityContent(
                SubjectNames.parse(SUBJECT, profile),
                SubjectPublicKeyInfo.getInstance(key.getPublic().getEncoded()),
                List.of(),
                List.of()),
            CaHierarchySetup.SYSTEM_ACTOR,
            IssuanceTerms.unpublished());
    try {
      credentials.writeKmcClientTls(key.getPrivate(), certificate.getEncoded(), tlsCa.getEncoded());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the CA's TLS credential for the KMC", e);
    }
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
