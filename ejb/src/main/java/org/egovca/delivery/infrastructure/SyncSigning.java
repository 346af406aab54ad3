package org.egovca.delivery.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.ContentSigner;
import org.egovca.ca.application.CertificateAuthorities;
import org.egovca.ca.application.SyncSigners;
import org.egovca.ca.application.port.CaToken;
import org.egovca.ca.domain.CertificateAuthority;
import org.egovca.ca.domain.SyncSigner;
import org.egovca.ca.x509.OfflineToken;
import org.egovca.hsm.CryptoToken;
import org.egovca.hsm.KeyAlgorithm;
import org.egovca.hsm.SignatureAlgorithm;
import org.egovca.sync.SyncSignatureException;
import org.egovca.sync.SyncSignatures;

/**
 * Signs sync payloads with the sync signer of the CA that issued what a message carries, inside the
 * crypto module (SM3withSM2 for an SM2 CA, SHA256withRSA for an RSA CA): a detached CMS SignedData
 * that carries the sync signer certificate, which the receiver checks against the certificates it
 * trusts for the CA name (R21, R22). Never with the CA's certificate-signing key: without a sync
 * signer in force the message is not signed, and the delivery waits for one.
 */
@ApplicationScoped
class SyncSigning {

  @Inject private CertificateAuthorities certificateAuthorities;
  @Inject private SyncSigners syncSigners;
  @Inject private CaToken cryptoToken;

  /**
   * A signer for one run over a queue, used by one thread for every message of the run.
   *
   * @throws SyncSignatureException when the CA has no sync signer in force
   */
  Signer signerOf(String caName) throws SyncSignatureException {
    CertificateAuthority ca =
        certificateAuthorities
            .byName(caName)
            .orElseThrow(() -> new IllegalStateException("no CA named " + caName));
    SyncSigner signer =
        syncSigners
            .current(ca)
            .orElseThrow(
                () ->
                    new SyncSignatureException(
                        SyncSignatureException.Reason.MALFORMED,
                        "CA "
                            + caName
                            + " has no sync signer certificate in force (the CA issues one at"
                            + " start and checks every hour)"));
    try {
      return new Signer(
          cryptoToken.token(),
          signer.getKeyAlias(),
          SignatureAlgorithm.forKey(KeyAlgorithm.valueOf(ca.getKeyAlgorithm())),
          new X509CertificateHolder(signer.getCertificate().getEncoded()));
    } catch (IOException e) {
      throw new IllegalStateException(
          "the sync signer certificate of CA " + caName + " does not parse", e);
    }
  }

  /**
   * Signs for one CA's sync signer. The token hands out a content signer for one signature at a
   * time (it keeps a pool of engines behind them), so each message gets its own.
   */
  static final class Signer implements SyncDelivery.PayloadSigner {
    private final CryptoToken token;
    private final String keyAlias;
    private final SignatureAlgorithm algorithm;
    private final X509CertificateHolder certificate;

    private Signer(
        CryptoToken token,
        String keyAlias,
        SignatureAlgorithm algorithm,
        X509CertificateHolder certificate) {
      this.token = token;
      this.keyAlias = keyAlias;
      this.algorithm = algorithm;
      this.certificate = certificate;
    }

    /**
     * Signs {@code payload}; a token that went offline during the run (deliveries to e-gov systems
     * wait while it is offline, {@code DeliveryTargets}) leaves the message unsigned and unsent.
     */
    @Override
    public byte[] sign(byte[] payload) throws SyncSignatureException {
      try {
        ContentSigner signer = token.contentSigner(keyAlias, algorithm);
        return SyncSignatures.sign(payload, signer, certificate);
      } catch (SyncSignatureException | RuntimeException e) {
        // a CMS generator may wrap the token's failure in its own exception
        if (OfflineToken.causedBy(e)) {
          throw new SyncSignatureException(
              SyncSignatureException.Reason.MALFORMED,
              "the CA crypto token is offline: its keys wait for activation by the key custodians");
        }
        throw e;
      }
    }
  }
}
