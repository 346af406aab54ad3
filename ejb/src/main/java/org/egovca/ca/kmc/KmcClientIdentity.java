package org.egovca.ca.kmc;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.PublicKey;
import java.time.Clock;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.ContentSigner;
import org.egovca.ca.application.CaConfiguration;
import org.egovca.ca.application.port.CaToken;
import org.egovca.hsm.CryptoToken;
import org.egovca.hsm.KeyAlgorithm;
import org.egovca.hsm.KeyAliasExistsException;
import org.egovca.hsm.SignatureAlgorithm;
import org.egovca.kmc.protocol.EntNames;
import org.egovca.kmc.protocol.KmcProtocolException;
import org.egovca.kmc.protocol.ProtocolCertificates;
import org.egovca.kmc.protocol.asn1.EntName;

/**
 * Who the CA is towards the KMC, and who the KMC is to it. The CA signs its CARequests with a
 * dedicated SM2 protocol key in the CA token ({@value #PROTOCOL_KEY}), not with the issuing CA's
 * key: the issuing CA key signs certificates and CRLs only, and its rollover would otherwise break
 * the KMC's pinned trust. A self-signed certificate of that key ({@code
 * kmc-client/ca-protocol.pem}) gives the CA's {@code caName}; the KMC pins it. The KMC's protocol
 * certificate is pinned here on the first use ({@link ProtocolCertificates#pinned}).
 */
@ApplicationScoped
public class KmcClientIdentity {

  static final String PROTOCOL_KEY = "kmc-client";
  static final X500Name SUBJECT = new X500Name("CN=CA client of the KMC,OU=CA,O=iFutureCA,C=CN");

  private static final int CERTIFICATE_YEARS = 10;

  @Inject private CaToken caToken;
  @Inject private CaConfiguration configuration;
  @Inject private Clock clock;

  private volatile X509CertificateHolder certificate;

  /** The CA's protocol certificate, made (key and certificate) on the first use. */
  X509CertificateHolder certificate() {
    X509CertificateHolder current = certificate;
    if (current == null) {
      synchronized (this) {
        if (certificate == null) {
          certificate = loadOrMake();
        }
        current = certificate;
      }
    }
    return current;
  }

  EntName caName() {
    return EntNames.of(certificate());
  }

  ContentSigner signer() {
    return caToken.token().contentSigner(PROTOCOL_KEY, SignatureAlgorithm.SM3_WITH_SM2);
  }

  /** The KMC's protocol certificate as pinned. */
  X509CertificateHolder kmc() throws KmcProtocolException {
    KmcClientFiles files = files();
    return ProtocolCertificates.pinned(
        files.pinnedKmcCertificate(), files.publishedKmcCertificate());
  }

  private X509CertificateHolder loadOrMake() {
    CryptoToken token = caToken.token();
    if (!token.containsKey(PROTOCOL_KEY)) {
      try {
        token.generateKeyPair(PROTOCOL_KEY, KeyAlgorithm.SM2_256);
      } catch (KeyAliasExistsException madeMeanwhile) {
        // another node of this CA made it first: use that one
      }
    }
    PublicKey key = token.publicKey(PROTOCOL_KEY);
    SubjectPublicKeyInfo info = SubjectPublicKeyInfo.getInstance(key.getEncoded());
    try {
      if (Files.exists(files().caCertificate())) {
        X509CertificateHolder existing = ProtocolCertificates.read(files().caCertificate());
        if (existing.getSubjectPublicKeyInfo().equals(info)) {
          return existing;
        }
      }
      X509CertificateHolder made =
          ProtocolCertificates.selfSigned(
              SUBJECT, key, signer(), clock.instant(), CERTIFICATE_YEARS);
      ProtocolCertificates.write(files().caCertificate(), made);
      return made;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or write the CA's KMC protocol certificate", e);
    }
  }

  private KmcClientFiles files() {
    return new KmcClientFiles(configuration.dataDirectory());
  }
}
