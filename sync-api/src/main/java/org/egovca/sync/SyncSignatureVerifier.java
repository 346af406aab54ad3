package org.egovca.sync;

import static org.egovca.sync.SyncSignatureException.Reason.BAD_SIGNATURE;
import static org.egovca.sync.SyncSignatureException.Reason.MALFORMED;
import static org.egovca.sync.SyncSignatureException.Reason.NOT_SIGNED_BY_CA;
import static org.egovca.sync.SyncSignatureException.Reason.UNKNOWN_CA;

import java.io.IOException;
import java.security.Provider;
import java.security.cert.CertificateException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.CMSVerifierCertificateNotValidException;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.OperatorCreationException;

/**
 * Verifies the CA's signature on a sync message: a detached CMS SignedData with exactly one signer,
 * made with the key of one of the trusted certificates of the CA the message names, over the
 * canonical payload the receiver rebuilt.
 *
 * <p>Trust comes only from the receiver's own certificates: the certificate inside the SignedData
 * only says which of them signed (an impostor can copy a CA's name, never its key). Signatures are
 * checked with SM3withSM2 (default user ID {@code 1234567812345678}) or RSA as the SignedData says,
 * through a private BouncyCastle provider instance that is never registered with the JVM. Thread
 * safe.
 */
public final class SyncSignatureVerifier {

  private static final Provider BC = new BouncyCastleProvider();

  private final TrustedCaCertificates trusted;

  /**
   * @param trustedByCaIdentifier the trusted CA certificates (all key generations, and the root)
   *     per CA identifier
   */
  public SyncSignatureVerifier(Map<String, List<X509CertificateHolder>> trustedByCaIdentifier) {
    Map<String, List<X509CertificateHolder>> copy = Map.copyOf(trustedByCaIdentifier);
    this.trusted = caIdentifier -> copy.getOrDefault(caIdentifier, List.of());
  }

  /** For a trust that changes at run time: asked again for every message. */
  public SyncSignatureVerifier(TrustedCaCertificates trusted) {
    this.trusted = Objects.requireNonNull(trusted, "trusted");
  }

  /**
   * Passes only if cms is a valid detached signature over payload by one of the trusted
   * certificates of caIdentifier.
   *
   * @throws SyncSignatureException UNKNOWN_CA when no certificates are trusted for caIdentifier,
   *     MALFORMED when cms is not a detached SignedData with one signer, NOT_SIGNED_BY_CA when the
   *     signing key is none of the CA's, BAD_SIGNATURE when it does not verify over payload
   */
  public void verify(String caIdentifier, byte[] payload, byte[] cms)
      throws SyncSignatureException {
    List<X509CertificateHolder> caCertificates = trusted.forCaIdentifier(caIdentifier);
    if (caCertificates == null || caCertificates.isEmpty()) {
      throw new SyncSignatureException(
          UNKNOWN_CA, "no certificates are trusted for CA '" + caIdentifier + "'");
    }
    CMSSignedData signedData = detachedSignedData(payload, cms);
    SignerInformation signer = onlySigner(signedData);
    X509CertificateHolder signerCertificate =
        signingCaCertificate(signedData, signer, caCertificates)
            .orElseThrow(
                () ->
                    new SyncSignatureException(
                        NOT_SIGNED_BY_CA,
                        "the signature was not made with a key of CA '" + caIdentifier + "'"));
    checkSignature(signer, signerCertificate);
  }

  private static CMSSignedData detachedSignedData(byte[] payload, byte[] cms)
      throws SyncSignatureException {
    ContentInfo contentInfo;
    try {
      contentInfo = ContentInfo.getInstance(ASN1Primitive.fromByteArray(cms));
      if (new CMSSignedData(contentInfo).getSignedContent() != null) {
        throw new SyncSignatureException(
            MALFORMED, "the signature encapsulates content: it must be detached");
      }
      return new CMSSignedData(new CMSProcessableByteArray(payload), contentInfo);
    } catch (IOException | CMSException | RuntimeException e) {
      throw new SyncSignatureException(
          MALFORMED, "the signature is not a DER CMS SignedData: " + e.getMessage(), e);
    }
  }

  private static SignerInformation onlySigner(CMSSignedData signedData)
      throws SyncSignatureException {
    Collection<SignerInformation> signers = signedData.getSignerInfos().getSigners();
    if (signers.size() != 1) {
      throw new SyncSignatureException(
          MALFORMED, "the signature has " + signers.size() + " signers instead of one");
    }
    return signers.iterator().next();
  }

  /**
   * The trusted certificate whose key made the signature. With the signer certificate included (as
   * the CA does), the one with the same public key: this also finds the CA's key when the CA
   * certificate was re-issued for it. Without it, the one the signer identifier names.
   */
  private static Optional<X509CertificateHolder> signingCaCertificate(
      CMSSignedData signedData, SignerInformation signer, List<X509CertificateHolder> trusted) {
    Collection<X509CertificateHolder> included =
        signedData.getCertificates().getMatches(signer.getSID());
    if (included.isEmpty()) {
      return trusted.stream().filter(signer.getSID()::match).findFirst();
    }
    X509CertificateHolder signerCertificate = included.iterator().next();
    return trusted.stream()
        .filter(
            candidate ->
                candidate
                    .getSubjectPublicKeyInfo()
                    .equals(signerCertificate.getSubjectPublicKeyInfo()))
        .findFirst();
  }

  private static void checkSignature(SignerInformation signer, X509CertificateHolder certificate)
      throws SyncSignatureException {
    boolean valid;
    try {
      valid =
          signer.verify(
              new JcaSimpleSignerInfoVerifierBuilder().setProvider(BC).build(certificate));
    } catch (CMSSignerDigestMismatchException e) {
      throw new SyncSignatureException(
          BAD_SIGNATURE, "the signed digest does not match the message: a field was changed", e);
    } catch (CMSVerifierCertificateNotValidException e) {
      throw new SyncSignatureException(
          BAD_SIGNATURE, "signed at a time the CA certificate was not valid", e);
    } catch (OperatorCreationException | CertificateException | CMSException | RuntimeException e) {
      throw new SyncSignatureException(
          MALFORMED, "the signature cannot be checked: " + e.getMessage(), e);
    }
    if (!valid) {
      throw new SyncSignatureException(
          BAD_SIGNATURE, "the signature does not verify over the message: a field was changed");
    }
  }
}
