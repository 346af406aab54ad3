package org.egovca.delivery.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.ContentSigner;
import org.egovca.ca.application.CertificateAuthorities;
import org.egovca.ca.domain.CertificateAuthority;
import org.egovca.ca.infrastructure.CaCryptoToken;
import org.egovca.hsm.CryptoToken;
import org.egovca.hsm.KeyAlgorithm;
import org.egovca.hsm.SignatureAlgorithm;
import org.egovca.sync.SyncSignatureException;
import org.egovca.sync.SyncSignatures;

/**
 * Signs sync payloads with a CA's current key inside the crypto module (SM3withSM2 for an SM2 CA,
 * SHA256withRSA for an RSA CA): a detached CMS SignedData that carries the CA certificate, which
 * the receiver finds again among the certificates it trusts for the CA identifier (R21, R22).
 */
@ApplicationScoped
class CaSignatures {

  @Inject private CertificateAuthorities certificateAuthorities;
  @Inject private CaCryptoToken cryptoToken;

  /** A signer for one run over a channel, used by one thread for every message of the run. */
  Signer signerOf(String caName) {
    CertificateAuthority ca =
        certificateAuthorities
            .byName(caName)
            .orElseThrow(() -> new IllegalStateException("no CA named " + caName));
    try {
      return new Signer(
          cryptoToken.token(),
          ca.getKeyAlias(),
          SignatureAlgorithm.forKey(KeyAlgorithm.valueOf(ca.getKeyAlgorithm())),
          new X509CertificateHolder(ca.getEncoded()));
    } catch (IOException e) {
      throw new IllegalStateException("the certificate of CA " + caName + " does not parse", e);
    }
  }

  /**
   * Signs for one CA. The token hands out a content signer for one signature at a time (it keeps a
   * pool of engines behind them), so each message gets its own.
   */
  static final class Signer {
    private final CryptoToken token;
    private final String keyAlias;
    private final SignatureAlgorithm algorithm;
    private final X509CertificateHolder caCertificate;

    private Signer(
        CryptoToken token,
        String keyAlias,
        SignatureAlgorithm algorithm,
        X509CertificateHolder caCertificate) {
      this.token = token;
      this.keyAlias = keyAlias;
      this.algorithm = algorithm;
      this.caCertificate = caCertificate;
    }

    byte[] sign(byte[] payload) throws SyncSignatureException {
      ContentSigner signer = token.contentSigner(keyAlias, algorithm);
      return SyncSignatures.sign(payload, signer, caCertificate);
    }
  }
}
